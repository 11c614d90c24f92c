/**
 * Flow formula adapter over the project's formula evaluator (src/formula/evaluate.ts, formulon underneath).
 *
 * Flow formulas name resources as merge fields (`{!$Record.StageName}`, `{!Get_Rules.Stage_Order__c}`); each one is
 * bound to a synthetic field of the record handed to the evaluator, its `$Record__Prior` value to the prior record,
 * so ISCHANGED/PRIORVALUE/ISNEW work as in record-triggered flow formulas. Only the functions in SUPPORTED_FUNCTIONS
 * are accepted (the ones this project's flows use and the tests exercise); any other fails before evaluation.
 */
import { evaluateTyped } from '../formula/evaluate.js';
import type { FormulaDataType, TypedValue } from '../formula/evaluate.js';
import type { FieldType, Value } from './catalog.js';

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
    'ISNEW',
    'DATEVALUE'
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

const TYPES: Readonly<Record<FieldType, FormulaDataType>> = {
    id: 'id',
    reference: 'reference',
    text: 'text',
    picklist: 'picklist',
    boolean: 'checkbox',
    date: 'date',
    datetime: 'datetime',
    number: 'number'
};

function typed(value: Typed): TypedValue {
    return { type: TYPES[value.type], value: value.value };
}

function convert(dataType: string, value: Value, resultType: FormulaResultType, where: string): Value {
    const fail = (): never => {
        throw new Error(`${where}: formula returns ${dataType}, declared ${resultType}`);
    };
    switch (resultType) {
        case 'Boolean':
            return dataType === 'checkbox' && typeof value === 'boolean' ? value : fail();
        case 'Number':
            return value === null || typeof value === 'number' ? value : fail();
        case 'Date':
            return value === null || (dataType === 'date' && typeof value === 'string') ? value : fail();
        case 'String':
            return value === null || typeof value === 'string' ? (value === '' ? null : value) : fail();
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
    const record: Record<string, TypedValue> = {};
    const prior: Record<string, TypedValue> = {};
    const names = new Map<string, string>();
    const code = expression.replace(/\{!([^}]+)\}/g, (_all, ref: string) => {
        const reference = ref.trim();
        let name = names.get(reference);
        if (!name) {
            name = `mf${names.size}__`;
            names.set(reference, name);
            const current = context.resolve(reference);
            record[name] = typed(current);
            if (reference.startsWith('$Record.') && !context.isNew()) {
                prior[name] = typed(context.prior(reference) ?? { value: null, type: current.type });
            }
        }
        return name;
    });
    let result: { dataType: string; value: Value };
    try {
        result = evaluateTyped(code, { record, prior: context.isNew() ? null : prior, isNew: context.isNew() });
    } catch (error) {
        throw new Error(`${where}: ${(error as Error).message} in ${expression}`);
    }
    return convert(result.dataType, result.value, resultType, where);
}
