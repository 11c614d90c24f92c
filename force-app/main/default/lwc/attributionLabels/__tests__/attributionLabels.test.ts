import { LABELS, formatLabel } from 'c/attributionLabels';

const fs = jest.requireActual<typeof import('fs')>('fs');
const path = jest.requireActual<typeof import('path')>('path');

const LWC_DIR = path.resolve(__dirname, '../..');
const LABELS_FILE = path.resolve(LWC_DIR, '../labels/CustomLabels.labels-meta.xml');
const CARD_TEMPLATES = [
    'leadQualification',
    'opportunityAttribution',
    'errorPanel',
    'utmList',
    'loadingState',
    'buyingGroupManager',
    'campaignInfluence',
    'attributionFixes'
].map((name) => path.join(LWC_DIR, name, `${name}.html`));

function labelNamesInXml(): string[] {
    const xml = fs.readFileSync(LABELS_FILE, 'utf8');
    return [...xml.matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((match) => match[1]!);
}

/** Literal text a rep would read in a template: text nodes and text attributes that are not `{bindings}`. */
function literalTexts(html: string): string[] {
    const found: string[] = [];
    const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
    for (const match of withoutComments.matchAll(/>([^<]+)</g)) {
        const text = match[1]!.replace(/\{[^}]*\}/g, '').trim();
        if (text.length > 0) {
            found.push(text);
        }
    }
    const textAttributes = /\s(title|label|alternative-text|aria-label|placeholder|empty-text|summary)="([^"{][^"]*)"/g;
    for (const match of withoutComments.matchAll(textAttributes)) {
        found.push(`${match[1]}="${match[2]}"`);
    }
    return found;
}

describe('c/attributionLabels', () => {
    it('resolves every label to the text of CustomLabels.labels-meta.xml', () => {
        const values = Object.values(LABELS);
        expect(values.length).toBeGreaterThan(40);
        // sfdx-lwc-jest answers "c.Name" for a label missing from the file.
        expect(values.filter((value) => value.startsWith('c.'))).toEqual([]);
        expect(LABELS.leadCardTitle).toBe('Lead Qualification');
    });

    it('imports every label of the file, and only labels of the file', () => {
        // c/attributionLabels (the cards) and c/dealLabels (the deal components) together
        const source = ['attributionLabels', 'dealLabels']
            .map((name) => fs.readFileSync(path.join(LWC_DIR, name, `${name}.ts`), 'utf8'))
            .join('\n');
        const imported = [...source.matchAll(/'@salesforce\/label\/c\.([^']+)'/g)].map((match) => match[1]!);
        expect([...imported].sort()).toEqual(labelNamesInXml().sort());
    });

    it('fills {0}-style placeholders and leaves unknown ones', () => {
        expect(formatLabel('{0} of {1}', 2, 4)).toBe('2 of 4');
        expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
        expect(formatLabel('{0} was not saved: {1}', 'Need')).toBe('Need was not saved: {1}');
    });

    it('finds literal text in a template (the check below can fail)', () => {
        expect(
            literalTexts('<template><p class="x">{label}</p><h3>UTM values</h3><c-a title="Stage"></c-a></template>')
        ).toEqual(['UTM values', 'title="Stage"']);
    });

    it.each(CARD_TEMPLATES)('spaces with density-aware classes (slds-var-*) in %s', (file) => {
        const fixed = [...fs.readFileSync(file, 'utf8').matchAll(/\bslds-[mp]-[a-z]+_[a-z-]+/g)]
            .map((match) => match[0])
            // "none" is the same in every density; SLDS has no slds-var-*_none.
            .filter((name) => !name.endsWith('_none'));
        expect(fixed).toEqual([]);
    });

    it.each(CARD_TEMPLATES)('has no literal user-facing text in %s', (file) => {
        expect(literalTexts(fs.readFileSync(file, 'utf8'))).toEqual([]);
    });
});
