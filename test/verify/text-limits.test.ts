import { describe, expect, it } from 'vitest';
import { limitFor, TEXT_LIMITS, textsOverLimit, UNDOCUMENTED } from '../../src/verify/text-limits.js';
import { parseXml } from '../../src/verify/xml.js';
import { DEFAULT, gate, lines, seeded } from './helpers.js';

const FLOW = `${DEFAULT}/flows/Opportunity_Contact_Role_Gate.flow-meta.xml`;
const DUPLICATE_RULE = `${DEFAULT}/duplicateRules/Lead.Leads_By_Email.duplicateRule-meta.xml`;
const MATCHING_RULE = `${DEFAULT}/matchingRules/Lead.matchingRule-meta.xml`;

async function limitProblems(dir: string): Promise<string[]> {
    return lines((await gate(dir)).filter((p) => p.check === 'docs' && p.message.includes('an org accepts at most')));
}

describe('text limits in the gate (seeded defects, one per limit family)', () => {
    it('refuses a 256-character custom error message inside customErrors/customErrorMessages', async () => {
        const dir = seeded([
            {
                file: FLOW,
                from: /<errorMessage>.*<\/errorMessage>/,
                to: `<errorMessage>${'m'.repeat(256)}</errorMessage>`
            }
        ]);
        expect(await limitProblems(dir)).toEqual([
            `${FLOW}:10 [docs] Flow/customErrors/customErrorMessages/errorMessage — <errorMessage> has 256 characters; an org accepts at most 255 (Salesforce Help "Custom Error Element" (message: max 255 characters))`
        ]);
    });

    it('counts characters after XML entity decoding, merge fields as written: 255 passes, 256 fails', async () => {
        const merge = '{!$Record.Name}';
        const ok = `${'a'.repeat(235)}${'&amp;'.repeat(5)}${merge}`; // 235 + 5 + 15 = 255 characters in the org
        const tooLong = `${ok}&lt;`; // 256
        expect(ok.length).toBeGreaterThan(255); // the raw XML is longer than the org's text
        expect(
            await limitProblems(
                seeded([
                    { file: FLOW, from: /<errorMessage>.*<\/errorMessage>/, to: `<errorMessage>${ok}</errorMessage>` }
                ])
            )
        ).toEqual([]);
        expect(
            await limitProblems(
                seeded([
                    {
                        file: FLOW,
                        from: /<errorMessage>.*<\/errorMessage>/,
                        to: `<errorMessage>${tooLong}</errorMessage>`
                    }
                ])
            )
        ).toEqual([expect.stringContaining('<errorMessage> has 256 characters; an org accepts at most 255')]);
    });

    it('refuses a too-long flow description and a too-long flow element description (decisions)', async () => {
        const dir = seeded([
            {
                file: FLOW,
                from: '<description>Blocks a stage change when the opportunity has no contact role.</description>',
                to: `<description>${'f'.repeat(256)}</description>`
            },
            {
                file: FLOW,
                from: '<name>Has_Contact_Role</name>',
                to: `<name>Has_Contact_Role</name>\n        <description>${'e'.repeat(256)}</description>`
            }
        ]);
        expect(await limitProblems(dir)).toEqual([
            `${FLOW}:17 [docs] Flow/decisions/description — <description> has 256 characters; an org accepts at most 255 (no documented limit found; conservative)`,
            `${FLOW}:45 [docs] Flow/description — <description> has 256 characters; an org accepts at most 255 (Field Reference Guide FlowDefinitionView.Description (string, 255))`
        ]);
    });

    it('refuses a too-long duplicate rule description and alert text', async () => {
        const dir = seeded([
            {
                file: DUPLICATE_RULE,
                from: /<description>.*<\/description>/,
                to: `<description>${'d'.repeat(256)}</description>`
            },
            {
                file: DUPLICATE_RULE,
                from: /<alertText>.*<\/alertText>/,
                to: `<alertText>${'a'.repeat(256)}</alertText>`
            }
        ]);
        expect(await limitProblems(dir)).toEqual([
            `${DUPLICATE_RULE}:5 [docs] DuplicateRule/alertText — <alertText> has 256 characters; an org accepts at most 255 (no documented limit found; conservative)`,
            `${DUPLICATE_RULE}:6 [docs] DuplicateRule/description — <description> has 256 characters; an org accepts at most 255 (no documented limit found; conservative)`
        ]);
    });

    it('refuses a too-long matching rule description nested in matchingRules', async () => {
        const dir = seeded([
            {
                file: MATCHING_RULE,
                from: /<description>.*<\/description>/,
                to: `<description>${'r'.repeat(256)}</description>`
            }
        ]);
        expect(await limitProblems(dir)).toEqual([
            `${MATCHING_RULE}:5 [docs] MatchingRules/matchingRules/description — <description> has 256 characters; an org accepts at most 255 (Field Reference Guide MatchingRule.Description (textarea, 255))`
        ]);
    });
    it('refuses custom field help text over 150 and a description over 1,000 characters', async () => {
        const UTM = `${DEFAULT}/objects/Lead/fields/UTM_Source__c.field-meta.xml`;
        const dir = seeded([
            { file: UTM, from: /<description>.*<\/description>/, to: `<description>${'d'.repeat(1001)}</description>` },
            {
                file: UTM,
                from: /<inlineHelpText>.*<\/inlineHelpText>/,
                to: `<inlineHelpText>${'h'.repeat(151)}</inlineHelpText>`
            }
        ]);
        expect(await limitProblems(dir)).toEqual([
            expect.stringMatching(
                /CustomField\/description — <description> has 1001 characters; an org accepts at most 1000 /
            ),
            expect.stringMatching(
                /CustomField\/inlineHelpText — <inlineHelpText> has 151 characters; an org accepts at most 150 /
            )
        ]);
    });
});

describe('TEXT_LIMITS table', () => {
    it('gives every limit a source; an undocumented one is the conservative 255', () => {
        for (const [type, table] of Object.entries(TEXT_LIMITS)) {
            for (const [path, { limit, source }] of Object.entries(table)) {
                expect(source.length, `${type} ${path}`).toBeGreaterThan(0);
                expect(Number.isInteger(limit) && limit > 0, `${type} ${path}`).toBe(true);
                if (source === UNDOCUMENTED) expect(limit, `${type} ${path}`).toBe(255);
            }
        }
    });

    it('prefers the most specific path over a wildcard, and knows no limit for unlisted elements', () => {
        expect(limitFor('Flow', ['customErrors', 'customErrorMessages', 'errorMessage'])?.source).toMatch(
            /Custom Error Element/
        );
        expect(limitFor('Flow', ['description'])?.source).toMatch(/FlowDefinitionView/);
        expect(limitFor('Flow', ['formulas', 'description'])?.source).toBe(UNDOCUMENTED);
        expect(limitFor('Flow', ['formulas', 'expression'])).toBeUndefined();
        expect(limitFor('MatchingRules', ['description'])).toBeUndefined();
        expect(limitFor('CustomField', ['inlineHelpText'])?.limit).toBe(150);
        expect(limitFor('CustomField', ['description'])?.limit).toBe(1000);
    });

    it('names repeated elements by index in the reported path', () => {
        const long = 'x'.repeat(256);
        const flow = parseXml(
            `<Flow><formulas><description>ok</description></formulas><formulas><description>${long}</description></formulas></Flow>`
        );
        expect(textsOverLimit('Flow', flow).map((o) => [o.path, o.length])).toEqual([
            ['Flow/formulas[2]/description', 256]
        ]);
    });
});
