/** Shared state of the reference checks and resolution of formula / flow identifiers. */
import type { MetadataFile } from '../project.js';
import { problem, type Problem } from '../problems.js';
import type { XmlElement } from '../xml.js';
import { collectFields, ObjectCatalog, type FieldDef, type StandardCatalog } from './catalog.js';

/** A text literal a formula or flow compares with, or assigns to, a field (e.g. ISPICKVAL(LeadSource, 'Web')). */
export interface ValueUse {
    file: string;
    line: number;
    path: string;
    object: string;
    field: string;
    value: string;
}

export interface RefContext {
    files: readonly MetadataFile[];
    standard: StandardCatalog;
    catalog: ObjectCatalog;
    fields: FieldDef[];
    /** Objects defined by an `.object-meta.xml` in the project. */
    projectObjects: Set<string>;
    customPermissions: Set<string>;
    /** Custom metadata record names `Type.Record` (type without `__mdt`). */
    cmdtRecords: Set<string>;
    problems: Problem[];
    valueUses: ValueUse[];
}

export function ofType(
    ctx: Pick<RefContext, 'files'>,
    type: string
): (MetadataFile & { root: XmlElement; fullName: string })[] {
    return ctx.files.filter(
        (f): f is MetadataFile & { root: XmlElement; fullName: string } =>
            f.sdrType === type && !!f.root && !!f.fullName && !f.ignored
    );
}

export function buildContext(files: readonly MetadataFile[], standard: StandardCatalog): RefContext {
    const base = { files };
    const projectObjects = new Set(ofType(base, 'CustomObject').map((f) => f.fullName));
    const fields = collectFields(files);
    return {
        files,
        standard,
        fields,
        projectObjects,
        catalog: new ObjectCatalog(standard, projectObjects, fields),
        customPermissions: new Set(ofType(base, 'CustomPermission').map((f) => f.fullName)),
        cmdtRecords: new Set(ofType(base, 'CustomMetadata').map((f) => f.fullName)),
        problems: [],
        valueUses: []
    };
}

export function report(ctx: RefContext, file: string, el: XmlElement | undefined, path: string, message: string): void {
    ctx.problems.push(problem('references', file, message, el ? { line: el.line, path } : { path }));
}

/** Checks `Object.Field` style references (permission sets, layouts, LeadConvert mappings). */
export function checkField(ctx: RefContext, object: string, fieldPath: string): string | undefined {
    return ctx.catalog.resolvePath(object, fieldPath.split('.'));
}

/**
 * Resolves one identifier of a formula or flow. `baseObject` is the record the formula runs on (validation rule
 * object, flow trigger object). `resources` (flows only) maps each flow resource name to its sObject type, or null
 * for non-record resources. Returns an error message or undefined.
 */
export function checkIdentifier(
    ctx: RefContext,
    id: string,
    baseObject: string | undefined,
    resources?: ReadonlyMap<string, string | null>
): string | undefined {
    const parts = id.split('.');
    const head = parts[0] ?? '';
    const rest = parts.slice(1);
    if (head === '$Permission') {
        const name = rest.join('.');
        return ctx.customPermissions.has(name) ? undefined : `custom permission ${name} is not defined in the project`;
    }
    if (head === '$CustomMetadata') {
        const [type, record, field] = rest;
        if (!type || !record || !field || rest.length !== 3) return `malformed $CustomMetadata reference ${id}`;
        if (!type.endsWith('__mdt') || !ctx.catalog.hasObject(type))
            return `custom metadata type ${type} is not defined in the project`;
        const recordName = `${type.replace(/__mdt$/, '')}.${record}`;
        if (!ctx.cmdtRecords.has(recordName)) return `custom metadata record ${recordName} does not exist`;
        return ctx.catalog.resolvePath(type, [field]);
    }
    if (head === '$User') return ctx.catalog.resolvePath('User', rest);
    if (head === '$Record' || head === '$Record__Prior') {
        if (!baseObject) return `${head} used but the flow has no triggering object`;
        return rest.length ? ctx.catalog.resolvePath(baseObject, rest) : undefined;
    }
    if (head.startsWith('$')) return undefined; // $Flow, $Api, $Organization, $Label, $Profile … are not checked
    if (resources) {
        if (!resources.has(head)) return `flow resource ${head} is not defined in this flow`;
        const object = resources.get(head);
        return object && rest.length ? ctx.catalog.resolvePath(object, rest) : undefined;
    }
    if (!baseObject) return undefined;
    return ctx.catalog.resolvePath(baseObject, parts);
}

/**
 * The object and field an identifier stands for (`$Record.Account.Industry` → Account.Industry), following the same
 * rules as `checkIdentifier`; undefined when it is not a resolvable record field.
 */
export function resolveTarget(
    ctx: RefContext,
    id: string,
    baseObject: string | undefined,
    resources?: ReadonlyMap<string, string | null>
): { object: string; field: string } | undefined {
    const parts = id.split('.');
    const head = parts[0] ?? '';
    let object: string | undefined;
    let path: string[];
    if (head === '$Record' || head === '$Record__Prior') {
        object = baseObject;
        path = parts.slice(1);
    } else if (head.startsWith('$')) {
        return undefined;
    } else if (resources) {
        object = resources.get(head) ?? undefined;
        path = parts.slice(1);
    } else {
        object = baseObject;
        path = parts;
    }
    const field = path[path.length - 1];
    if (!object || !field) return undefined;
    const target = ctx.catalog.walk(object, path.slice(0, -1));
    return target ? { object: target, field } : undefined;
}
