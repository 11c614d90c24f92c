/**
 * The project's own Apex field check (apex-ls does not check SObject field names on objects the project extends):
 * every field in inline SOQL (SELECT, WHERE, ORDER BY, GROUP BY, relationship paths, semi-join subqueries), every
 * named argument of an SObject constructor (`new Opportunity(StageName = …)`), every field read or written through a
 * variable whose SObject type is declared (`opp.CampaignId`, `roles[0].Role`, `[SELECT …].MasterLabel`,
 * `AttributionTestFactory.insertOpportunities(…)[0].Id`) and every field token (`Opportunity.StageName`) must exist
 * in the object catalog (standard-fields.json plus the project's objects and fields). Field names must be written
 * with the API name's exact case. Objects used in FROM or constructed with named arguments must be in the catalog.
 */
import { problem, type Problem } from '../problems.js';
import type { ObjectCatalog } from '../refs/catalog.js';
import {
    isNode,
    child,
    children,
    identifier,
    kind,
    lineOf,
    names,
    visit,
    where,
    type ApexNode,
    type ApexUnit,
    type TypeName
} from './ast.js';
import { collectClasses, isAmbiguous, methodScope, staticOwner, type ClassInfo } from './scope.js';

/** An SObject type, or a list of them (a SOQL result is both: `[SELECT …].Field` reads its single row). */
interface SType {
    sobject: string;
    list: boolean;
    soql?: boolean;
}

interface Ctx {
    catalog: ObjectCatalog;
    classes: ReadonlyMap<string, ClassInfo>;
    unit: ApexUnit;
    problems: Problem[];
}

interface Frame {
    className: string;
    scope: ReadonlyMap<string, TypeName>;
}

function report(ctx: Ctx, node: ApexNode, ancestors: readonly ApexNode[], message: string): void {
    const line = lineOf(node);
    ctx.problems.push(problem('apex', ctx.unit.file, message, { ...(line ? { line } : {}), path: where(ancestors) }));
}

function fromType(ctx: Ctx, type: TypeName | undefined): SType | undefined {
    if (!type || isAmbiguous(type)) return undefined;
    const lower = type.name.toLowerCase();
    if ((lower === 'list' || lower === 'set') && type.args.length === 1) {
        const inner = type.args[0];
        return inner && ctx.catalog.hasObject(inner.name) ? { sobject: inner.name, list: true } : undefined;
    }
    return ctx.catalog.hasObject(type.name) ? { sobject: type.name, list: type.array } : undefined;
}

function variableType(ctx: Ctx, frame: Frame, name: string): TypeName | undefined {
    const key = name.toLowerCase();
    const local = frame.scope.get(key);
    if (local) return local;
    let cls: string | undefined = frame.className;
    while (cls) {
        const type = ctx.classes.get(cls.toLowerCase())?.fields.get(key);
        if (type) return type;
        cls = cls.includes('.') ? cls.slice(0, cls.lastIndexOf('.')) : undefined;
    }
    return undefined;
}

/**
 * Walks `segments` from an SObject: relationships lead to their object, a field ends the walk (its value is a
 * primitive). Reports the first segment that is neither. Returns the type reached, or undefined.
 */
function walkChain(
    ctx: Ctx,
    start: SType,
    segments: readonly string[],
    node: ApexNode,
    ancestors: readonly ApexNode[]
): SType | undefined {
    let current = start;
    for (let i = 0; i < segments.length; i++) {
        const seg = segments[i] ?? '';
        if (current.list && !current.soql) return undefined; // list methods/properties, not fields
        const target = ctx.catalog.walk(current.sobject, [seg]);
        if (target) {
            current = { sobject: target, list: false };
            continue;
        }
        if (ctx.catalog.field(current.sobject, seg)) return undefined;
        const message = ctx.catalog.resolvePath(current.sobject, [seg]) ?? `unknown ${seg}`;
        report(ctx, node, ancestors, `${start.sobject}.${segments.slice(0, i + 1).join('.')}: ${message}`);
        return undefined;
    }
    return current;
}

