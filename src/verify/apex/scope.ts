/**
 * What the Apex field check knows about declarations: the declared type of every variable, parameter, for-each
 * variable and class field, and the return type of every method of the project's classes. Scoping is per method
 * (a name declared twice in one method with different types is treated as unknown, never guessed).
 */
import {
    child,
    children,
    identifier,
    kind,
    typeName,
    visit,
    type ApexNode,
    type ApexUnit,
    type TypeName
} from './ast.js';

const AMBIGUOUS: TypeName = { name: '?', args: [], array: false };

function put(map: Map<string, TypeName>, name: string | undefined, type: TypeName | undefined): void {
    if (!name || !type) return;
    const key = name.toLowerCase();
    const known = map.get(key);
    map.set(key, known && !sameType(known, type) ? AMBIGUOUS : type);
}

function sameType(a: TypeName, b: TypeName): boolean {
    return (
        a.name.toLowerCase() === b.name.toLowerCase() &&
        a.array === b.array &&
        a.args.length === b.args.length &&
        a.args.every((arg, i) => sameType(arg, b.args[i] as TypeName))
    );
}

export function isAmbiguous(type: TypeName | undefined): boolean {
    return type === AMBIGUOUS;
}

/** Declarations of one method body (parameters, locals, loop variables, catch variables). */
export function methodScope(method: ApexNode): Map<string, TypeName> {
    const scope = new Map<string, TypeName>();
    for (const p of children(method, 'parameters'))
        put(scope, identifier(child(p, 'name')), typeName(child(p, 'typeRef')));
    const body = child(method, 'stmnt');
    if (!body) return scope;
    visit(body, (node) => {
        const k = kind(node);
        if (k === 'VariableDecls') {
            const type = typeName(child(node, 'type'));
            for (const d of children(node, 'decls')) put(scope, identifier(child(d, 'name')), type);
        } else if (k === 'ForControl$EnhancedForControl') {
            const type = typeName(child(node, 'type'));
            for (const n of children(node, 'name')) put(scope, identifier(n), type);
        } else if (k === 'CatchBlock') {
            const p = child(node, 'parameter');
            if (p) put(scope, identifier(child(p, 'name')), typeName(child(p, 'typeRef')));
        } else if (k === 'ClassDecl') {
            return false;
        }
        return true;
    });
    return scope;
}

export interface ClassInfo {
    /** `Outer` or `Outer.Inner`. */
    name: string;
    fields: Map<string, TypeName>;
    methods: Map<string, TypeName>;
}

/** Every class of every unit (inner classes as `Outer.Inner`), keyed by lower-case name. */
export function collectClasses(units: readonly ApexUnit[]): Map<string, ClassInfo> {
    const classes = new Map<string, ClassInfo>();
    const addClass = (decl: ApexNode, outer: string | undefined): void => {
        const own = identifier(child(decl, 'name'));
        if (!own) return;
        const name = outer ? `${outer}.${own}` : own;
        const info: ClassInfo = { name, fields: new Map(), methods: new Map() };
        classes.set(name.toLowerCase(), info);
        for (const member of children(decl, 'members')) {
            const k = kind(member);
            if (k === 'BlockMember$FieldMember') {
                const decls = child(member, 'variableDecls');
                if (!decls) continue;
                const type = typeName(child(decls, 'type'));
                for (const d of children(decls, 'decls')) put(info.fields, identifier(child(d, 'name')), type);
            } else if (k === 'BlockMember$PropertyMember') {
                const prop = child(member, 'propertyDecl');
                if (prop) put(info.fields, identifier(child(prop, 'name')), typeName(child(prop, 'type')));
            } else if (k === 'BlockMember$MethodMember') {
                const method = child(member, 'methodDecl');
                if (method) put(info.methods, identifier(child(method, 'name')), typeName(child(method, 'type')));
            } else if (k === 'BlockMember$InnerClassMember') {
                const inner = child(member, 'body');
                if (inner) addClass(inner, name);
            }
        }
    };
    for (const u of units) {
        const body = child(u.unit, 'body');
        if (body && kind(body) === 'ClassDecl') addClass(body, undefined);
    }
    return classes;
}

/** A static reference `Class.member` or `Outer.Inner.member`: the class it names and the rest of the chain. */
export function staticOwner(
    classes: ReadonlyMap<string, ClassInfo>,
    parts: readonly string[],
    current: string
): { info: ClassInfo; rest: string[] } | undefined {
    for (let n = Math.min(parts.length - 1, 2); n >= 1; n--) {
        const qualified = parts.slice(0, n).join('.').toLowerCase();
        const candidates = [qualified, `${current.split('.')[0]?.toLowerCase() ?? ''}.${qualified}`];
        for (const c of candidates) {
            const info = classes.get(c);
            if (info) return { info, rest: parts.slice(n) };
        }
    }
    return undefined;
}
