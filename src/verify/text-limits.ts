/**
 * The lengths an org accepts for the text elements the project ships, by metadata type (SDR's type name) and
 * element path below the root (slash-separated, no indices; `*` stands for any one element name). A text longer
 * than its limit fails the deploy ("data value too large"), so the gate refuses it offline.
 *
 * Each limit names its source. Where no documented limit was found the limit is 255 and the source says
 * `undocumented: conservative` (src/verify/README.md says so too): 255 is the column Salesforce documents for most
 * descriptions and messages, so it is the likely one; an org could still use a smaller column, which only a deploy
 * shows. Where two documents disagree, the smaller value is used.
 *
 * Characters are counted as the org stores them: after XML entity decoding (`&amp;` is one character), merge
 * fields (`{!Record.Name}`) as written, whitespace inside the element included, in UTF-16 code units (the unit of
 * Salesforce's String length; a character outside the Basic Multilingual Plane counts twice).
 */
import type { XmlElement } from './xml.js';

export interface TextLimit {
    limit: number;
    source: string;
}

export const UNDOCUMENTED = 'undocumented: conservative';

const CONSERVATIVE: TextLimit = { limit: 255, source: UNDOCUMENTED };

const FIELD_REF = 'Field Reference Guide';
const HELP_CUSTOM_ERROR = {
    limit: 255,
    source: 'Salesforce Help "Custom Error Element" (message: max 255 characters)'
};

export const TEXT_LIMITS: Readonly<Record<string, Readonly<Record<string, TextLimit>>>> = {
    ValidationRule: {
        description: { limit: 255, source: 'Salesforce Help "Validation Rules Fields" (description: 255 or less)' },
        errorMessage: { limit: 255, source: 'Tooling API ValidationRule.ErrorMessage (255 characters or less)' }
    },
    PermissionSet: {
        description: { limit: 255, source: `${FIELD_REF} PermissionSet.Description (string, 255)` },
        label: { limit: 80, source: `${FIELD_REF} PermissionSet.Label (string, 80)` }
    },
    CustomPermission: {
        description: { limit: 255, source: `Object Reference CustomPermission.Description (Limit: 255 characters)` },
        label: { limit: 80, source: `${FIELD_REF} CustomPermission.MasterLabel (string, 80)` }
    },
    GlobalValueSet: {
        description: { limit: 255, source: 'Metadata API GlobalValueSet.description (up to 255 characters)' },
        masterLabel: CONSERVATIVE,
        'customValue/label': CONSERVATIVE
    },
    MatchingRules: {
        'matchingRules/description': { limit: 255, source: `${FIELD_REF} MatchingRule.Description (textarea, 255)` },
        'matchingRules/label': { limit: 80, source: `${FIELD_REF} MatchingRule.MasterLabel (string, 80)` }
    },
    DuplicateRule: {
        masterLabel: { limit: 80, source: `${FIELD_REF} DuplicateRule.MasterLabel (string, 80)` },
        description: CONSERVATIVE,
        alertText: CONSERVATIVE
    },
    Flow: {
        description: { limit: 255, source: `${FIELD_REF} FlowDefinitionView.Description (string, 255)` },
        label: { limit: 255, source: `${FIELD_REF} FlowDefinitionView.Label (string, 255)` },
        interviewLabel: CONSERVATIVE,
        'customErrors/customErrorMessages/errorMessage': HELP_CUSTOM_ERROR,
        // element descriptions and labels (decisions, assignments, formulas, recordLookups, customErrors, …)
        '*/description': CONSERVATIVE,
        '*/label': CONSERVATIVE,
        'decisions/rules/label': CONSERVATIVE,
        'decisions/defaultConnectorLabel': CONSERVATIVE
    },
    CustomObject: {
        description: CONSERVATIVE,
        label: CONSERVATIVE,
        pluralLabel: CONSERVATIVE,
        'nameField/label': CONSERVATIVE
    },
    CustomField: {
        description: { limit: 1000, source: `${FIELD_REF} FieldDefinition.Description (textarea, 1000)` },
        // the smaller of two documented values: Help "Custom Field Attributes" is cited at 510 (the stored copy of
        // the page ends before that row), the Field Reference gives EntityParticle.InlineHelpText as string 150
        inlineHelpText: { limit: 150, source: `${FIELD_REF} EntityParticle.InlineHelpText (string, 150)` },
        label: { limit: 40, source: 'Salesforce Help KB 000381913 (field names and labels: 40 characters)' }
    },
    CustomMetadata: { label: CONSERVATIVE },
    CustomTab: { description: CONSERVATIVE },
    ListView: { label: { limit: 40, source: `${FIELD_REF} ListView.Name (string, 40)` } },
    FlexiPage: { description: CONSERVATIVE, masterLabel: CONSERVATIVE },
    LightningComponentBundle: { description: CONSERVATIVE, masterLabel: CONSERVATIVE }
};

export interface TextOverLimit {
    element: XmlElement;
    /** Element path from the root, with 1-based indices where a name repeats, e.g. `Flow/decisions[3]/description`. */
    path: string;
    length: number;
    limit: TextLimit;
}

/** Length as the org counts it (see the module comment). */
export function orgLength(text: string): number {
    return text.length;
}

function matches(pattern: readonly string[], names: readonly string[]): boolean {
    return pattern.length === names.length && pattern.every((p, i) => p === '*' || p === names[i]);
}

/** The limit for an element at `names` (path below the root), the most specific pattern winning. */
export function limitFor(type: string, names: readonly string[]): TextLimit | undefined {
    const table = TEXT_LIMITS[type];
    if (!table) return undefined;
    let best: { wildcards: number; limit: TextLimit } | undefined;
    for (const [pattern, limit] of Object.entries(table)) {
        const parts = pattern.split('/');
        if (!matches(parts, names)) continue;
        const wildcards = parts.filter((p) => p === '*').length;
        if (!best || wildcards < best.wildcards) best = { wildcards, limit };
    }
    return best?.limit;
}

/** Every text element of a document of `type` whose text is longer than its limit, in document order. */
export function textsOverLimit(type: string, root: XmlElement): TextOverLimit[] {
    const out: TextOverLimit[] = [];
    const walk = (el: XmlElement, names: string[], path: string): void => {
        const seen = new Map<string, number>();
        const totals = new Map<string, number>();
        for (const c of el.children) totals.set(c.name, (totals.get(c.name) ?? 0) + 1);
        for (const child of el.children) {
            const n = (seen.get(child.name) ?? 0) + 1;
            seen.set(child.name, n);
            const step = (totals.get(child.name) ?? 0) > 1 ? `${child.name}[${n}]` : child.name;
            const childNames = [...names, child.name];
            const childPath = `${path}/${step}`;
            if (child.children.length === 0) {
                const limit = limitFor(type, childNames);
                const length = orgLength(child.text);
                if (limit && length > limit.limit) out.push({ element: child, path: childPath, length, limit });
            } else {
                walk(child, childNames, childPath);
            }
        }
    };
    walk(root, [], root.name);
    return out;
}
