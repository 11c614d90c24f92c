/**
 * Builds the schema model from `@salesforce/types` `lib/metadata.d.ts`, parsed with the TypeScript compiler API.
 * The d.ts keeps the WSDL's field order; `?` marks optional fields, `T[]` repeated ones, string-literal unions the
 * enumerations and `Base & { … }` inheritance. It cannot tell int from double or date from dateTime, and it
 * declares repeated fields without `?` although the WSDL gives every repeated element minOccurs="0": arrays are
 * therefore treated as optional.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { emptyModel, type ElementDecl, type Primitive, type SchemaModel, type TypeRef } from './schema-model.js';

function lineOf(sf: ts.SourceFile, node: ts.Node): number {
    return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function refName(node: ts.TypeReferenceNode): string {
    return ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
}

function keywordPrimitive(node: ts.TypeNode): Primitive | undefined {
    switch (node.kind) {
        case ts.SyntaxKind.StringKeyword:
            return 'string';
        case ts.SyntaxKind.BooleanKeyword:
            return 'boolean';
        case ts.SyntaxKind.NumberKeyword:
            return 'number';
        case ts.SyntaxKind.AnyKeyword:
        case ts.SyntaxKind.UnknownKeyword:
            return 'anyType';
        default:
            if (ts.isTypeReferenceNode(node) && refName(node) === 'Date') return 'temporal';
            return undefined;
    }
}

function memberType(node: ts.TypeNode, where: string): TypeRef {
    const primitive = keywordPrimitive(node);
    if (primitive) return { kind: 'primitive', name: primitive };
    if (ts.isTypeReferenceNode(node)) return { kind: 'named', name: refName(node) };
    throw new Error(`${where}: unsupported member type ${ts.SyntaxKind[node.kind]}`);
}

function members(sf: ts.SourceFile, literal: ts.TypeLiteralNode, owner: string): ElementDecl[] {
    const out: ElementDecl[] = [];
    for (const m of literal.members) {
        if (!ts.isPropertySignature(m) || !m.type) continue;
        const name = m.name.getText(sf);
        const where = `metadata.d.ts:${lineOf(sf, m)} ${owner}.${name}`;
        let typeNode = m.type;
        let repeated = false;
        if (ts.isArrayTypeNode(typeNode)) {
            repeated = true;
            typeNode = typeNode.elementType;
        }
        out.push({
            name,
            type: memberType(typeNode, where),
            minOccurs: m.questionToken || repeated ? 0 : 1,
            maxOccurs: repeated ? Infinity : 1
        });
    }
    return out;
}

function stringLiterals(node: ts.TypeNode): string[] | undefined {
    const parts = ts.isUnionTypeNode(node) ? node.types : [node];
    const values: string[] = [];
    for (const p of parts) {
        if (!ts.isLiteralTypeNode(p) || !ts.isStringLiteral(p.literal)) return undefined;
        values.push(p.literal.text);
    }
    return values;
}

/** Builds the model from the d.ts text. `label` names the source in the model description. */
export function modelFromDts(text: string, label: string): SchemaModel {
    const sf = ts.createSourceFile(label, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const model = emptyModel(`@salesforce/types ${label}`);
    const aliases = new Map<string, string>();
    for (const stmt of sf.statements) {
        if (!ts.isTypeAliasDeclaration(stmt)) continue;
        const name = stmt.name.text;
        const type = stmt.type;
        const literals = stringLiterals(type);
        if (literals) {
            model.simpleTypes.set(name, { name, base: 'string', enumeration: literals });
            continue;
        }
        const primitive = keywordPrimitive(type);
        if (primitive) {
            model.simpleTypes.set(name, { name, base: primitive });
        } else if (ts.isTypeLiteralNode(type)) {
            // `ApiSchemaTypes` (last statement) is the index of all types, not a metadata type: skip it.
            if (name !== 'ApiSchemaTypes') model.complexTypes.set(name, { name, elements: members(sf, type, name) });
        } else if (ts.isIntersectionTypeNode(type)) {
            const [base, literal, ...rest] = type.types;
            if (!base || !literal || rest.length || !ts.isTypeReferenceNode(base) || !ts.isTypeLiteralNode(literal)) {
                throw new Error(`${label}:${lineOf(sf, stmt)}: unsupported intersection in type ${name}`);
            }
            model.complexTypes.set(name, {
                name,
                base: refName(base),
                elements: members(sf, literal, name)
            });
        } else if (ts.isTypeReferenceNode(type)) {
            aliases.set(name, refName(type));
        } else {
            throw new Error(`${label}:${lineOf(sf, stmt)}: unsupported declaration of type ${name}`);
        }
    }
    for (const [alias, target] of aliases) {
        const complex = model.complexTypes.get(target);
        const simple = model.simpleTypes.get(target);
        if (complex) model.complexTypes.set(alias, { ...complex, name: alias });
        else if (simple) model.simpleTypes.set(alias, { ...simple, name: alias });
    }
    return model;
}

/** Locates and loads `@salesforce/types/lib/metadata.d.ts` from node_modules. */
export function loadDts(): SchemaModel {
    const require = createRequire(import.meta.url);
    const path = require.resolve('@salesforce/types/metadata').replace(/metadata\.js$/, 'metadata.d.ts');
    const pkgJson = join(dirname(dirname(path)), 'package.json');
    const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version ?? '?';
    return modelFromDts(readFileSync(path, 'utf8'), `${version} lib/metadata.d.ts`);
}
