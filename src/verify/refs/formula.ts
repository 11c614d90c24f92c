/**
 * Formula analysis with formulon's parser: the identifiers a formula references and the text literals it compares
 * fields with (picklist values such as ISPICKVAL(LeadSource, 'Web')). Flow formulas use merge syntax
 * (`{!$Record.StageName}`), which is unwrapped first.
 */
import { ast, type FormulonNode } from 'formulon';

export interface FormulaRefs {
    identifiers: string[];
    /** Text literals compared with a field (ISPICKVAL, INCLUDES, =, <>, CASE), e.g. `{ identifier: 'LeadSource', value: 'Web' }`. */
    comparisons: { identifier: string; value: string }[];
    /** Set when the formula does not parse. */
    error?: string;
}

/** Turns flow merge fields `{!X}` into plain identifiers `X`. */
export function unwrapMergeFields(formula: string): string {
    return formula.replace(/\{!\s*([^}]+?)\s*\}/g, '$1');
}

/**
 * Rewrites what Salesforce formulas allow but formulon's grammar does not: `/* comments *\/` are dropped, backslash
 * escapes inside string literals are resolved (re-quoting with the other quote character when needed) and
 * polymorphic `Owner:User.Alias` becomes `Owner.Alias`.
 */
export function normalizeFormula(formula: string): string {
    let out = '';
    let i = 0;
    while (i < formula.length) {
        const ch = formula[i] ?? '';
        if (ch === '/' && formula[i + 1] === '*') {
            const end = formula.indexOf('*/', i + 2);
            i = end < 0 ? formula.length : end + 2;
            out += ' ';
        } else if (ch === "'" || ch === '"') {
            let value = '';
            let j = i + 1;
            while (j < formula.length && formula[j] !== ch) {
                if (formula[j] === '\\' && j + 1 < formula.length) j++;
                value += formula[j] ?? '';
                j++;
            }
            const quote = !value.includes(ch)
                ? ch
                : !value.includes(ch === "'" ? '"' : "'")
                  ? ch === "'"
                      ? '"'
                      : "'"
                  : ch;
            out += quote + (value.includes(quote) ? value.split(quote).join('’') : value) + quote;
            i = j + 1;
        } else {
            let j = i;
            while (j < formula.length && !`'"`.includes(formula[j] ?? '') && formula.slice(j, j + 2) !== '/*') j++;
            out += formula.slice(i, j).replace(/\b(\w+):\w+\./g, '$1.');
            i = j;
        }
    }
    return out;
}

const COMPARING = new Set(['ispickval', 'includes', 'equal', 'unequal', 'case']);

/** The field an operand stands for: a bare identifier or TEXT(identifier). */
function fieldOperand(node: FormulonNode | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'identifier') return node.name;
    if (node.type === 'callExpression' && node.id === 'text') return fieldOperand(node.arguments?.[0]);
    return undefined;
}

function textLiteral(node: FormulonNode | undefined): string | undefined {
    return node?.type === 'literal' && node.dataType === 'text' && typeof node.value === 'string'
        ? node.value
        : undefined;
}

export function analyzeFormula(formula: string): FormulaRefs {
    const tree = ast(normalizeFormula(unwrapMergeFields(formula)));
    if (tree.type === 'error') {
        return {
            identifiers: [],
            comparisons: [],
            error: `${tree.errorType ?? 'Error'}: ${tree.message ?? 'cannot parse'}`
        };
    }
    const identifiers = new Set<string>();
    const comparisons: { identifier: string; value: string }[] = [];
    const walk = (node: FormulonNode): void => {
        if (node.type === 'identifier' && node.name) identifiers.add(node.name);
        const args = node.arguments ?? [];
        if (node.type === 'callExpression' && COMPARING.has(node.id ?? '')) {
            if (node.id === 'case') {
                // CASE(expr, value1, result1, value2, result2, ..., else): the values are at odd positions
                const identifier = fieldOperand(args[0]);
                for (let i = 1; identifier && i + 1 < args.length; i += 2) {
                    const value = textLiteral(args[i]);
                    if (value !== undefined) comparisons.push({ identifier, value });
                }
            } else {
                const identifier = args.map(fieldOperand).find((a) => a !== undefined);
                for (const a of args) {
                    const value = textLiteral(a);
                    if (identifier && value !== undefined) comparisons.push({ identifier, value });
                }
            }
        }
        args.forEach(walk);
    };
    walk(tree);
    return { identifiers: [...identifiers], comparisons };
}
