/**
 * Rules configuration: the shipped Attribution_Rules.Default record, JSON overrides validated field by field, the
 * governed Lead Source value set, and the canonical-value matching behind the drift report.
 */
import { describe, expect, it } from 'vitest';
import {
    DEFAULT_RULES,
    loadGovernedLeadSources,
    loadRulesConfig,
    parseRulesOverride,
    parseRulesRecord,
    parseValueSet
} from '../../src/audit/config.js';
import { canonicalFor, editDistance, groupVariants, normaliseValue } from '../../src/audit/checks/drift.js';
import { InputError } from '../../src/audit/errors.js';
import { checksOverThreshold, parseAsOf, parseFailOn, redactSecrets } from '../../src/audit/options.js';
import type { AuditReport } from '../../src/audit/engine.js';

const GOVERNED = [
    'Web',
    'Webinar',
    'Event',
    'Paid Search',
    'Paid Social',
    'Organic Search',
    'Partner Referral',
    'Outbound',
    'Other'
];

describe('rules', () => {
    it('reads the shipped custom metadata record, which matches the embedded defaults', async () => {
        expect(await loadRulesConfig()).toEqual(DEFAULT_RULES);
    });

    it('parses a record with other values and keeps defaults for absent fields', () => {
        const xml = `<?xml version="1.0"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="x" xmlns:xsd="y">
            <values><field>Exempt_Lead_Sources__c</field><value xsi:type="xsd:string">Outbound; Partner Referral ;</value></values>
            <values><field>Aged_Lead_Days__c</field><value xsi:type="xsd:double">45.0</value></values></CustomMetadata>`;
        const rules = parseRulesRecord(xml, 'r.xml');
        expect(rules.exemptLeadSources).toEqual(['Outbound', 'Partner Referral']);
        expect(rules.agedLeadDays).toBe(45);
        expect(rules.openLeadStatuses).toEqual(DEFAULT_RULES.openLeadStatuses);
        expect(() => parseRulesRecord(xml.replace('45.0', 'soon'), 'r.xml')).toThrow(
            /r\.xml: Aged_Lead_Days__c must be a number, got "soon"/
        );
    });

    it('reads the exempt stages; a blank Campaign_Exempt_Stages__c exempts no stage, as in the validation rule', () => {
        const record = (value: string): string =>
            `<?xml version="1.0"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="x" xmlns:xsd="y">
            <values><field>Campaign_Exempt_Stages__c</field>${value}</values></CustomMetadata>`;
        expect(DEFAULT_RULES.campaignExemptStages).toEqual(['Closed Lost']);
        expect(
            parseRulesRecord(record('<value xsi:type="xsd:string">Closed Lost; Negotiation</value>'), 'r.xml')
                .campaignExemptStages
        ).toEqual(['Closed Lost', 'Negotiation']);
        expect(parseRulesRecord(record('<value xsi:nil="true"/>'), 'r.xml').campaignExemptStages).toEqual([]);
        expect(parseRulesOverride('{"campaignExemptStages": "Closed Lost;Negotiation"}', 'o.json')).toEqual({
            campaignExemptStages: ['Closed Lost', 'Negotiation']
        });
    });

    it('validates JSON overrides and names the bad field', () => {
        expect(parseRulesOverride('{"openLeadStatuses": "Open;New", "agedLeadDays": 10}', 'o.json')).toEqual({
            openLeadStatuses: ['Open', 'New'],
            agedLeadDays: 10
        });
        expect(() => parseRulesOverride('{"agedLeadDays": -1}', 'o.json')).toThrow(/o\.json: field "agedLeadDays"/);
        expect(() => parseRulesOverride('{"agedDays": 3}', 'o.json')).toThrow(InputError);
        expect(() => parseRulesOverride('{', 'o.json')).toThrow(/o\.json: not valid JSON/);
    });

    it('reads the governed Lead Source values from the demo-org value set', async () => {
        const values = await loadGovernedLeadSources();
        expect(values).toContain('Webinar');
        expect(values).toContain('Outbound');
        expect(() => parseValueSet('<StandardValueSet/>', 'v.xml')).toThrow(/v\.xml: no <standardValue>/);
    });
});

describe('drift canonical values', () => {
    it.each([
        ['webinar', 'Webinar'],
        ['Webinar ', 'Webinar'],
        ['paid-search', 'Paid Search'],
        ['PAID_SOCIAL', 'Paid Social'],
        ['Webinr', 'Webinar'],
        ['Organic Serch', 'Organic Search'],
        ['Trade Show', null],
        ['Partner', null],
        ['???', null]
    ])('%j → %j', (value, canonical) => {
        expect(canonicalFor(value, GOVERNED)).toBe(canonical);
    });

    it('measures edit distance and normalises case, spaces and punctuation', () => {
        expect(editDistance('kitten', 'sitting')).toBe(3);
        expect(normaliseValue(' Paid-Search ')).toBe('paidsearch');
    });

    it('groups variants with the largest groups first and unmapped last', () => {
        const groups = groupVariants(
            [
                { value: 'Trade Show', records: 9, byObject: { Lead: 9 } },
                { value: 'web', records: 1, byObject: { Lead: 1 } },
                { value: 'webinar', records: 3, byObject: { Lead: 3 } },
                { value: 'Webinar ', records: 2, byObject: { Contact: 2 } }
            ],
            GOVERNED
        );
        expect(groups.map((g) => [g.canonical, g.records, g.variants.map((v) => v.value)])).toEqual([
            ['Webinar', 5, ['webinar', 'Webinar ']],
            ['Web', 1, ['web']],
            [null, 9, ['Trade Show']]
        ]);
    });
});

describe('CLI option values', () => {
    const report = {
        checks: [
            { id: 'a', status: 'fail', count: 5, share: 0.05 },
            { id: 'b', status: 'skipped', count: 0, share: 0 }
        ]
    } as unknown as AuditReport;
    it('applies --fail-on as a count or a share per check', () => {
        expect(checksOverThreshold(report, parseFailOn('any'))).toEqual(['a']);
        expect(checksOverThreshold(report, parseFailOn('5'))).toEqual([]);
        expect(checksOverThreshold(report, parseFailOn('4'))).toEqual(['a']);
        expect(checksOverThreshold(report, parseFailOn('4.9%'))).toEqual(['a']);
        expect(checksOverThreshold(report, parseFailOn('5%'))).toEqual([]);
        expect(checksOverThreshold(report, parseFailOn('none'))).toEqual([]);
        expect(() => parseFailOn('101%')).toThrow(/--fail-on/);
    });

    it('parses --as-of strictly and defaults to today (UTC)', () => {
        expect(parseAsOf('2026-02-28').toISOString()).toBe('2026-02-28T00:00:00.000Z');
        expect(() => parseAsOf('2026-02-30')).toThrow(/--as-of/);
        expect(() => parseAsOf('11/22/2026')).toThrow(/--as-of/);
        expect(parseAsOf(undefined, new Date('2026-11-22T23:59:00Z')).toISOString()).toBe('2026-11-22T00:00:00.000Z');
    });

    it('redacts access tokens from messages', () => {
        const token = '00D5g000000abcd!AQ0AQmoreTokenCharacters1234567890';
        expect(redactSecrets(`failed with ${token}`, { SF_ACCESS_TOKEN: token })).toBe('failed with [redacted]');
        expect(redactSecrets(`Bearer ${token}`, {})).toBe('Bearer [redacted]');
    });
});
