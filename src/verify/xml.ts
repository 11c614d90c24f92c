/**
 * Minimal XML element tree built with saxes, so that every element keeps the line it starts on.
 * Used for metadata files (small) and for the WSDL (one pass, ~2 MB).
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
    /** Local name (namespace prefix stripped). */
    name: string;
    /** Qualified name as written, e.g. `xsd:element`. */
    qname: string;
    attrs: Record<string, string>;
    children: XmlElement[];
    /** Concatenated character data directly inside this element (not of its children). */
    text: string;
    line: number;
    column: number;
}

export class XmlParseError extends Error {
    constructor(
        message: string,
        readonly line: number,
        readonly column: number
    ) {
        super(message);
        this.name = 'XmlParseError';
    }
}

/** Parses an XML document; throws `XmlParseError` (with line/column) when it is not well-formed. */
export function parseXml(source: string): XmlElement {
    const parser = new SaxesParser({ xmlns: false, position: true });
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    let failure: XmlParseError | undefined;

    parser.on('error', (err) => {
        if (!failure) failure = new XmlParseError(err.message.replace(/^\d+:\d+: /, ''), parser.line, parser.column);
    });
    // the line an element starts on (opentag fires at the end of a possibly multi-line start tag)
    let startLine = 1;
    let startColumn = 1;
    parser.on('opentagstart', () => {
        startLine = parser.line;
        startColumn = parser.column;
    });
    parser.on('opentag', (tag) => {
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(tag.attributes)) attrs[key] = String(value);
        const colon = tag.name.indexOf(':');
        const el: XmlElement = {
            name: colon >= 0 ? tag.name.slice(colon + 1) : tag.name,
            qname: tag.name,
            attrs,
            children: [],
            text: '',
            line: startLine,
            column: startColumn
        };
        const parent = stack[stack.length - 1];
        if (parent) parent.children.push(el);
        else root = el;
        stack.push(el);
    });
    parser.on('closetag', () => {
        stack.pop();
    });
    const onText = (text: string): void => {
        const current = stack[stack.length - 1];
        if (current) current.text += text;
    };
    parser.on('text', onText);
    parser.on('cdata', onText);

    try {
        parser.write(source).close();
    } catch (err) {
        if (!failure) {
            const message = err instanceof Error ? err.message : String(err);
            failure = new XmlParseError(message, parser.line, parser.column);
        }
    }
    if (failure) throw failure;
    if (!root) throw new XmlParseError('document has no root element', 1, 1);
    return root;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
    return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
    return el.children.find((c) => c.name === name);
}

/** Trimmed text of the first child with that name, or undefined. */
export function childText(el: XmlElement, name: string): string | undefined {
    const child = firstChild(el, name);
    return child ? child.text.trim() : undefined;
}

/** Every descendant (depth-first, document order) with the given local name. */
export function descendants(el: XmlElement, name: string): XmlElement[] {
    const out: XmlElement[] = [];
    const walk = (node: XmlElement): void => {
        for (const c of node.children) {
            if (c.name === name) out.push(c);
            walk(c);
        }
    };
    walk(el);
    return out;
}
