/**
 * Validation rules in the save order: loads `objects/<Object>/validationRules/<Name>.validationRule-meta.xml` and
 * evaluates `errorConditionFormula` with the project's formula evaluator (src/formula/evaluate.ts): the record's
 * catalog fields, the prior record (ISCHANGED/PRIORVALUE/ISNEW), the running user's `$Permission.<name>` and the
 * shipped `$CustomMetadata.<Type>.<DeveloperName>.<Field>` values. Anything else (cross-object references, unknown
 * fields) makes the evaluator throw; the error names the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { evaluateCondition, referencesUsed } from '../formula/evaluate.js';
import type { TypedValue } from '../formula/evaluate.js';
import { fieldType, objectFields } from './catalog.js';
import type { RecordValidator } from './engine.js';
import type { CustomMetadataRecord } from './load.js';
import type { Fields } from './store.js';
import type { RecordError } from './types.js';

export interface ValidationRule {
    readonly object: string;
    readonly name: string;
    readonly file: string;
    readonly active: boolean;
    readonly formula: string;
    readonly errorDisplayField?: string;
    readonly errorMessage: string;
}

const ruleSchema = z.object({
    ValidationRule: z.object({
        fullName: z.string().optional(),
        active: z.enum(['true', 'false']),
        description: z.string().optional(),
        errorConditionFormula: z.string(),
        errorDisplayField: z.string().optional(),
        errorMessage: z.string(),
        shouldEvaluateOnClient: z.string().optional()
    })
});

const parser = new XMLParser({ parseTagValue: false, trimValues: true });

export function parseValidationRuleXml(xml: string, file: string): ValidationRule {
    const object = basename(dirname(dirname(file)));
    const name = basename(file).replace(/\.validationRule-meta\.xml$/, '');
    const parsed = ruleSchema.safeParse(parser.parse(xml));
    if (!parsed.success) {
        throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const rule = parsed.data.ValidationRule;
    if (rule.errorDisplayField) {
        fieldType(object, rule.errorDisplayField, `${file} errorDisplayField`);
    }
    return {
        object,
        name,
        file,
        active: rule.active === 'true',
        formula: rule.errorConditionFormula,
        errorMessage: rule.errorMessage,
        ...(rule.errorDisplayField ? { errorDisplayField: rule.errorDisplayField } : {})
    };
}

/** Finds every validation rule under `root` (a package directory such as force-app). */
export function loadValidationRules(root: string): ValidationRule[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir).sort()) {
            const path = join(dir, entry);
            if (statSync(path).isDirectory()) {
                walk(path);
            } else if (entry.endsWith('.validationRule-meta.xml')) {
                found.push(path);
            }
        }
    };
    walk(root);
    return found.map((file) => parseValidationRuleXml(readFileSync(file, 'utf8'), file));
}

function typedRecord(objectName: string, values: Fields): Record<string, TypedValue> {
    const out: Record<string, TypedValue> = {};
    for (const [field, type] of Object.entries(objectFields(objectName, 'validation rule'))) {
        out[field] = {
            type: type === 'boolean' ? 'checkbox' : type,
            value: values[field] ?? (type === 'boolean' ? false : null)
        };
    }
    return out;
}

function metadataValues(records: readonly CustomMetadataRecord[]): Record<string, TypedValue> {
    const out: Record<string, TypedValue> = {};
    for (const record of records) {
        for (const [field, value] of Object.entries(record.values)) {
            const type = fieldType(record.object, field, 'custom metadata');
            out[`${record.object}.${String(record.values.DeveloperName)}.${field}`] = {
                type: type === 'boolean' ? 'checkbox' : type,
                value
            };
        }
    }
    return out;
}

/** Builds the save-order hook that evaluates the active rules of the saved object. */
export function validatorFromRules(
    rules: readonly ValidationRule[],
    customMetadata: readonly CustomMetadataRecord[] = []
): RecordValidator {
    const active = rules.filter((rule) => rule.active);
    const metadata = metadataValues(customMetadata);
    const permissionNames = [
        ...new Set(active.flatMap((rule) => referencesUsed(rule.formula)).filter((r) => /^\$Permission\./i.test(r)))
    ].map((r) => r.slice('$Permission.'.length));
    return (objectName, record, prior, hasPermission) => {
        const errors: RecordError[] = [];
        const permissions = Object.fromEntries(permissionNames.map((name) => [name, hasPermission?.(name) ?? false]));
        for (const rule of active.filter((r) => r.object === objectName)) {
            let failed: boolean;
            try {
                failed = evaluateCondition(rule.formula, {
                    record: typedRecord(objectName, record),
                    prior: prior === null ? null : typedRecord(objectName, prior),
                    permissions,
                    customMetadata: metadata
                });
            } catch (error) {
                throw new Error(
                    `validation rule ${rule.object}.${rule.name} (${rule.file}): ${(error as Error).message}`
                );
            }
            if (failed) {
                errors.push(
                    rule.errorDisplayField
                        ? { message: rule.errorMessage, field: rule.errorDisplayField }
                        : { message: rule.errorMessage }
                );
            }
        }
        return errors;
    };
}
