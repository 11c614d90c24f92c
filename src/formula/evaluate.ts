/**
 * Offline evaluation of Salesforce formulas (validation rules, formula fields, flow formulas) on top of `formulon`.
 *
 * formulon lacks ISCHANGED, PRIORVALUE and ISNEW; this module rewrites those calls to synthetic variables bound from
 * the prior and current record before evaluation. Every other reference (record fields, `$Permission.X`,
 * `$CustomMetadata.Type.Record.Field`, `$User.Field`, other `$` globals) is rebound to a synthetic variable too, so
 * resolution is ours and fails loudly: an unknown field, permission, metadata value or function throws a
 * `FormulaError`; nothing silently evaluates to blank.
 *
 * Public API: `evaluateFormula(expression, context)` returns the plain value; `evaluateTyped` also returns formulon's
 * data type. Field names resolve case-insensitively, like Salesforce.
 */
import { createRequire } from 'node:module';
import { isCall, isKeyword, nextSolid, tokenize } from './tokens.js';
import type { Token } from './tokens.js';

export { functionsUsed, referencesUsed } from './tokens.js';

export type FormulaDataType =
    'text' | 'picklist' | 'id' | 'reference' | 'checkbox' | 'number' | 'currency' | 'percent' | 'date' | 'datetime';

export type FormulaScalar = string | number | boolean | null;

export interface TypedValue {
    readonly type: FormulaDataType;
    /** Dates as `YYYY-MM-DD`, datetimes as ISO-8601 strings; blank is `null` (or `''` for text). */
    readonly value: FormulaScalar;
}

export type ValueMap = Readonly<Record<string, TypedValue>>;

export interface FormulaContext {
    /** The record being evaluated: field API name (or dotted cross-object path such as `Account.Name`) to value. */
    readonly record: ValueMap;
    /** The record before this save, for ISCHANGED/PRIORVALUE. Omit or `null` for an insert. */
    readonly prior?: ValueMap | null;
    /** ISNEW(); defaults to "no prior record". */
    readonly isNew?: boolean;
    /** `$Permission.<Name>`: every custom permission the formula may name, true when the running user has it. */
    readonly permissions?: Readonly<Record<string, boolean>>;
    /** `$CustomMetadata.<Type__mdt>.<Record>.<Field__c>` keyed `<Type__mdt>.<Record>.<Field__c>`. */
    readonly customMetadata?: ValueMap;
    /** `$User.<Field>` keyed by field name. */
    readonly user?: ValueMap;
    /** Any other global keyed by its full reference, e.g. `$Profile.Name`. */
    readonly globals?: ValueMap;
}

export interface TypedResult {
    readonly dataType: string;
    readonly value: FormulaScalar;
}

export class FormulaError extends Error {
    constructor(
        message: string,
        readonly expression: string
    ) {
        super(message);
        this.name = 'FormulaError';
    }
}

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

/** Functions formulon implements but whose behaviour differs from Salesforce enough to mislead; refused. */
const REFUSED_FUNCTIONS = new Set(['ISCLONE', 'VLOOKUP', 'GETRECORDIDS', 'PARENTGROUPVAL', 'PREVGROUPVAL', 'PREDICT']);

function lookup(map: ValueMap | null | undefined, key: string): TypedValue | undefined {
    if (!map) {
        return undefined;
    }
    const exact = map[key];
    if (exact) {
        return exact;
    }
    const lower = key.toLowerCase();
    const found = Object.keys(map).find((name) => name.toLowerCase() === lower);
    return found === undefined ? undefined : map[found];
}

function isBlank(typed: TypedValue | undefined): boolean {
    return typed === undefined || typed.value === null || typed.value === '';
}

function sameValue(a: TypedValue | undefined, b: TypedValue | undefined): boolean {
    if (isBlank(a) && isBlank(b)) {
        return true;
    }
    return a?.value === b?.value;
}

function toLiteral(typed: TypedValue): FormulonLiteral {
    const { type, value } = typed;
    switch (type) {
        case 'checkbox':
            return { type: 'literal', dataType: 'checkbox', value: value === true };
        case 'number':
        case 'currency':
        case 'percent':
            return { type: 'literal', dataType: 'number', value, options: { length: 16, scale: 2 } };
        case 'date':
            return {
                type: 'literal',
                dataType: 'date',
                value: value === null || value === '' ? null : new Date(`${String(value)}T00:00:00Z`)
            };
        case 'datetime':
            return {
                type: 'literal',
                dataType: 'datetime',
                value: value === null || value === '' ? null : new Date(String(value))
            };
        case 'picklist': {
            // formulon renders TEXT(null picklist) as "NULL"; Salesforce gives "" — bind blank picklists as ""
            const text = value === null ? '' : String(value);
            return { type: 'literal', dataType: 'picklist', value: text, options: { values: text ? [text] : [] } };
        }
        default:
            return { type: 'literal', dataType: 'text', value: value ?? '', options: { length: 255 } };
    }
}

function fromLiteral(result: FormulonLiteral): FormulaScalar {
    const { value } = result;
    if (value instanceof Date) {
        return result.dataType === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    }
    if (value === null || value === undefined) {
        return null;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return value;
    }
    throw new Error(`unsupported formula result of type ${result.dataType}`);
}

class Binder {
    readonly variables: Record<string, FormulonLiteral> = {};
    private readonly names = new Map<string, string>();