/** The SObject type of an expression, when the declarations determine it. */
function typeOf(ctx: Ctx, frame: Frame, expr: ApexNode | undefined, ancestors: readonly ApexNode[]): SType | undefined {
    if (!expr) return undefined;
    switch (kind(expr)) {
        case 'Expr$SoqlExpr': {
            const object = fromObject(child(expr, 'query'));
            return object && ctx.catalog.hasObject(object) ? { sobject: object, list: true, soql: true } : undefined;
        }
        case 'Expr$ArrayExpr': {
            const list = typeOf(ctx, frame, child(expr, 'expr'), ancestors);
            return list?.list ? { sobject: list.sobject, list: false } : undefined;
        }
        case 'Expr$NewExpr': {
            const creator = child(expr, 'creator');
            const k = kind(creator);
            if (!creator) return undefined;
            if (k === 'NewObject$NewKeyValue' || k === 'NewObject$NewStandard') {
                return fromType(ctx, { name: names(child(creator, 'type') ?? {}).join('.'), args: [], array: false });
            }
            if (k === 'NewObject$NewListInit' || k === 'NewObject$NewListLiteral') {
                const first = children(creator, 'types')[0];
                const name = first ? names(first).join('.') : '';
                return ctx.catalog.hasObject(name) ? { sobject: name, list: true } : undefined;
            }
            return undefined;
        }
        case 'Expr$CastExpr':
            return fromType(ctx, typeNameOf(child(expr, 'typeRef')));
        case 'Expr$MethodCallExpr':
            return methodType(ctx, frame, expr);
        case 'Expr$VariableExpr':
            return variableExprType(ctx, frame, expr, ancestors, false);
        default:
            return undefined;
    }
}

function typeNameOf(node: ApexNode | undefined): TypeName | undefined {
    return node ? { name: names(node).join('.'), args: [], array: false } : undefined;
}

function methodType(ctx: Ctx, frame: Frame, call: ApexNode): SType | undefined {
    if (child(call, 'dottedExpr')) return undefined;
    const parts = names(call);
    if (parts.length === 1) {
        return fromType(
            ctx,
            ctx.classes.get(frame.className.toLowerCase())?.methods.get((parts[0] ?? '').toLowerCase())
        );
    }
    const owner = staticOwner(ctx.classes, parts, frame.className);
    if (owner && owner.rest.length === 1)
        return fromType(ctx, owner.info.methods.get((owner.rest[0] ?? '').toLowerCase()));
    return undefined;
}

/**
 * Checks (and types) a dotted chain. `call` is true for a method call, whose last name is the method. Heads: a
 * declared variable, a class's static field, an SObject type token (`Opportunity.StageName`,
 * `Schema.SObjectType.Opportunity.fields.StageName`), or a dotted expression (`list[0].Id`, `[SELECT …].Name`).
 */
function variableExprType(
    ctx: Ctx,
    frame: Frame,
    expr: ApexNode,
    ancestors: readonly ApexNode[],
    call: boolean
): SType | undefined {
    const all = names(expr);
    const parts = call ? all.slice(0, -1) : all;
    const dotted = child(expr, 'dottedExpr');
    if (dotted && kind(dotted) !== 'Expr$ThisVariableExpr') {
        const base = typeOf(ctx, frame, dotted, ancestors);
        return base && parts.length ? walkChain(ctx, base, parts, expr, ancestors) : base;
    }
    const head = parts[0];
    if (!head) return undefined;
    const declared = variableType(ctx, frame, head);
    if (declared) {
        const type = fromType(ctx, declared);
        return type ? walkChain(ctx, type, parts.slice(1), expr, ancestors) : undefined;
    }
    const owner = staticOwner(ctx.classes, parts, frame.className);
    if (owner && owner.rest.length) {
        const type = fromType(ctx, owner.info.fields.get((owner.rest[0] ?? '').toLowerCase()));
        return type ? walkChain(ctx, type, owner.rest.slice(1), expr, ancestors) : undefined;
    }
    checkToken(ctx, parts, expr, ancestors);
    return undefined;
}

function checkToken(ctx: Ctx, parts: readonly string[], node: ApexNode, ancestors: readonly ApexNode[]): void {
    let rest = [...parts];
    if (rest[0]?.toLowerCase() === 'schema') rest = rest.slice(1);
    if (rest[0]?.toLowerCase() === 'sobjecttype' && rest[2]?.toLowerCase() === 'fields')
        rest = [rest[1] ?? '', ...rest.slice(3)];
    const [object, field] = rest;
    if (!object || !field || !ctx.catalog.hasObject(object) || field.toLowerCase() === 'sobjecttype') return;
    if (!ctx.catalog.field(object, field)) {
        report(ctx, node, ancestors, `${object}.${field}: ${ctx.catalog.resolvePath(object, [field]) ?? 'unknown'}`);
    }
}

/** `FROM X` of a query (the first FROM expression), as written. */
function fromObject(query: ApexNode | undefined): string | undefined {
    const from = query ? child(query, 'from') : undefined;
    const table = from ? children(from, 'exprs')[0] : undefined;
    const id = table ? child(table, 'table') : undefined;
    return id ? fieldSegments(id).join('.') : undefined;
}

function fieldSegments(id: ApexNode): string[] {
    const entity = child(id, 'entity');
    const own = identifier(child(id, 'field')) ?? '';
    return [...(entity && kind(entity) === 'FieldIdentifier' ? fieldSegments(entity) : []), own];
}

