/**
 * Validation rules in the save order: loads `objects/<Object>/validationRules/<Name>.validationRule-meta.xml` and
 * evaluates `errorConditionFormula` with the flow-sim formula adapter (bare field names are bound to the record,
 * ISCHANGED/PRIORVALUE/ISNEW to the prior record, `$Permission.<name>` to the running user's permissions,
 * `$CustomMetadata.<Type>.<DeveloperName>.<Field>` to the shipped custom metadata records).
 * Cross-object references and functions the adapter does not implement are refused, naming the rule.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { fieldType } from './catalog.js';
import type { RecordValidator } from './engine.js';
import { evaluateFormula } from './formula.js';
import type { FormulaContext, Typed } from './formula.js';
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

const KEYWORDS = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT']);

/** Rewrites bare field names of a rule formula into flow merge fields (`StageName` → `{!$Record.StageName}`). */
export function toMergeFields(formula: string, where: string): string {
    let out = '';
    const pattern = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z_$][A-Za-z0-9_.$]*(\s*\()?/g;
    let last = 0;
    for (const match of formula.matchAll(pattern)) {
        const token = match[0];
        const index = match.index ?? 0;
        out += formula.slice(last, index);
        last = index + token.length;
        if (
            token.startsWith('"') ||
            token.startsWith("'") ||
            match[1] !== undefined ||
            KEYWORDS.has(token.toUpperCase())
        ) {
            out += token;
        } else if (token.startsWith('$Permission.') || /^\$CustomMetadata\.\w+__mdt\.\w+\.\w+$/.test(token)) {
            out += `{!${token}}`;
        } else if (token.startsWith('$') || token.includes('.')) {
            throw new Error(
                `${where}: reference ${token} is not implemented (only fields of the record, $Permission and $CustomMetadata)`
            );
        } else {
            out += `{!$Record.${token}}`;
        }
    }
    return out + formula.slice(last);
}

/** Builds the save-order hook that evaluates the active rules of the saved object. */
export function validatorFromRules(
    rules: readonly ValidationRule[],
    customMetadata: readonly CustomMetadataRecord[] = []
): RecordValidator {
    const compiled = rules
        .filter((rule) => rule.active)
        .map((rule) => ({
            rule,
            expression: toMergeFields(rule.formula, `validation rule ${rule.object}.${rule.name}`)
        }));
    return (objectName, record, prior, hasPermission) => {
        const errors: RecordError[] = [];
        for (const { rule, expression } of compiled.filter((c) => c.rule.object === objectName)) {
            const field = (ref: string, values: Fields | null): Typed => {
                const name = ref.replace(/^\$Record(__Prior)?\./, '');
                const type = fieldType(objectName, name, `validation rule ${rule.object}.${rule.name}`);
                return { value: values?.[name] ?? null, type };
            };
            const metadata = (ref: string): Typed => {
                const [, type = '', developerName = '', name = ''] = ref.split('.');
                const where = `validation rule ${rule.object}.${rule.name}: ${ref}`;
                const found = customMetadata.find((r) => r.object === type && r.values.DeveloperName === developerName);
                if (!found) {
                    throw new Error(`${where}: no ${type} record named ${developerName}`);
                }
                return { value: found.values[name] ?? null, type: fieldType(type, name, where) };
            };
            const context: FormulaContext = {
                resolve: (ref) =>
                    ref.startsWith('$Permission.')
                        ? { value: hasPermission?.(ref.slice('$Permission.'.length)) ?? false, type: 'boolean' }
                        : ref.startsWith('$CustomMetadata.')
                          ? metadata(ref)
                          : field(ref, record),
                prior: (ref) => (prior === null ? null : field(ref, prior)),
                isNew: () => prior === null
            };
            if (
                evaluateFormula(expression, 'Boolean', context, `validation rule ${rule.object}.${rule.name}`) === true
            ) {
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
