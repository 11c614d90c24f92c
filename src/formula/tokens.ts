/**
 * A small lexer for Salesforce formula text: just enough structure to find identifiers, function calls and string
 * literals so that references can be rebound before `formulon` sees the expression. Comments are dropped (formulon
 * cannot parse them; Salesforce allows them).
 */

export type TokenKind = 'string' | 'identifier' | 'number' | 'space' | 'symbol';

export interface Token {
    readonly kind: TokenKind;
    readonly text: string;
    /** Offset of the token in the original expression (for error messages). */
    readonly offset: number;
}

const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$.]/;

function readString(expression: string, start: number): number {
    const quote = expression[start];
    let index = start + 1;
    while (index < expression.length) {
        const char = expression[index];
        if (char === '\\') {
            index += 2;
            continue;
        }
        if (char === quote) {
            return index + 1;
        }
        index += 1;
    }
    throw new Error(`unterminated string literal starting at offset ${start}`);
}

export function tokenize(expression: string): Token[] {
    const tokens: Token[] = [];
    let index = 0;
    while (index < expression.length) {
        const char = expression[index] ?? '';
        const start = index;
        if (char === '/' && expression[index + 1] === '*') {
            const end = expression.indexOf('*/', index + 2);
            if (end < 0) {
                throw new Error(`unterminated comment starting at offset ${start}`);
            }
            index = end + 2;
            tokens.push({ kind: 'space', text: ' ', offset: start });
            continue;
        }
        if (char === '"' || char === "'") {
            index = readString(expression, index);
            tokens.push({ kind: 'string', text: expression.slice(start, index), offset: start });
            continue;
        }
        if (/\s/.test(char)) {
            while (index < expression.length && /\s/.test(expression[index] ?? '')) {
                index += 1;
            }
            tokens.push({ kind: 'space', text: expression.slice(start, index), offset: start });
            continue;
        }
        if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(expression[index + 1] ?? ''))) {
            while (index < expression.length && /[0-9.]/.test(expression[index] ?? '')) {
                index += 1;
            }
            tokens.push({ kind: 'number', text: expression.slice(start, index), offset: start });
            continue;
        }
        if (IDENTIFIER_START.test(char)) {
            while (index < expression.length && IDENTIFIER_PART.test(expression[index] ?? '')) {
                index += 1;
            }
            tokens.push({ kind: 'identifier', text: expression.slice(start, index), offset: start });
            continue;
        }
        index += 1;
        tokens.push({ kind: 'symbol', text: char, offset: start });
    }
    return tokens;
}

/** Index of the next non-space token at or after `from`, or -1. */
export function nextSolid(tokens: readonly Token[], from: number): number {
    for (let index = from; index < tokens.length; index += 1) {
        if (tokens[index]?.kind !== 'space') {
            return index;
        }
    }
    return -1;
}

/** True when the identifier at `index` is called as a function (followed by `(`). */
export function isCall(tokens: readonly Token[], index: number): boolean {
    const next = nextSolid(tokens, index + 1);
    return next >= 0 && tokens[next]?.text === '(';
}

const KEYWORDS = new Set(['TRUE', 'FALSE', 'NULL']);

export function isKeyword(text: string): boolean {
    return KEYWORDS.has(text.toUpperCase());
}

/** Upper-cased names of every function the expression calls. */
export function functionsUsed(expression: string): string[] {
    const tokens = tokenize(expression);
    const names = new Set<string>();
    tokens.forEach((token, index) => {
        if (token.kind === 'identifier' && isCall(tokens, index)) {
            names.add(token.text.toUpperCase());
        }
    });
    return [...names];
}

/** Every merge-field reference (identifiers that are not function names or keywords), in order of appearance. */
export function referencesUsed(expression: string): string[] {
    const tokens = tokenize(expression);
    const names = new Set<string>();
    tokens.forEach((token, index) => {
        if (token.kind === 'identifier' && !isCall(tokens, index) && !isKeyword(token.text)) {
            names.add(token.text);
        }
    });
    return [...names];
}
