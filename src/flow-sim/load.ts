/** I/O: reads flow XML and custom metadata records from a source-format project and validates them. */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { flowSchema, REPEATABLE } from './flow-schema.js';
import type { LoadedFlow } from './flow-schema.js';
import { coerceFieldValue, isCustomMetadata } from './catalog.js';
import type { Value } from './catalog.js';

const flowParser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => REPEATABLE.has(name)
});

/** Parses one flow's XML; throws naming the flow and the offending element for anything unsupported. */
export function parseFlowXml(xml: string, name: string, file = `${name}.flow-meta.xml`): LoadedFlow {
    let doc: unknown;
    try {
        doc = flowParser.parse(xml, true);
    } catch (error) {
        throw new Error(`flow ${name} (${file}): malformed XML: ${(error as Error).message}`);
    }
    const root = (doc as Record<string, unknown>).Flow;
    if (root === undefined || typeof root !== 'object') {
        throw new Error(`flow ${name} (${file}): root element must be <Flow>`);
    }
    return { name, file, definition: validateFlow(root, name, file) };
}

export function validateFlow(root: unknown, name: string, file: string): LoadedFlow['definition'] {
    const result = flowSchema.safeParse(root);
    if (!result.success) {
        const issues = result.error.issues.map((issue) => {
            const path = issue.path.join('.');
            if (issue.code === 'unrecognized_keys') {
                return `${path || '<Flow>'}: unsupported element(s) ${issue.keys.join(', ')}`;
            }
            return `${path}: ${issue.message}`;
        });
        throw new Error(
            `flow ${name} (${file}) uses something the interpreter does not implement:\n  ${issues.join('\n  ')}`
        );
    }
    return result.data;
}

export function loadFlowsFromDir(dir: string): LoadedFlow[] {
    return readdirSync(dir)
        .filter((file) => file.endsWith('.flow-meta.xml'))
        .sort()
        .map((file) => parseFlowXml(readFileSync(join(dir, file), 'utf8'), basename(file, '.flow-meta.xml'), file));
}

const cmdtParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: true,
    isArray: (name) => name === 'values'
});

const cmdtSchema = z.object({
    CustomMetadata: z.object({
        label: z.string(),
        protected: z.string().optional(),
        values: z
            .array(
                z.object({
                    field: z.string(),
                    value: z.union([
                        z.object({ '#text': z.union([z.string(), z.number()]).optional(), '@_xsi:type': z.string() }),
                        z.object({ '@_xsi:nil': z.literal('true') }),
                        z.string()
                    ])
                })
            )
            .default([])
    })
});

export interface CustomMetadataRecord {
    readonly object: string;
    readonly values: Record<string, Value>;
}

/** Parses `<Type>.<DeveloperName>.md-meta.xml` into a record of `<Type>__mdt`. */
export function parseCustomMetadataXml(xml: string, file: string): CustomMetadataRecord {
    const match = /^(\w+)\.(\w+)\.md-meta\.xml$/.exec(basename(file));
    if (!match?.[1] || !match[2]) {
        throw new Error(`${file}: custom metadata file name must be <Type>.<DeveloperName>.md-meta.xml`);
    }
    const object = `${match[1]}__mdt`;
    if (!isCustomMetadata(object)) {
        throw new Error(`${file}: not a custom metadata record`);
    }
    const parsed = cmdtSchema.safeParse(cmdtParser.parse(xml));
    if (!parsed.success) {
        throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const doc = parsed.data.CustomMetadata;
    const values: Record<string, Value> = { DeveloperName: match[2], MasterLabel: doc.label };
    for (const entry of doc.values) {
        const raw = entry.value;
        let value: Value;
        if (typeof raw === 'string') {
            value = raw;
        } else if ('@_xsi:nil' in raw) {
            value = null;
        } else {
            const textValue = raw['#text'] === undefined ? '' : String(raw['#text']);
            const type = raw['@_xsi:type'];
            if (type === 'xsd:double' || type === 'xsd:int') {
                value = Number(textValue);
            } else if (type === 'xsd:boolean') {
                value = textValue === 'true';
            } else if (type === 'xsd:string') {
                value = textValue;
            } else {
                throw new Error(`${file}: field ${entry.field} has unsupported xsi:type ${type}`);
            }
        }
        values[entry.field] = coerceFieldValue(object, entry.field, value, file);
    }
    return { object, values };
}

export function loadCustomMetadataDir(dir: string): CustomMetadataRecord[] {
    let files: string[];
    try {
        files = readdirSync(dir);
    } catch {
        return [];
    }
    return files
        .filter((file) => file.endsWith('.md-meta.xml'))
        .sort()
        .map((file) => parseCustomMetadataXml(readFileSync(join(dir, file), 'utf8'), file));
}

const mappingSchema = z.object({
    LeadConvertSettings: z.object({
        objectMapping: z
            .array(
                z.object({
                    inputObject: z.literal('Lead'),
                    mappingFields: z.array(z.object({ inputField: z.string(), outputField: z.string() })).default([]),
                    outputObject: z.enum(['Account', 'Contact', 'Opportunity'])
                })
            )
            .default([])
    })
});

export type LeadFieldMappings = Partial<
    Record<'Account' | 'Contact' | 'Opportunity', Array<readonly [string, string]>>
>;

/** Reads LeadConvertSettings (source format) into the conversion simulator's custom field mappings. */
export function parseLeadConvertSettings(xml: string, file: string): LeadFieldMappings {
    const parser = new XMLParser({
        parseTagValue: false,
        isArray: (name) => name === 'objectMapping' || name === 'mappingFields'
    });
    const parsed = mappingSchema.safeParse(parser.parse(xml));
    if (!parsed.success) {
        throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const out: LeadFieldMappings = {};
    for (const mapping of parsed.data.LeadConvertSettings.objectMapping) {
        out[mapping.outputObject] = mapping.mappingFields.map((f) => {
            coerceFieldValue('Lead', f.inputField, null, file);
            coerceFieldValue(mapping.outputObject, f.outputField, null, file);
            return [f.inputField, f.outputField] as const;
        });
    }
    return out;
}
