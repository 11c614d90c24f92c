/**
 * Reads the metadata a formula depends on from source-format files: validation rules
 * (`objects/<Object>/validationRules/<Name>.validationRule-meta.xml`) and custom metadata records
 * (`customMetadata/<Type>.<Record>.md-meta.xml`). Errors name the file and the offending element.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import type { TypedValue, ValueMap } from './evaluate.js';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'values'
});

const ValidationRuleSchema = z.object({
    active: z.enum(['true', 'false']),
    description: z.string().min(1),
    errorConditionFormula: z.string().min(1),
    errorDisplayField: z.string().min(1).optional(),
    errorMessage: z.string().min(1)
});

export interface ValidationRule {
    readonly name: string;
    readonly object: string;
    readonly active: boolean;
    readonly description: string;
    readonly errorConditionFormula: string;
    readonly errorDisplayField: string | undefined;
    readonly errorMessage: string;
}

function describeIssues(file: string, error: z.ZodError): string {
    return error.issues.map((issue) => `${file}: <${issue.path.join('.')}> ${issue.message}`).join('\n');
}

/** Parses a validation rule's XML text; `file` is its source path (object and rule name come from it). */
export function parseValidationRule(xml: string, file: string): ValidationRule {
    const document = parser.parse(xml) as Record<string, unknown>;
    const root = document['ValidationRule'];
    if (root === undefined || typeof root !== 'object' || root === null) {
        throw new Error(`${file}: root element <ValidationRule> not found`);
    }
    const parsed = ValidationRuleSchema.safeParse(root);
    if (!parsed.success) {
        throw new Error(describeIssues(file, parsed.error));
    }
    const match = /objects\/([^/]+)\/validationRules\/([^/]+)\.validationRule-meta\.xml$/.exec(
        file.replaceAll('\\', '/')
    );
    if (!match) {
        throw new Error(`${file}: not at objects/<Object>/validationRules/<Name>.validationRule-meta.xml`);
    }
    return {
        object: match[1] ?? '',
        name: match[2] ?? '',
        active: parsed.data.active === 'true',
        description: parsed.data.description,
        errorConditionFormula: parsed.data.errorConditionFormula,
        errorDisplayField: parsed.data.errorDisplayField,
        errorMessage: parsed.data.errorMessage
    };
}

export function loadValidationRule(file: string): ValidationRule {
    return parseValidationRule(readFileSync(file, 'utf8'), file);
}

const CmdtValueSchema = z.object({
    field: z.string().min(1),
    value: z.union([
        z.string(),
        z.object({
            '#text': z.string().optional(),
            '@xsi:type': z.string().optional(),
            '@xsi:nil': z.string().optional()
        })
    ])
});
const CmdtSchema = z.object({ label: z.string().min(1), values: z.array(CmdtValueSchema).default([]) });

function typedCmdtValue(raw: z.infer<typeof CmdtValueSchema>['value'], where: string): TypedValue {
    if (typeof raw === 'string') {
        return { type: 'text', value: raw };
    }
    if (raw['@xsi:nil'] === 'true') {
        return { type: 'text', value: null };
    }
    const text = raw['#text'] ?? '';
    switch (raw['@xsi:type']) {
        case 'xsd:boolean':
            return { type: 'checkbox', value: text === 'true' };
        case 'xsd:double':
        case 'xsd:int': {
            const number = Number(text);
            if (Number.isNaN(number)) {
                throw new Error(`${where}: "${text}" is not a number`);
            }
            return { type: 'number', value: number };
        }
        case 'xsd:date':
            return { type: 'date', value: text };
        case 'xsd:dateTime':
            return { type: 'datetime', value: text };
        default:
            return { type: 'text', value: text };
    }
}

/**
 * Reads one custom metadata record and returns its values keyed as formulas name them after `$CustomMetadata.`:
 * `<Type__mdt>.<Record>.<Field__c>`.
 */
export function loadCustomMetadataRecord(file: string): ValueMap {
    let xml: string;
    try {
        xml = readFileSync(file, 'utf8');
    } catch (error) {
        throw new Error(`custom metadata record ${file} cannot be read: ${(error as Error).message}`);
    }
    const match = /^([^.]+)\.(.+)\.md-meta\.xml$/.exec(basename(file));
    if (!match) {
        throw new Error(`${file}: not named <Type>.<Record>.md-meta.xml`);
    }
    const document = parser.parse(xml) as Record<string, unknown>;
    const parsed = CmdtSchema.safeParse(document['CustomMetadata']);
    if (!parsed.success) {
        throw new Error(describeIssues(file, parsed.error));
    }
    const prefix = `${match[1] ?? ''}__mdt.${match[2] ?? ''}`;
    const values: Record<string, TypedValue> = {};
    for (const entry of parsed.data.values) {
        values[`${prefix}.${entry.field}`] = typedCmdtValue(entry.value, `${file}: <values> ${entry.field}`);
    }
    return values;
}
