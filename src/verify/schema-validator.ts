/**
 * Validates a parsed metadata document against the schema model: element names, order (xsd:sequence with inherited
 * elements first), required elements, maxOccurs, enumerations, primitive lexical forms, `xsi:type`/`xsi:nil`.
 */
import { problem, type Problem } from './problems.js';
import {
    allElements,
    checkPrimitive,
    isMetadataType,
    xsdPrimitive,
    type ElementDecl,
    type Primitive,
    type SchemaModel,
    type TypeRef
} from './schema-model.js';
import type { XmlElement } from './xml.js';

/** Value of `xsi:type` / `xsi:nil` (metadata files always bind the XMLSchema-instance namespace to `xsi`). */
function xsiAttr(el: XmlElement, local: 'type' | 'nil'): string | undefined {
    return el.attrs[`xsi:${local}`];
}

class Validator {
    readonly problems: Problem[] = [];
    constructor(
        private readonly model: SchemaModel,
        private readonly file: string
    ) {}

    report(el: XmlElement, path: string, message: string): void {
        this.problems.push(problem('schema', this.file, message, { line: el.line, path }));
    }

    checkAttributes(el: XmlElement, path: string): void {
        for (const key of Object.keys(el.attrs)) {
            if (key === 'xmlns' || key.startsWith('xmlns:') || key.startsWith('xsi:')) continue;
            this.report(el, path, `unexpected attribute "${key}"`);
        }
    }

    validateValue(el: XmlElement, type: TypeRef, path: string): void {
        this.checkAttributes(el, path);
        if (xsiAttr(el, 'nil') === 'true') {
            if (el.children.length || el.text.trim()) this.report(el, path, 'xsi:nil="true" element must be empty');
            return;
        }
        const xsiType = xsiAttr(el, 'type');
        if (xsiType !== undefined) {
            const primitive = xsdPrimitive(xsiType);
            if (!primitive || !xsiType.includes(':')) {
                this.report(el, path, `unsupported xsi:type "${xsiType}"`);
                return;
            }
            if (type.kind !== 'primitive' || type.name !== 'anyType') {
                this.report(el, path, `xsi:type is only allowed on anyType elements`);
            }
            this.checkText(el, primitive, path);
            return;
        }
        if (type.kind === 'primitive') {
            this.checkText(el, type.name, path);
            return;
        }
        const simple = this.model.simpleTypes.get(type.name);
        if (simple) {
            if (!this.noChildren(el, path)) return;
            const value = el.text.trim();
            if (simple.enumeration && !simple.enumeration.includes(value)) {
                const shown =
                    simple.enumeration.length > 12
                        ? `${simple.enumeration.length} values`
                        : simple.enumeration.join(', ');
                this.report(el, path, `"${value}" is not a valid ${type.name} value (allowed: ${shown})`);
                return;
            }
            const msg = checkPrimitive(simple.base, value);
            if (msg) this.report(el, path, msg);
            return;
        }
        if (this.model.complexTypes.has(type.name)) {
            this.validateComplex(el, type.name, path);
            return;
        }
        this.report(el, path, `schema has no type ${type.name}`);
    }

    noChildren(el: XmlElement, path: string): boolean {
        const child = el.children[0];
        if (child) {
            this.report(child, `${path}/${child.name}`, `unexpected child element <${child.name}> in a simple value`);
            return false;
        }
        return true;
    }

    checkText(el: XmlElement, primitive: Primitive, path: string): void {
        if (primitive === 'anyType') return;
        if (!this.noChildren(el, path)) return;
        const msg = checkPrimitive(primitive, el.text);
        if (msg) this.report(el, path, msg);
    }

    validateComplex(el: XmlElement, typeName: string, path: string): void {
        if (el.text.trim()) this.report(el, path, `unexpected text "${el.text.trim().slice(0, 40)}" in ${typeName}`);
        const decls = allElements(this.model, typeName);
        const counts = new Array<number>(decls.length).fill(0);
        const siblings = new Map<string, number>();
        for (const c of el.children) siblings.set(c.name, (siblings.get(c.name) ?? 0) + 1);
        const seen = new Map<string, number>();
        let cursor = 0;
        // cursor before the previous child advanced it: lets a child that jumped too far ahead take the blame
        let cursorBeforePrevious = 0;
        let previous: { el: XmlElement; path: string; jumped: boolean } | undefined;
        for (const child of el.children) {
            const nth = (seen.get(child.name) ?? 0) + 1;
            seen.set(child.name, nth);
            const childPath = `${path}/${child.name}${(siblings.get(child.name) ?? 0) > 1 ? `[${nth}]` : ''}`;
            let index = -1;
            for (let j = cursor; j < decls.length; j++) {
                if (decls[j]?.name === child.name) {
                    index = j;
                    break;
                }
            }
            if (index < 0) {
                const earlier = decls.findIndex((d) => d.name === child.name);
                if (earlier < 0) {
                    this.report(child, childPath, `unknown element <${child.name}> in ${typeName}`);
                    continue;
                }
                this.validateValue(child, (decls[earlier] as ElementDecl).type, childPath);
                if (previous?.jumped && earlier >= cursorBeforePrevious) {
                    const p = previous;
                    this.report(
                        p.el,
                        p.path,
                        `element <${p.el.name}> is out of order in ${typeName}: it must come after <${child.name}>`
                    );
                    counts[earlier] = (counts[earlier] ?? 0) + 1;
                    cursorBeforePrevious = cursor;
                    cursor = earlier;
                    previous = { el: child, path: childPath, jumped: false };
                } else {
                    const after = previous ? `: it must come before <${previous.el.name}>` : '';
                    this.report(child, childPath, `element <${child.name}> is out of order in ${typeName}${after}`);
                }
                continue;
            }
            const decl = decls[index] as ElementDecl;
            cursorBeforePrevious = cursor;
            previous = { el: child, path: childPath, jumped: index > cursor };
            cursor = index;
            counts[index] = (counts[index] ?? 0) + 1;
            if ((counts[index] ?? 0) > decl.maxOccurs) {
                this.report(
                    child,
                    childPath,
                    `element <${child.name}> is duplicated (at most ${decl.maxOccurs} allowed)`
                );
            }
            this.validateValue(child, decl.type, childPath);
        }
        decls.forEach((d, i) => {
            if (d.minOccurs > 0 && counts[i] === 0 && !el.children.some((c) => c.name === d.name)) {
                this.report(el, path, `required element <${d.name}> is missing in ${typeName}`);
            }
        });
    }
}

/**
 * Validates one metadata document. `expectedRoot` is the root element SDR expects for the file's type
 * (e.g. `CustomField` for `.field-meta.xml`); undefined when the type could not be inferred.
 */
export function validateDocument(
    model: SchemaModel,
    root: XmlElement,
    file: string,
    expectedRoot: string | undefined
): Problem[] {
    const v = new Validator(model, file);
    if (expectedRoot !== undefined && root.name !== expectedRoot) {
        v.report(
            root,
            root.name,
            `root element <${root.name}> does not match the file's metadata type ${expectedRoot}`
        );
    }
    const ns = root.attrs.xmlns;
    if (ns !== 'http://soap.sforce.com/2006/04/metadata') {
        v.report(root, root.name, `root element must declare xmlns="http://soap.sforce.com/2006/04/metadata"`);
    }
    if (!model.complexTypes.has(root.name) || !isMetadataType(model, root.name)) {
        v.report(root, root.name, `<${root.name}> is not a metadata type in ${model.source}`);
        return v.problems;
    }
    v.checkAttributes(root, root.name);
    v.validateComplex(root, root.name, root.name);
    return v.problems;
}