    bind(key: string, typed: TypedValue): string {
        let name = this.names.get(key);
        if (name === undefined) {
            name = `bound${this.names.size}__`;
            this.names.set(key, name);
            this.variables[name] = toLiteral(typed);
        }
        return name;
    }
}

function resolveReference(reference: string, context: FormulaContext): TypedValue {
    const [head, ...rest] = reference.split('.');
    const tail = rest.join('.');
    switch (head?.toUpperCase()) {
        case '$PERMISSION': {
            const permissions = context.permissions ?? {};
            const name = Object.keys(permissions).find((key) => key.toLowerCase() === tail.toLowerCase());
            if (name === undefined) {
                throw new Error(
                    `unknown custom permission ${reference} (known: ${Object.keys(permissions).join(', ')})`
                );
            }
            return { type: 'checkbox', value: permissions[name] === true };
        }
        case '$CUSTOMMETADATA': {
            const found = lookup(context.customMetadata, tail);
            if (!found) {
                throw new Error(`unknown custom metadata value ${reference}`);
            }
            return found;
        }
        case '$USER': {
            const found = lookup(context.user, tail);
            if (!found) {
                throw new Error(`unknown user field ${reference}`);
            }
            return found;
        }
        default: {
            const found = reference.startsWith('$')
                ? lookup(context.globals, reference)
                : lookup(context.record, reference);
            if (!found) {
                throw new Error(`field ${reference} does not exist on the record given to the formula`);
            }
            return found;
        }
    }
}

/** Rewrites ISNEW()/ISCHANGED(f)/PRIORVALUE(f) and every reference to bound variables. */
function rewrite(tokens: readonly Token[], context: FormulaContext, binder: Binder): string {
    const out: string[] = [];
    const prior = context.prior ?? null;
    const isNew = context.isNew ?? prior === null;
    let index = 0;
    while (index < tokens.length) {
        const token = tokens[index] as Token;
        if (token.kind !== 'identifier' || isKeyword(token.text)) {
            out.push(token.text);
            index += 1;
            continue;
        }
        const upper = token.text.toUpperCase();
        if (!isCall(tokens, index)) {
            out.push(binder.bind(`ref:${token.text.toLowerCase()}`, resolveReference(token.text, context)));
            index += 1;
            continue;
        }
        if (REFUSED_FUNCTIONS.has(upper)) {
            throw new Error(`function ${upper} is not supported offline (offset ${token.offset})`);
        }
        const open = nextSolid(tokens, index + 1);
        if (upper === 'ISNEW') {
            const close = nextSolid(tokens, open + 1);
            if (tokens[close]?.text !== ')') {
                throw new Error(`ISNEW takes no argument (offset ${token.offset})`);
            }
            out.push(binder.bind('ISNEW()', { type: 'checkbox', value: isNew }));
            index = close + 1;
            continue;
        }
        if (upper === 'ISCHANGED' || upper === 'PRIORVALUE') {
            const argument = nextSolid(tokens, open + 1);
            const close = nextSolid(tokens, argument + 1);
            const field = tokens[argument];
            if (field?.kind !== 'identifier' || field.text.startsWith('$') || tokens[close]?.text !== ')') {
                throw new Error(`${upper} needs exactly one field of the record as argument (offset ${token.offset})`);
            }
            const current = resolveReference(field.text, context);
            const before = prior === null ? undefined : lookup(prior, field.text);
            if (prior !== null && before === undefined) {
                throw new Error(`${upper}(${field.text}): the prior record has no field ${field.text}`);
            }
            const key = `${upper}:${field.text.toLowerCase()}`;
            if (upper === 'ISCHANGED') {
                const changed = prior !== null && !sameValue(before, current);
                out.push(binder.bind(key, { type: 'checkbox', value: changed }));
            } else {
                // On insert there is no prior value: PRIORVALUE is blank.
                out.push(binder.bind(key, before ?? { type: current.type, value: null }));
            }
            index = close + 1;
            continue;
        }
        out.push(token.text);
        index += 1;
    }
    return out.join('');
}

/** Evaluates a formula and returns formulon's data type with the value. Throws `FormulaError` on any problem. */
export function evaluateTyped(expression: string, context: FormulaContext): TypedResult {
    const binder = new Binder();
    let code: string;
    try {
        code = rewrite(tokenize(expression), context, binder);
    } catch (error) {
        throw new FormulaError(`formula cannot be evaluated: ${(error as Error).message}`, expression);
    }
    let result: FormulonLiteral | FormulonError;
    try {
        result = formulon.parse(code, binder.variables);
    } catch (error) {
        throw new FormulaError(`formula failed: ${(error as Error).message}`, expression);
    }
    if (result.type === 'error') {
        throw new FormulaError(`formula error ${result.errorType ?? ''}: ${result.message ?? ''}`, expression);
    }
    return { dataType: result.dataType, value: fromLiteral(result) };
}

/** Evaluates a formula and returns its value (checkbox → boolean, date → `YYYY-MM-DD`, blank text → `''`). */
export function evaluateFormula(expression: string, context: FormulaContext): FormulaScalar {
    return evaluateTyped(expression, context).value;
}

/** Evaluates a formula that must return a checkbox (validation rules' errorConditionFormula). */
export function evaluateCondition(expression: string, context: FormulaContext): boolean {
    const result = evaluateTyped(expression, context);
    if (result.dataType !== 'checkbox' || typeof result.value !== 'boolean') {
        throw new FormulaError(`formula returns ${result.dataType}, a condition must return a checkbox`, expression);
    }
    return result.value;
}
