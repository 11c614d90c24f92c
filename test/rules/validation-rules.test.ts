import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../src/formula/evaluate.js';
import type { ValueMap } from '../../src/formula/evaluate.js';
import { parseValidationRule } from '../../src/formula/metadata.js';
import { blocks, loadRule, picklist, reference, rulePath, shippedRules } from './helpers.js';
import { readFileSync } from 'node:fs';

const CAMPAIGN = '701000000000001AAA';
const EXEMPT = 'Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c';

function opportunity(stage: string, campaign: string | null, leadSource: string | null): ValueMap {
    return { StageName: picklist(stage), CampaignId: reference(campaign), LeadSource: picklist(leadSource) };
}

function withExempt(list: string | null): ValueMap {
    return { ...shippedRules(), [EXEMPT]: { type: 'text', value: list } };
}

describe('Opportunity.Require_Primary_Campaign_Source (real XML, shipped Default record)', () => {
    const rule = loadRule('Opportunity', 'Require_Primary_Campaign_Source');

    it('is active, documented, and shows its message on CampaignId', () => {
        expect(rule.active).toBe(true);
        expect(rule.errorDisplayField).toBe('CampaignId');
        expect(rule.errorMessage).toMatch(/Primary Campaign Source/);
        expect(rule.errorMessage).toMatch(/Outbound/);
        expect(rule.description).toMatch(/insert/);
    });

    it('reads Outbound as the exempt source from the shipped record', () => {
        expect(shippedRules()[EXEMPT]?.value).toBe('Outbound');
    });

    const qualification = opportunity('Qualification', null, 'Web');
    const cases: ReadonlyArray<[string, ValueMap | undefined, ValueMap, boolean, boolean]> = [
        // [name, before, after, bypass, blocks?]
        [
            'stage change with a campaign passes',
            qualification,
            opportunity('Negotiation', CAMPAIGN, 'Web'),
            false,
            false
        ],
        ['stage change without a campaign fails', qualification, opportunity('Negotiation', null, 'Web'), false, true],
        [
            'stage change to Closed Won without a campaign fails',
            qualification,
            opportunity('Closed Won', null, 'Web'),
            false,
            true
        ],
        [
            'blank CampaignId with blank Lead Source fails',
            opportunity('Qualification', null, null),
            opportunity('Negotiation', null, null),
            false,
            true
        ],
        [
            'exempt source Outbound passes',
            opportunity('Qualification', null, 'Outbound'),
            opportunity('Negotiation', null, 'Outbound'),
            false,
            false
        ],
        [
            'Webinar is not exempt by substring',
            opportunity('Qualification', null, 'Webinar'),
            opportunity('Negotiation', null, 'Webinar'),
            false,
            true
        ],
        ['bypass permission passes', qualification, opportunity('Negotiation', null, 'Web'), true, false],
        ['moving to Closed Lost is allowed', qualification, opportunity('Closed Lost', null, 'Web'), false, false],
        [
            'clearing the campaign fails',
            opportunity('Qualification', CAMPAIGN, 'Web'),
            opportunity('Qualification', null, 'Web'),
            false,
            true
        ],
        [
            'clearing the campaign with bypass passes',
            opportunity('Qualification', CAMPAIGN, 'Web'),
            opportunity('Qualification', null, 'Web'),
            true,
            false
        ],
        ['unrelated edit of an old opportunity without campaign passes', qualification, qualification, false, false],
        [
            'conversion insert of an inbound lead without campaign passes',
            undefined,
            opportunity('Qualification', null, 'Web'),
            false,
            false
        ],
        [
            'insert at a later stage without campaign passes (flows fill it after save)',
            undefined,
            opportunity('Negotiation', null, 'Paid Search'),
            false,
            false
        ],
        ['filling the campaign passes', qualification, opportunity('Qualification', CAMPAIGN, 'Web'), false, false]
    ];
    it.each(cases)('%s', (_name, before, after, bypass, expected) => {
        expect(blocks(rule, { before, after, bypass })).toBe(expected);
    });

    it('matches whole values of a longer exempt list, with or without spaces after ";"', () => {
        const before = opportunity('Qualification', null, 'Web');
        const move = (source: string, list: string | null): boolean =>
            blocks(rule, {
                before: { ...before, LeadSource: picklist(source) },
                after: opportunity('Negotiation', null, source),
                customMetadata: withExempt(list)
            });
        expect(move('Partner Referral', 'Outbound;Partner Referral')).toBe(false);
        expect(move('Partner Referral', 'Outbound; Partner Referral')).toBe(false);
        expect(move('Web', 'Outbound;Webinar')).toBe(true);
        expect(move('Webinar', 'Web;Outbound')).toBe(true);
        expect(move('Referral', 'Partner Referral')).toBe(true);
        expect(move('Outbound', null)).toBe(true);
        expect(move('Outbound', '')).toBe(true);
    });

    it('does not treat a blank Lead Source as exempt when the list has an empty entry', () => {
        const blank = (list: string): boolean =>
            blocks(rule, {
                before: opportunity('Qualification', null, null),
                after: opportunity('Negotiation', null, null),
                customMetadata: withExempt(list)
            });
        expect(blank('Outbound;')).toBe(true);
        expect(blank(';;Outbound')).toBe(true);
    });

    it('fails loudly when the Default record lacks the exempt field', () => {
        const withoutField = Object.fromEntries(Object.entries(shippedRules()).filter(([key]) => key !== EXEMPT));
        expect(() =>
            blocks(rule, {
                before: qualification,
                after: opportunity('Negotiation', null, 'Web'),
                customMetadata: withoutField
            })
        ).toThrow(
            /unknown custom metadata value \$CustomMetadata\.Attribution_Rules__mdt\.Default\.Exempt_Lead_Sources__c/
        );
    });

    it('a broken formula (field name typo) makes a truth-table row fail', () => {
        const path = rulePath('Opportunity', 'Require_Primary_Campaign_Source');
        const original = readFileSync(path, 'utf8');
        const typo = parseValidationRule(original.replace('ISBLANK(CampaignId)', 'ISBLANK(Campaign_Id)'), path);
        expect(typo.errorConditionFormula).not.toBe(rule.errorConditionFormula);
        expect(() => blocks(typo, { before: qualification, after: opportunity('Negotiation', null, 'Web') })).toThrow(
            FormulaError
        );
        // a logic slip (exemption matched by substring) is caught by the Webinar row
        const substring = parseValidationRule(
            original.replace('&quot;;&quot; &amp; TEXT(LeadSource) &amp; &quot;;&quot;', 'TEXT(LeadSource)'),
            path
        );
        expect(substring.errorConditionFormula).not.toBe(rule.errorConditionFormula);
        const webinar = {
            before: opportunity('Qualification', null, 'Webinar'),
            after: opportunity('Negotiation', null, 'Webinar')
        };
        expect(blocks(rule, { ...webinar, customMetadata: withExempt('Webinars;Outbound') })).toBe(true);
        expect(blocks(substring, { ...webinar, customMetadata: withExempt('Webinars;Outbound') })).toBe(false);
    });
});

