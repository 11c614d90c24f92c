/**
 * String literals of Apex classes (Apex string literals and SOQL string literals), with where they occur
 * (`Class.Inner.method`), from the jorje syntax tree. The repository test that keeps org-specific picklist values
 * out of the Apex tests (test/rules/apex-literals.test.ts) is built on this.
 */
import { child, children, identifier, kind, lineOf, visit, where, type ApexNode, type ApexUnit } from './ast.js';

export interface StringLiteral {
    file: string;
    line: number;
    /** `Class`, `Class.method`, `Class.Inner.method` … */
    where: string;
    value: string;
}

function literalValue(node: ApexNode): string | undefined {
    const k = kind(node);
    if (k === 'Expr$LiteralExpr') {
        const type = child(node, 'type');
        const literal = node.literal;
        if (type?.$ === 'STRING' && typeof literal === 'object' && literal !== null) {
            const value = (literal as { $?: unknown }).$;
            return typeof value === 'string' ? value : undefined;
        }
        return undefined;
    }
    if (k === 'QueryLiteral$QueryString') {
        return typeof node.literal === 'string' ? node.literal : undefined;
    }
    return undefined;
}

export function stringLiterals(unit: ApexUnit): StringLiteral[] {
    const out: StringLiteral[] = [];
    visit(unit.unit, (node, ancestors) => {
        const value = literalValue(node);
        if (value !== undefined) {
            out.push({ file: unit.file, line: lineOf(node) ?? 0, where: where(ancestors), value });
        }
    });
    return out;
}

/** True when the unit's top-level class is annotated `@IsTest`. */
export function isTestClass(unit: ApexUnit): boolean {
    const body = child(unit.unit, 'body');
    if (!body) return false;
    return children(body, 'modifiers').some(
        (m) => kind(m) === 'Modifier$Annotation' && identifier(child(m, 'name'))?.toLowerCase() === 'istest'
    );
}
