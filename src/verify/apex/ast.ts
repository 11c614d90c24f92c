/**
 * The Apex syntax tree, from the parser the project already formats Apex with: prettier-plugin-apex's serializer of
 * Salesforce's own jorje parser (a native binary on linux-x64/darwin/win32, else the Java one). The tree is jorje's
 * (`@class` names such as `apex.jorje.data.ast.Expr$VariableExpr`, SOQL as `apex.jorje.data.soql.Query`); this
 * module reads it generically and gives the checkers typed helpers over the few node kinds they use.
 */
import { readFileSync } from 'node:fs';
import * as apexPlugin from 'prettier-plugin-apex';

/** One node of the jorje tree (JSON object). */
export type ApexNode = { readonly [key: string]: unknown };

export interface ApexUnit {
    file: string;
    text: string;
    /** The compilation unit (class, trigger or interface declaration). */
    unit: ApexNode;
}

interface ParserOutput {
    unit?: ApexNode;
    parseErrors?: { message?: string }[];
}

type ApexParse = (text: string, options: Record<string, unknown>) => Promise<ApexNode>;

/** Parses one Apex source; throws with the file name when it does not parse. */
export async function parseApex(text: string, file: string): Promise<ApexUnit> {
    const parsers = (apexPlugin as unknown as { parsers: Record<string, { parse: ApexParse }> }).parsers;
    const parse = parsers.apex?.parse;
    if (!parse) throw new Error('prettier-plugin-apex exposes no "apex" parser');
    let ast: ApexNode;
    try {
        ast = await parse(text, { apexStandaloneParser: 'native', parser: 'apex' });
    } catch (err) {
        throw new Error(`${file}: Apex does not parse: ${err instanceof Error ? err.message : String(err)}`);
    }
    const output = ast['apex.jorje.semantic.compiler.parser.ParserOutput'] as ParserOutput | undefined;
    if (!output?.unit) throw new Error(`${file}: the Apex parser returned no compilation unit`);
    return { file, text, unit: output.unit };
}

export async function parseApexFile(abs: string, rel: string): Promise<ApexUnit> {
    return parseApex(readFileSync(abs, 'utf8'), rel);
}

/** The short kind of a node: `Expr$VariableExpr`, `Query`, `FieldIdentifier` … (undefined for plain objects). */
export function kind(node: unknown): string | undefined {
    if (!isNode(node)) return undefined;
    const cls = node['@class'];
    return typeof cls === 'string' ? cls.slice(cls.lastIndexOf('.') + 1) : undefined;
}

export function isNode(value: unknown): value is ApexNode {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A child node; jorje wraps optional children as `{ value: node }`, which this unwraps. */
export function child(node: ApexNode, key: string): ApexNode | undefined {
    const value = node[key];
    if (!isNode(value)) return undefined;
    if (value['@class'] === undefined && isNode(value.value)) return value.value;
    return value['@class'] === undefined && Object.keys(value).length === 0 ? undefined : value;
}

export function children(node: ApexNode, key: string): ApexNode[] {
    const value = node[key];
    return Array.isArray(value) ? value.filter(isNode) : [];
}

/** The text of an identifier node (`{ value: 'Name' }`). */
export function identifier(node: ApexNode | undefined): string | undefined {
    const value = node?.value;
    return typeof value === 'string' ? value : undefined;
}

/** Names of a dotted expression (`opp.Account.Name` → ['opp', 'Account', 'Name']). */
export function names(node: ApexNode, key = 'names'): string[] {
    return children(node, key).map((n) => identifier(n) ?? '');
}

/** 1-based line where a node starts (its own location, else the first located descendant). */
export function lineOf(node: unknown): number | undefined {
    if (!isNode(node)) return undefined;
    for (const key of ['loc', 'location']) {
        const loc = node[key];
        if (isNode(loc) && typeof loc.line === 'number') return loc.line;
        if (isNode(loc) && typeof loc.startLine === 'number') return loc.startLine;
    }
    for (const [key, value] of Object.entries(node)) {
        if (key === 'loc' || key === 'location') continue;
        const values = Array.isArray(value) ? value : [value];
        for (const v of values) {
            const line = lineOf(v);
            if (line !== undefined) return line;
        }
    }
    return undefined;
}

/** A type reference as written: `List<Opportunity>` → { name: 'List', args: [{ name: 'Opportunity' }] }. */
export interface TypeName {
    name: string;
    args: TypeName[];
    array: boolean;
}

export function typeName(node: ApexNode | undefined): TypeName | undefined {
    if (!node) return undefined;
    const k = kind(node);
    if (k === 'TypeRefs$ArrayTypeRef') {
        const inner = typeName(child(node, 'heldType'));
        return inner ? { ...inner, array: true } : undefined;
    }
    if (k !== 'TypeRefs$ClassTypeRef') return undefined;
    const parts = names(node);
    const name = parts[0]?.toLowerCase() === 'schema' && parts.length === 2 ? parts[1] : parts.join('.');
    if (!name) return undefined;
    const args = children(node, 'typeArguments')
        .map((n) => typeName(n))
        .filter((t): t is TypeName => !!t);
    return { name, args, array: false };
}

/** Visits every node depth-first with its ancestors (nearest last). Return false to skip a node's children. */
export function visit(
    root: ApexNode,
    visitor: (node: ApexNode, ancestors: readonly ApexNode[]) => boolean | void
): void {
    const stack: ApexNode[] = [];
    const walk = (node: ApexNode): void => {
        if (visitor(node, stack) === false) return;
        stack.push(node);
        for (const [key, value] of Object.entries(node)) {
            if (key === 'loc' || key === 'location') continue;
            if (Array.isArray(value)) {
                for (const item of value) if (isNode(item)) walk(item);
            } else if (isNode(value)) {
                walk(value);
            }
        }
        stack.pop();
    };
    walk(root);
}

/** Name of the class declaration node, and of the method / field member around a node (for messages). */
export function declName(node: ApexNode): string | undefined {
    const k = kind(node);
    if (k === 'ClassDecl' || k === 'InterfaceDecl' || k === 'EnumDecl' || k === 'MethodDecl') {
        return identifier(child(node, 'name'));
    }
    return undefined;
}

/** `Outer.Inner.method` for the innermost class and method among the ancestors. */
export function where(ancestors: readonly ApexNode[]): string {
    const parts: string[] = [];
    for (const a of ancestors) {
        const name = declName(a);
        if (name) parts.push(name);
    }
    return parts.join('.');
}
