/**
 * The one internal model of the Metadata API schema the gate validates against. Two loaders build it:
 * `wsdl-loader.ts` (the official WSDL's `<xsd:schema>`) and `dts-loader.ts` (`@salesforce/types` metadata.d.ts).
 */

/**
 * Primitive value types. `number` and `temporal` only come from the d.ts source, which cannot tell
 * int from double (`number`) nor date from dateTime (`Date`).
 */
export type Primitive =
    'string' | 'boolean' | 'int' | 'long' | 'double' | 'date' | 'dateTime' | 'time' | 'anyType' | 'number' | 'temporal';

export type TypeRef = { kind: 'primitive'; name: Primitive } | { kind: 'named'; name: string };

export interface ElementDecl {
    name: string;
    type: TypeRef;
    minOccurs: number;
    /** `Infinity` for unbounded. */
    maxOccurs: number;
}

export interface ComplexType {
    name: string;
    /** Base type (complexContent/extension or d.ts `Base & {…}`); its elements come first. */
    base?: string;
    elements: ElementDecl[];
}

export interface SimpleType {
    name: string;
    base: Primitive;
    /** Allowed values; undefined when the type is not an enumeration. */
    enumeration?: readonly string[];
}

export interface SchemaModel {
    /** Human-readable origin, printed by the CLI (e.g. `WSDL /path/metadata.wsdl (API 66.0)`). */
    source: string;
    /** Metadata API version of the schema (e.g. `66.0`), when the source states it. */
    apiVersion?: string;
    complexTypes: Map<string, ComplexType>;
    simpleTypes: Map<string, SimpleType>;
}

export function emptyModel(source: string): SchemaModel {
    return { source, complexTypes: new Map(), simpleTypes: new Map() };
}

const flattened = new WeakMap<SchemaModel, Map<string, ElementDecl[]>>();

/** All elements of a complex type in document order: inherited base-type elements first. */
export function allElements(model: SchemaModel, typeName: string): ElementDecl[] {
    let cache = flattened.get(model);
    if (!cache) {
        cache = new Map();
        flattened.set(model, cache);
    }
    const hit = cache.get(typeName);
    if (hit) return hit;
    const chain: ComplexType[] = [];
    const seen = new Set<string>();
    let current = model.complexTypes.get(typeName);
    while (current && !seen.has(current.name)) {
        seen.add(current.name);
        chain.unshift(current);
        current = current.base ? model.complexTypes.get(current.base) : undefined;
    }
    const result = chain.flatMap((t) => t.elements);
    cache.set(typeName, result);
    return result;
}

/** True when the type is (transitively) derived from `Metadata`, i.e. can be the root of a metadata file. */
export function isMetadataType(model: SchemaModel, typeName: string): boolean {
    const seen = new Set<string>();
    let current = model.complexTypes.get(typeName);
    while (current && !seen.has(current.name)) {
        if (current.name === 'Metadata') return true;
        seen.add(current.name);
        current = current.base ? model.complexTypes.get(current.base) : undefined;
    }
    return false;
}

const patterns: Record<Exclude<Primitive, 'string' | 'anyType' | 'number' | 'temporal'>, RegExp> = {
    boolean: /^(true|false|1|0)$/,
    int: /^[+-]?\d+$/,
    long: /^[+-]?\d+$/,
    double: /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN)$/,
    date: /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
    dateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
    time: /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/
};

/** Returns an explanation when `value` is not a valid lexical form of the primitive, else undefined. */
export function checkPrimitive(type: Primitive, value: string): string | undefined {
    const v = value.trim();
    switch (type) {
        case 'string':
        case 'anyType':
            return undefined;
        case 'number':
            return patterns.double.test(v) ? undefined : `"${v}" is not a number`;
        case 'temporal':
            return patterns.date.test(v) || patterns.dateTime.test(v) ? undefined : `"${v}" is not a date or dateTime`;
        case 'int': {
            if (!patterns.int.test(v)) return `"${v}" is not an int`;
            const n = Number(v);
            return n >= -2147483648 && n <= 2147483647 ? undefined : `"${v}" is out of the int range`;
        }
        default:
            return patterns[type].test(v) ? undefined : `"${v}" is not a valid ${type}`;
    }
}

/** Maps `xsd:<name>` (or the bare name) to a primitive, or undefined for non-primitive names. */
export function xsdPrimitive(name: string): Primitive | undefined {
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    const known: Record<string, Primitive> = {
        string: 'string',
        boolean: 'boolean',
        int: 'int',
        long: 'long',
        double: 'double',
        date: 'date',
        dateTime: 'dateTime',
        time: 'time',
        anyType: 'anyType',
        base64Binary: 'string'
    };
    return known[local];
}
