/**
 * What prose says a permission set lets its holder do with custom metadata, checked against what its XML grants.
 * A claim is a verb phrase: a write verb (configure, edit, change…) or a read verb (read, view) up to the next such
 * verb or the end of the sentence. Writing custom metadata records needs the Customize Application user permission
 * (Help: "Add or Edit Custom Metadata Records Declaratively"); reading a type needs its customMetadataTypeAccesses.
 * Phrases that state a requirement or a negation ("needs", "requires", "not", "cannot") are not claims.
 */
import { childrenNamed, childText, type XmlElement } from './xml.js';

export const CUSTOMIZE_APPLICATION = 'CustomizeApplication';

export interface Grants {
    userPermissions: ReadonlySet<string>;
    customMetadataTypes: ReadonlySet<string>;
}

export interface Claim {
    kind: 'write' | 'read';
    phrase: string;
    /** Custom metadata types the phrase names; empty when it says "custom metadata" in general. */
    types: string[];
}

const WRITE = String.raw`configur\w*|edit\w*|chang\w*|modif\w*|manag\w*|maintain\w*|updat\w*|creat\w*|delet\w*|writ\w*|adjust\w*|tun(?:e|es|ed|ing)`;
const READ = String.raw`read(?!-only)s?|reading|view\w*`;
const VERB = new RegExp(String.raw`\b(${WRITE}|${READ})\b`, 'gi');
const IS_READ = new RegExp(String.raw`^(?:${READ})$`, 'i');
const NOT_A_CLAIM = /\b(not|no|never|cannot|can't|without|needs?|requires?)\b/i;
const CMDT =
    /custom metadata|\bCMDT\b|__mdt\b|\bAttribution[ _]Rules\b|\bPersona[ _]Role[ _]Mapping\b|\bDefault record\b/i;
const NAMED_TYPES: readonly [RegExp, string][] = [
    [/\bAttribution[ _]Rules(__mdt)?\b|\bDefault record\b/i, 'Attribution_Rules__mdt'],
    [/\bPersona[ _]Role[ _]Mapping(__mdt)?\b/i, 'Persona_Role_Mapping__mdt']
];

export function grantsOf(permissionSet: XmlElement): Grants {
    const enabled = (list: XmlElement[]): Set<string> =>
        new Set(list.filter((e) => childText(e, 'enabled') === 'true').map((e) => childText(e, 'name') ?? ''));
    return {
        userPermissions: enabled(childrenNamed(permissionSet, 'userPermissions')),
        customMetadataTypes: enabled(childrenNamed(permissionSet, 'customMetadataTypeAccesses'))
    };
}

/** The custom metadata claims in `text`. */
export function claimsIn(text: string): Claim[] {
    const claims: Claim[] = [];
    for (const sentence of text.split(/[.;!?](?:\s|$)/)) {
        const verbs = [...sentence.matchAll(VERB)];
        verbs.forEach((m, i) => {
            const start = m.index;
            const end = verbs[i + 1]?.index ?? sentence.length;
            const phrase = sentence.slice(start, end).trim();
            const before = sentence.slice(Math.max(0, start - 24), start);
            if (!CMDT.test(phrase) || NOT_A_CLAIM.test(phrase) || NOT_A_CLAIM.test(before)) return;
            const types = NAMED_TYPES.filter(([re]) => re.test(phrase)).map(([, type]) => type);
            claims.push({ kind: IS_READ.test(m[1] ?? '') ? 'read' : 'write', phrase, types });
        });
    }
    return claims;
}

/** One message per claim in `text` that `grants` does not back. */
export function unbackedClaims(text: string, grants: Grants): string[] {
    const out: string[] = [];
    for (const claim of claimsIn(text)) {
        if (claim.kind === 'write') {
            if (!grants.userPermissions.has(CUSTOMIZE_APPLICATION)) {
                out.push(
                    `"${claim.phrase}" claims it can change custom metadata records, which needs the Customize Application user permission; the permission set does not grant it`
                );
            }
            continue;
        }
        const missing = claim.types.length
            ? claim.types.filter((t) => !grants.customMetadataTypes.has(t))
            : grants.customMetadataTypes.size
              ? []
              : ['any custom metadata type'];
        if (missing.length) {
            out.push(
                `"${claim.phrase}" claims read access the permission set does not grant (customMetadataTypeAccesses: ${missing.join(', ')})`
            );
        }
    }
    return out;
}

/**
 * What a Markdown text says about each named permission set: the parenthesised text after each `` `Name` ``
 * (as in "`Attribution_Guardrails_Admin` (edit everything, …)"), nested parentheses included.
 */
export function describedPermissionSets(markdown: string, names: readonly string[]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const name of names) {
        const texts: string[] = [];
        const marker = `\`${name}\` (`;
        for (let at = markdown.indexOf(marker); at >= 0; at = markdown.indexOf(marker, at + 1)) {
            let depth = 1;
            let i = at + marker.length;
            for (; i < markdown.length && depth > 0; i++) {
                if (markdown[i] === '(') depth++;
                else if (markdown[i] === ')') depth--;
            }
            texts.push(markdown.slice(at + marker.length, i - 1));
        }
        out.set(name, texts);
    }
    return out;
}
