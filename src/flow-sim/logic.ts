/** Condition logic ("and", "or", "1 AND (2 OR NOT 3)") and comparison operators shared by decisions and filters. */
import type { Value } from './catalog.js';

/** Combines numbered results (1-based) according to a flow conditionLogic / filterLogic string. */
export function combineLogic(logic: string | undefined, results: readonly boolean[], where: string): boolean {
    const mode = (logic ?? 'and').trim();
    if (mode.toLowerCase() === 'and') {
        return results.every(Boolean);
    }
    if (mode.toLowerCase() === 'or') {
        return results.some(Boolean);
    }
    const tokens = mode.match(/\d+|\(|\)|AND|OR|NOT/gi) ?? [];
    if (tokens.join('').length !== mode.replace(/\s+/g, '').length) {
        throw new Error(`${where}: custom logic "${mode}" has tokens other than numbers, AND, OR, NOT and parentheses`);
    }
    let pos = 0;
    const peek = (): string | undefined => tokens[pos]?.toUpperCase();
    const expr = (): boolean => {
        let value = term();
        while (peek() === 'OR') {
            pos++;
            const right = term();
            value = value || right;
        }
        return value;
    };
    const term = (): boolean => {
        let value = factor();
        while (peek() === 'AND') {
            pos++;
            const right = factor();
            value = value && right;
        }
        return value;
    };
    const factor = (): boolean => {
        const token = peek();
        pos++;
        if (token === 'NOT') {
            return !factor();
        }
        if (token === '(') {
            const value = expr();
            if (peek() !== ')') {
                throw new Error(`${where}: unbalanced parentheses in "${mode}"`);
            }
            pos++;
            return value;
        }
        const index = Number(token);
        if (!Number.isInteger(index) || index < 1 || index > results.length) {
            throw new Error(`${where}: logic "${mode}" refers to condition ${token ?? '<end>'} of ${results.length}`);
        }
        return results[index - 1] === true;
    };
    const value = expr();
    if (pos !== tokens.length) {
        throw new Error(`${where}: cannot parse logic "${mode}"`);
    }
    return value;
}

function isBlank(value: Value): boolean {
    return value === null || value === '';
}

function ordered(left: Value, right: Value, where: string): number | null {
    if (isBlank(left) || isBlank(right)) {
        return null;
    }
    if (typeof left === 'number' && typeof right === 'number') {
        return left - right;
    }
    if (typeof left === 'string' && typeof right === 'string') {
        return left < right ? -1 : left > right ? 1 : 0;
    }
    throw new Error(`${where}: cannot order ${JSON.stringify(left)} against ${JSON.stringify(right)}`);
}

/** Compares values with a flow operator. IsChanged is handled by the caller (it needs the prior record). */
export function compare(operator: string, left: Value, right: Value, where: string): boolean {
    switch (operator) {
        case 'EqualTo':
            return isBlank(left) && isBlank(right) ? true : left === right;
        case 'NotEqualTo':
            return !compare('EqualTo', left, right, where);
        case 'IsNull':
            if (typeof right !== 'boolean') {
                throw new Error(`${where}: IsNull needs a boolean value`);
            }
            return isBlank(left) === right;
        case 'GreaterThan': {
            const c = ordered(left, right, where);
            return c !== null && c > 0;
        }
        case 'GreaterThanOrEqualTo': {
            const c = ordered(left, right, where);
            return c !== null && c >= 0;
        }
        case 'LessThan': {
            const c = ordered(left, right, where);
            return c !== null && c < 0;
        }
        case 'LessThanOrEqualTo': {
            const c = ordered(left, right, where);
            return c !== null && c <= 0;
        }
        case 'Contains':
            if (isBlank(left) || isBlank(right)) {
                return false;
            }
            return String(left).includes(String(right));
        default:
            throw new Error(`${where}: operator ${operator} is not implemented by flow-sim`);
    }
}
