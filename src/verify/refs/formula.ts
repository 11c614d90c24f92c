/**
 * Formula analysis with formulon's parser: the identifiers a formula references and the literals it compares a
 * Persona field with. Flow formulas use merge syntax (`{!$Record.StageName}`), which is unwrapped first.
 */
import { ast, type FormulonNode } from 'formulon';

export interface FormulaRefs {
    identifiers: string[];
    /** Text literals compared with a `Persona__c` field (ISPICKVAL, =, <>, CASE, INCLUDES). */
    personaLiterals: string[];
    /** Set when the formula does not parse. */
    error?: string;
}

/** Turns flow merge fields `{!X}` into plain identifiers `X`. */
export function unwrapMergeFields(formula: string): string {
    return formula.replace(/\{!\s*([^}]+?)\s*\}/g, '$1');
}

const isPersona = (name: string): boolean => /(^|\.)Persona__c$/.test(name);

function personaOperand(node: FormulonNode | undefined): boolean {
    if (!node) return false;
    if (node.type === 'identifier') return isPersona(node.name ?? '');
    if (node.type === 'callExpression' && node.id === 'text') return personaOperand(node.arguments?.[0]);
    return false;
}

function textLiteral(node: FormulonNode | undefined): string | undefined {
    return node?.type === 'literal' && node.dataType === 'text' && typeof node.value === 'string'
        ? node.value
        : undefined;
}

export function analyzeFormula(formula: string): FormulaRefs {
    const tree = ast(unwrapMergeFields(formula));
    if (tree.type === 'error') {
        return {
            identifiers: [],
            personaLiterals: [],
            error: `${tree.errorType ?? 'Error'}: ${tree.message ?? 'cannot parse'}`
        };
    }
    const identifiers = new Set<string>();
    const literals: string[] = [];
    const walk = (node: FormulonNode): void => {
        if (node.type === 'identifier' && node.name) identifiers.add(node.name);
        const args = node.arguments ?? [];
        if (node.type === 'callExpression' && args.some(personaOperand)) {
            if (node.id === 'case') {
                // CASE(expr, value1, result1, value2, result2, ..., else): the values are at odd positions
                for (let i = 1; i + 1 < args.length; i += 2) {
                    const lit = textLiteral(args[i]);
                    if (lit !== undefined) literals.push(lit);
                }
            } else if (node.id !== 'text') {
                for (const a of args) {
                    const lit = textLiteral(a);
                    if (lit !== undefined) literals.push(lit);
                }
            }
        }
        args.forEach(walk);
    };
    walk(tree);
    return { identifiers: [...identifiers], personaLiterals: literals };
}
