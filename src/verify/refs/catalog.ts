/**
 * What objects and fields exist: the standard-field catalog (`src/verify/standard-fields.json`) plus the project's
 * own objects and fields. Resolves field paths such as `Account.Name` or `Parent_Account__r.Name`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { MetadataFile } from '../project.js';
import { childText, firstChild } from '../xml.js';

const standardSchema = z.object({
    objects: z.record(
        z.string(),
        z.object({ fields: z.array(z.string()).min(1), relationships: z.record(z.string(), z.string()) })
    )
});
export type StandardCatalog = z.infer<typeof standardSchema>['objects'];

export function loadStandardCatalog(path = new URL('../standard-fields.json', import.meta.url)): StandardCatalog {
    const parsed = standardSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`standard-fields.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data.objects;
}

export interface FieldDef {
    object: string;
    name: string;
    file: string;
    line: number;
    type?: string;
    required: boolean;
    referenceTo?: string;
    valueSetName?: string;
}

/** Reads the custom field definitions (`CustomField` files) of the project. */
export function collectFields(files: readonly MetadataFile[]): FieldDef[] {
    const out: FieldDef[] = [];
    for (const f of files) {
        if (f.sdrType !== 'CustomField' || !f.root || !f.fullName || f.ignored) continue;
        const [object, name] = f.fullName.split('.');
        if (!object || !name) continue;
        const def: FieldDef = {
            object,
            name,
            file: f.rel,
            line: f.root.line,
            required: childText(f.root, 'required') === 'true'
        };
        const type = childText(f.root, 'type');
        if (type) def.type = type;
        const ref = childText(f.root, 'referenceTo');
        if (ref) def.referenceTo = ref;
        const valueSet = firstChild(f.root, 'valueSet');
        const vsName = valueSet ? childText(valueSet, 'valueSetName') : undefined;
        if (vsName) def.valueSetName = vsName;
        out.push(def);
    }
    return out;
}

const CUSTOM_OBJECT_FIELDS = [
    'Id',
    'Name',
    'OwnerId',
    'RecordTypeId',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp',
    'IsDeleted',
    'LastActivityDate',
    'LastViewedDate',
    'LastReferencedDate'
];
const CUSTOM_METADATA_FIELDS = [
    'Id',
    'DeveloperName',
    'MasterLabel',
    'Label',
    'Language',
    'NamespacePrefix',
    'QualifiedApiName',
    'SystemModstamp'
];

export class ObjectCatalog {
    private readonly fields = new Map<string, Map<string, FieldDef | true>>();
    private readonly relationships = new Map<string, Map<string, string>>();

    constructor(standard: StandardCatalog, projectObjects: Iterable<string>, projectFields: readonly FieldDef[]) {
        for (const [object, def] of Object.entries(standard)) {
            this.fields.set(object, new Map(def.fields.map((f) => [f, true as const])));
            this.relationships.set(object, new Map(Object.entries(def.relationships)));
        }
        for (const object of projectObjects) this.ensureObject(object);
        for (const f of projectFields) {
            // a standard-field file (unpackaged/…/LeadSource.field-meta.xml) customises a field, it does not define it
            if (!f.name.endsWith('__c')) continue;
            this.ensureObject(f.object).set(f.name, f);
            if (f.referenceTo && f.name.endsWith('__c')) {
                this.relationshipsOf(f.object).set(f.name.replace(/__c$/, '__r'), f.referenceTo);
            }
        }
    }

    private ensureObject(object: string): Map<string, FieldDef | true> {
        let map = this.fields.get(object);
        if (!map) {
            const builtIn = object.endsWith('__mdt')
                ? CUSTOM_METADATA_FIELDS
                : object.endsWith('__c')
                  ? CUSTOM_OBJECT_FIELDS
                  : [];
            map = new Map(builtIn.map((f) => [f, true as const]));
            this.fields.set(object, map);
        }
        return map;
    }

    private relationshipsOf(object: string): Map<string, string> {
        let map = this.relationships.get(object);
        if (!map) {
            map = new Map();
            this.relationships.set(object, map);
        }
        return map;
    }

    hasObject(object: string): boolean {
        return this.fields.has(object);
    }

    field(object: string, field: string): FieldDef | true | undefined {
        return this.fields.get(object)?.get(field);
    }

    /** Follows relationship names from `object` (e.g. ['Account'] from Opportunity → Account), or undefined. */
    walk(object: string, relationships: readonly string[]): string | undefined {
        let current: string | undefined = object;
        for (const rel of relationships) {
            current = current ? this.relationships.get(current)?.get(rel) : undefined;
        }
        return current && this.hasObject(current) ? current : undefined;
    }

    /** Checks `segments` (e.g. ['Account', 'Name']) from `object`; returns an error message or undefined. */
    resolvePath(object: string, segments: readonly string[]): string | undefined {
        if (!this.hasObject(object)) return `object ${object} is neither in the project nor in standard-fields.json`;
        let current = object;
        for (let i = 0; i < segments.length - 1; i++) {
            const rel = segments[i] ?? '';
            const target = this.relationships.get(current)?.get(rel);
            if (!target) return `${current} has no relationship ${rel} (known to the project or standard-fields.json)`;
            if (!this.hasObject(target))
                return `object ${target} (via ${current}.${rel}) is not in standard-fields.json`;
            current = target;
        }
        const last = segments[segments.length - 1] ?? '';
        return this.field(current, last)
            ? undefined
            : `field ${current}.${last} does not exist in the project or standard-fields.json`;
    }
}
