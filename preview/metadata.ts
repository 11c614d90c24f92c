/**
 * What the preview's stubs know about the org, read from the project's own metadata: custom field definitions
 * (`objects/<Object>/fields/*.field-meta.xml`) merged with the standard fields the cards read, and Custom Labels.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { STANDARD_FIELDS, type FieldMeta } from './standard-fields.js';

export type { FieldMeta, UiDataType } from './standard-fields.js';

export const METADATA_DIR = 'force-app/main/default';
export const LABELS_PATH = `${METADATA_DIR}/labels/CustomLabels.labels-meta.xml`;

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'labels' });

/** Metadata API field type → UI API `dataType`. A type the preview does not know is a build error, not a guess. */
const DATA_TYPES: Readonly<Record<string, FieldMeta['dataType']>> = {
    Checkbox: 'Boolean',
    Text: 'String',
    TextArea: 'TextArea',
    LongTextArea: 'TextArea',
    Date: 'Date',
    DateTime: 'DateTime',
    Picklist: 'Picklist',
    Number: 'Double',
    Currency: 'Currency',
    Email: 'Email',
    Lookup: 'Reference'
};

const customFieldSchema = z.object({
    CustomField: z.object({
        fullName: z.string().min(1),
        label: z.string().min(1),
        type: z.string().min(1),
        inlineHelpText: z.string().optional(),
        defaultValue: z.string().optional(),
        required: z.string().optional(),
        formula: z.string().optional(),
        length: z.string().optional()
    })
});

/** Parses one custom field file into the UI API's view of it. */
export function parseCustomField(xml: string, file: string): FieldMeta {
    const parsed = customFieldSchema.safeParse(parser.parse(xml));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${file}: not a custom field: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const field = parsed.data.CustomField;
    const dataType = DATA_TYPES[field.type];
    if (!dataType) {
        throw new Error(`${file}: field type ${field.type} is not modelled by the preview (preview/metadata.ts)`);
    }
    return {
        apiName: field.fullName,
        label: field.label,
        dataType,
        inlineHelpText: field.inlineHelpText ?? null,
        defaultValue: field.defaultValue ?? null,
        required: field.required === 'true',
        updateable: field.formula === undefined,
        custom: true,
        length: field.length ? Number(field.length) : dataType === 'String' ? 255 : 0
    };
}

/** Every field of every object the preview serves: standard fields first, the project's custom fields on top. */
export function loadObjectFields(projectDir: string): Record<string, Record<string, FieldMeta>> {
    const objects: Record<string, Record<string, FieldMeta>> = {};
    for (const [object, fields] of Object.entries(STANDARD_FIELDS)) {
        objects[object] = Object.fromEntries(fields.map((f) => [f.apiName, f]));
    }
    const objectsDir = path.join(projectDir, METADATA_DIR, 'objects');
    for (const object of existsSync(objectsDir) ? readdirSync(objectsDir) : []) {
        const fieldsDir = path.join(objectsDir, object, 'fields');
        if (!existsSync(fieldsDir)) continue;
        const target = (objects[object] ??= {});
        for (const file of readdirSync(fieldsDir).filter((f) => f.endsWith('.field-meta.xml'))) {
            const full = path.join(fieldsDir, file);
            const meta = parseCustomField(readFileSync(full, 'utf8'), path.relative(projectDir, full));
            target[meta.apiName] = meta;
        }
    }
    return objects;
}

const labelsSchema = z.object({
    CustomLabels: z
        .object({ labels: z.array(z.object({ fullName: z.string().min(1), value: z.string() })).optional() })
        .or(z.literal(''))
});

/** Custom Labels by name (`c.<name>`); an empty map when the project has no labels file yet. */
export function loadLabels(projectDir: string): Map<string, string> {
    const file = path.join(projectDir, LABELS_PATH);
    if (!existsSync(file)) return new Map();
    const parsed = labelsSchema.safeParse(parser.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`${LABELS_PATH}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    const labels = parsed.data.CustomLabels === '' ? [] : (parsed.data.CustomLabels.labels ?? []);
    return new Map(labels.map((l) => [l.fullName, l.value]));
}
