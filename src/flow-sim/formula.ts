/**
 * Flow formula adapter over `formulon` (src/formula/evaluate.ts did not exist when this was written; this adapter
 * binds ISCHANGED/PRIORVALUE/ISNEW itself and resolves flow merge fields `{!...}`).
 *
 * Only the functions in SUPPORTED_FUNCTIONS are accepted; any other function fails loudly before evaluation.
 */
import { createRequire } from 'node:module';
import type { FieldType, Value } from './catalog.js';

interface FormulonLiteral {
    type: 'literal';
    dataType: string;
    value: unknown;
    options?: Record<string, unknown>;
}
interface FormulonError {
    type: 'error';
    errorType?: string;
    message?: string;
}
interface FormulonApi {
    parse(formula: string, variables: Record<string, FormulonLiteral>): FormulonLiteral | FormulonError;
}
const formulon = createRequire(import.meta.url)('formulon') as FormulonApi;

export const SUPPORTED_FUNCTIONS = new Set([
    'AND',
    'OR',
    'NOT',
    'IF',
    'ISBLANK',
    'BLANKVALUE',
    'TEXT',
    'FIND',
    'CONTAINS',
    'ISPICKVAL',
    'SUBSTITUTE',
    'ISCHANGED',
    'PRIORVALUE',
    'ISNEW'
]);

export type FormulaResultType = 'Boolean' | 'String' | 'Number' | 'Date';

export interface Typed {
    readonly value: Value;
    readonly type: FieldType;
}

export interface FormulaContext {
    /** Resolves a merge-field reference such as `$Record.StageName` or `Get_Rules.Stage_Order__c`. */
    resolve(reference: string): Typed;
    /** Prior value of a `$Record.<Field>` reference, or null when the record is new. */
    prior(reference: string): Typed | null;
    isNew(): boolean;
}

const STRING_LITERAL = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

export function functionsUsed(expression: string): string[] {
    const code = expression.replace(STRING_LITERAL, '""').replace(/\{![^}]*\}/g, 'x');
    return [...code.matchAll(/([A-Za-z_][A-Za-z0-9_]*)\s*\(/g)].map((m) => (m[1] ?? '').toUpperCase());
}

function toLiteral(typed: Typed): FormulonLiteral {
    const { value, type } = typed;
    switch (type) {
        case 'boolean':
            return { type: 'literal', dataType: 'checkbox', value: value === true };
        case 'number':
            return { type: 'literal', dataType: 'number', value, options: { length: 16, scale: 2 } };
        case 'date':
        case 'datetime':
            return {
                type: 'literal',
                dataType: type,
                value: value === null ? null : new Date(type === 'date' ? `${String(value)}T00:00:00Z` : String(value))
            };
        case 'picklist':
            // formulon's TEXT(null picklist) is "NULL"; Salesforce gives "" — bind blank picklists as ""
            return {
                type: 'literal',
                dataType: 'picklist',
                value: value ?? '',
                options: { values: value === null ? [] : [value] }
            };
        default:
            return { type: 'literal', dataType: 'text', value, options: { length: 255 } };
    }
}

function fromLiteral(result: FormulonLiteral, resultType: FormulaResultType, where: string): Value {
    const { value } = result;
    switch (resultType) {
        case 'Boolean':
            if (result.dataType !== 'checkbox') {
                throw new Error(`${where}: formula returns ${result.dataType}, declared Boolean`);
            }
            return value === true;
        case 'Number':
            if (value !== null && typeof value !== 'number') {
                throw new Error(`${where}: formula returns ${result.dataType}, declared Number`);
            }
            return value;
        case 'Date':
            if (value === null) {
                return null;
            }
            if (!(value instanceof Date) || result.dataType !== 'date') {
                throw new Error(`${where}: formula returns ${result.dataType}, declared Date`);
            }
            return value.toISOString().slice(0, 10);
        case 'String':
            if (value !== null && typeof value !== 'string') {
                throw new Error(`${where}: formula returns ${result.dataType}, declared String`);
            }
            return value === '' ? null : value;
    }
}

/** Evaluates a flow formula expression. `where` names flow and element for error messages. */
export function evaluateFormula(
    expression: string,
    resultType: FormulaResultType,
    context: FormulaContext,
    where: string
): Value {
    const unsupported = functionsUsed(expression).filter((fn) => !SUPPORTED_FUNCTIONS.has(fn));
    if (unsupported.length > 0) {
        throw new Error(`${where}: formula function(s) not implemented by flow-sim: ${unsupported.join(', ')}`);
    }
    const variables: Record<string, FormulonLiteral> = {};
    const names = new Map<string, string>();
    let counter = 0;
    const bind = (key: string, typed: Typed): string => {
        let name = names.get(key);
        if (!name) {
            name = `mf${counter++}__`;
            names.set(key, name);
            variables[name] = toLiteral(typed);
        }
        return name;
    };
    let code = expression.replace(/ISNEW\s*\(\s*\)/gi, () =>
        bind('ISNEW()', { value: context.isNew(), type: 'boolean' })
    );
    code = code.replace(/(ISCHANGED|PRIORVALUE)\s*\(\s*\{!([^}]+)\}\s*\)/gi, (_all, fn: string, ref: string) => {
        const reference = ref.trim();
        if (!reference.startsWith('$Record.')) {
            throw new Error(`${where}: ${fn.toUpperCase()} only works on $Record fields, got ${reference}`);
        }
        const current = context.resolve(reference);
        const prior = context.prior(reference);
        if (fn.toUpperCase() === 'PRIORVALUE') {
            return bind(`PRIOR:${reference}`, prior ?? { value: null, type: current.type });
        }
        const changed = prior !== null && prior.value !== current.value;
        return bind(`CHANGED:${reference}`, { value: changed, type: 'boolean' });
    });
    if (/ISCHANGED|PRIORVALUE/i.test(code.replace(STRING_LITERAL, '""'))) {
        throw new Error(`${where}: ISCHANGED/PRIORVALUE need a single {!$Record.Field} argument`);
    }
    code = code.replace(/\{!([^}]+)\}/g, (_all, ref: string) => bind(ref.trim(), context.resolve(ref.trim())));
    let result: FormulonLiteral | FormulonError;
    try {
        result = formulon.parse(code, variables);
    } catch (error) {
        throw new Error(`${where}: formula failed: ${(error as Error).message} in ${expression}`);
    }
    if (result.type === 'error') {
        throw new Error(`${where}: formula error ${result.errorType ?? ''} ${result.message ?? ''} in ${expression}`);
    }
    return fromLiteral(result, resultType, where);
}
