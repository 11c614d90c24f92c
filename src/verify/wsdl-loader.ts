/**
 * Builds the schema model from the official Metadata API WSDL (its `<types><xsd:schema>`).
 * Handles what the Metadata WSDL uses: complexType with sequence or complexContent/extension/sequence,
 * simpleType restriction with enumerations.
 */
import { readFileSync } from 'node:fs';
import { parseXml, type XmlElement } from './xml.js';
import { emptyModel, xsdPrimitive, type ElementDecl, type SchemaModel, type TypeRef } from './schema-model.js';

function stripPrefix(qname: string): string {
    const i = qname.indexOf(':');
    return i >= 0 ? qname.slice(i + 1) : qname;
}

function typeRef(typeAttr: string | undefined, where: string): TypeRef {
    if (!typeAttr) throw new Error(`${where}: element without a type attribute`);
    if (typeAttr.startsWith('xsd:')) {
        const primitive = xsdPrimitive(typeAttr);
        if (!primitive) throw new Error(`${where}: unsupported XSD type ${typeAttr}`);
        return { kind: 'primitive', name: primitive };
    }
    return { kind: 'named', name: stripPrefix(typeAttr) };
}

function sequenceElements(sequence: XmlElement | undefined, where: string): ElementDecl[] {
    if (!sequence) return [];
    const out: ElementDecl[] = [];
    for (const el of sequence.children) {
        if (el.name !== 'element') continue; // xsd:any only occurs in SOAP result types
        const name = el.attrs.name;
        if (!name) throw new Error(`${where} (line ${el.line}): xsd:element without a name`);
        const max = el.attrs.maxOccurs;
        out.push({
            name,
            type: typeRef(el.attrs.type, `${where}.${name} (line ${el.line})`),
            minOccurs: el.attrs.minOccurs === undefined ? 1 : Number(el.attrs.minOccurs),
            maxOccurs: max === undefined ? 1 : max === 'unbounded' ? Infinity : Number(max)
        });
    }
    return out;
}

/** Builds the model from the WSDL text. `label` names the source in the model description. */
export function modelFromWsdl(text: string, label: string): SchemaModel {
    const root = parseXml(text);
    const types = root.children.find((c) => c.name === 'types');
    const schema = types?.children.find((c) => c.name === 'schema');
    if (!schema) throw new Error(`${label}: no <types><xsd:schema> element`);
    const version = /Metadata API version ([\d.]+)/.exec(text.slice(0, 500))?.[1];
    const model = emptyModel(`WSDL ${label}${version ? ` (API ${version})` : ''}`);
    if (version) model.apiVersion = version;

    for (const node of schema.children) {
        const name = node.attrs.name;
        if (!name) continue;
        if (node.name === 'complexType') {
            const content = node.children.find((c) => c.name === 'complexContent');
            if (content) {
                const ext = content.children.find((c) => c.name === 'extension');
                if (!ext?.attrs.base) throw new Error(`${label} line ${node.line}: ${name} has no extension base`);
                const seq = ext.children.find((c) => c.name === 'sequence');
                model.complexTypes.set(name, {
                    name,
                    base: stripPrefix(ext.attrs.base),
                    elements: sequenceElements(seq, name)
                });
            } else {
                const seq = node.children.find((c) => c.name === 'sequence');
                model.complexTypes.set(name, { name, elements: sequenceElements(seq, name) });
            }
        } else if (node.name === 'simpleType') {
            const restriction = node.children.find((c) => c.name === 'restriction');
            const base = xsdPrimitive(restriction?.attrs.base ?? 'xsd:string') ?? 'string';
            const values = (restriction?.children ?? [])
                .filter((c) => c.name === 'enumeration')
                .map((c) => c.attrs.value ?? '');
            model.simpleTypes.set(name, values.length ? { name, base, enumeration: values } : { name, base });
        }
    }
    return model;
}

export function loadWsdl(path: string): SchemaModel {
    return modelFromWsdl(readFileSync(path, 'utf8'), path);
}