function lead(source: string | null, status: string): ValueMap {
    return { LeadSource: picklist(source), Status: picklist(status) };
}

describe('Lead.Require_Lead_Source (real XML)', () => {
    const rule = loadRule('Lead', 'Require_Lead_Source');

    it('is active, documented, and shows its message on LeadSource', () => {
        expect(rule.active).toBe(true);
        expect(rule.errorDisplayField).toBe('LeadSource');
        expect(rule.errorMessage).toMatch(/Lead Source/);
        expect(rule.description.length).toBeGreaterThan(80);
    });

    const cases: ReadonlyArray<[string, ValueMap | undefined, ValueMap, boolean, boolean]> = [
        ['new lead with a source passes', undefined, lead('Web', 'Open'), false, false],
        ['new lead without a source fails', undefined, lead(null, 'Open'), false, true],
        ['new lead without a source passes with bypass', undefined, lead(null, 'Open'), true, false],
        ['clearing the source fails', lead('Web', 'Open'), lead(null, 'Open'), false, true],
        ['status change without a source fails', lead(null, 'Open'), lead(null, 'Working'), false, true],
        ['conversion without a source fails', lead(null, 'Working'), lead(null, 'Converted'), false, true],
        ['conversion with a source passes', lead('Webinar', 'Working'), lead('Webinar', 'Converted'), false, false],
        ['unrelated edit of a legacy lead without source passes', lead(null, 'Open'), lead(null, 'Open'), false, false],
        ['setting the source passes', lead(null, 'Open'), lead('Outbound', 'Working'), false, false]
    ];
    it.each(cases)('%s', (_name, before, after, bypass, expected) => {
        expect(blocks(rule, { before, after, bypass })).toBe(expected);
    });

    it('a broken formula (permission name typo) fails instead of passing silently', () => {
        const path = rulePath('Lead', 'Require_Lead_Source');
        const broken = parseValidationRule(
            readFileSync(path, 'utf8').replace(
                '$Permission.Attribution_Guardrails_Bypass',
                '$Permission.Attribution_Guardrail_Bypass'
            ),
            path
        );
        expect(() => blocks(broken, { after: lead(null, 'Open') })).toThrow(/unknown custom permission/);
    });
});

describe('validation rule loader', () => {
    it('names the file and element when a rule is malformed', () => {
        const path = 'force-app/main/default/objects/Lead/validationRules/Bad.validationRule-meta.xml';
        const xml =
            '<ValidationRule><active>true</active><errorConditionFormula>TRUE</errorConditionFormula></ValidationRule>';
        expect(() => parseValidationRule(xml, path)).toThrow(/Bad\.validationRule-meta\.xml: <description>/);
        expect(() => parseValidationRule('<Other/>', path)).toThrow(/root element <ValidationRule> not found/);
    });
});