function checkQuery(ctx: Ctx, query: ApexNode, ancestors: readonly ApexNode[]): void {
    const object = fromObject(query) ?? '';
    if (!ctx.catalog.hasObject(object)) {
        report(
            ctx,
            query,
            ancestors,
            `FROM ${object}: object ${object} is neither in the project nor in standard-fields.json`
        );
        return;
    }
    const fromExpr = children(child(query, 'from') ?? {}, 'exprs')[0];
    const alias = fromExpr ? identifier(child(fromExpr, 'alias')) : undefined;
    visit(query, (node, path) => {
        if (node === query) return true;
        const k = kind(node);
        if (k === 'QueryExpr$ApexExpr') return false; // Apex bind: checked as Apex
        if (k === 'SelectExpr$SelectInnerQuery') {
            const inner = child(node, 'query');
            const rel = inner ? fromObject(inner) : '';
            report(
                ctx,
                node,
                ancestors,
                `subquery FROM ${rel ?? ''} on ${object}: child relationships are not in the catalog; add them before using a parent-child subquery`
            );
            return false;
        }
        if (k === 'Query') {
            checkQuery(ctx, node, [...ancestors, ...path]);
            return false;
        }
        if (k === 'Field') {
            const id = child(node, 'field');
            if (!id) return false;
            let segments = fieldSegments(id);
            const first = segments[0]?.toLowerCase();
            const qualified =
                first === alias?.toLowerCase() ||
                (first === object.toLowerCase() && !ctx.catalog.walk(object, segments.slice(0, 1)));
            if (segments.length > 1 && qualified) segments = segments.slice(1);
            const message = ctx.catalog.resolvePath(object, segments);
            if (message) report(ctx, node, ancestors, `SOQL on ${object}: ${segments.join('.')}: ${message}`);
            return false;
        }
        return true;
    });
}

function checkConstructor(ctx: Ctx, creator: ApexNode, ancestors: readonly ApexNode[]): void {
    const type = names(child(creator, 'type') ?? {});
    const object = type[0]?.toLowerCase() === 'schema' ? type.slice(1).join('.') : type.join('.');
    if (!ctx.catalog.hasObject(object)) {
        report(
            ctx,
            creator,
            ancestors,
            `new ${object}(…): object ${object} is neither in the project nor in standard-fields.json`
        );
        return;
    }
    for (const kv of children(creator, 'keyValues')) {
        const field = identifier(child(kv, 'name')) ?? '';
        if (!ctx.catalog.field(object, field) && !ctx.catalog.walk(object, [field])) {
            report(
                ctx,
                kv,
                ancestors,
                `new ${object}(${field} = …): ${ctx.catalog.resolvePath(object, [field]) ?? 'unknown'}`
            );
        }
    }
}

/** Checks one parsed unit against the catalog. */
export function checkApexUnitFields(
    unit: ApexUnit,
    catalog: ObjectCatalog,
    classes: ReadonlyMap<string, ClassInfo>
): Problem[] {
    const ctx: Ctx = { catalog, classes, unit, problems: [] };
    const frames: Frame[] = [];
    const classPath: string[] = [];
    const walk = (node: ApexNode, ancestors: ApexNode[]): void => {
        const k = kind(node);
        let pushedClass = false;
        let pushedFrame = false;
        if (k === 'ClassDecl') {
            classPath.push(identifier(child(node, 'name')) ?? '');
            pushedClass = true;
            frames.push({ className: classPath.join('.'), scope: new Map() });
            pushedFrame = true;
        } else if (k === 'MethodDecl') {
            frames.push({ className: classPath.join('.'), scope: methodScope(node) });
            pushedFrame = true;
        }
        const frame = frames[frames.length - 1];
        if (frame) {
            if (k === 'Query' && kind(ancestors[ancestors.length - 1]) === 'Expr$SoqlExpr')
                checkQuery(ctx, node, ancestors);
            else if (k === 'NewObject$NewKeyValue') checkConstructor(ctx, node, ancestors);
            else if (k === 'Expr$VariableExpr') variableExprType(ctx, frame, node, ancestors, false);
            else if (k === 'Expr$MethodCallExpr') variableExprType(ctx, frame, node, ancestors, true);
        }
        ancestors.push(node);
        for (const [key, value] of Object.entries(node)) {
            if (key === 'loc' || key === 'location') continue;
            for (const item of Array.isArray(value) ? value : [value]) if (isNode(item)) walk(item, ancestors);
        }
        ancestors.pop();
        if (pushedFrame) frames.pop();
        if (pushedClass) classPath.pop();
    };
    walk(unit.unit, []);
    return ctx.problems;
}

/** Checks every unit (classes are collected across all of them, so static calls between classes are typed). */
export function checkApexFields(units: readonly ApexUnit[], catalog: ObjectCatalog): Problem[] {
    const classes = collectClasses(units);
    return units.flatMap((u) => checkApexUnitFields(u, catalog, classes));
}
