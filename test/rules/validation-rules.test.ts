import { describe, expect, it } from 'vitest';
import { FormulaError } from '../../src/formula/evaluate.js';
import type { ValueMap } from '../../src/formula/evaluate.js';
import { parseValidationRule } from '../../src/formula/metadata.js';
import { blocks, loadRule, picklist, reference, rulePath, shippedRules } from './helpers.js';
import { readFileSync } from 'node:fs';

const CAMPAIGN = '701000000000001AAA';
const EXEMPT = 'Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c';
const EXEMPT_STAGES = 'Attribution_Rules__mdt.Default.Campaign_Exempt_Stages__c';

function opportunity(stage: string, campaign: string | null, leadSource: string | null): ValueMap {
    return { StageName: picklist(stage), CampaignId: reference(campaign), LeadSource: picklist(leadSource) };
}

function withExempt(list: string | null): ValueMap {
    return { ...shippedRules(), [EXEMPT]: { type: 'text', value: list } };
}

function withExemptStages(list: string | null): ValueMap {
    return { ...shippedRules(), [EXEMPT_STAGES]: { type: 'text', value: list } };
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

    it('reads Outbound as the exempt source and Closed Lost as the exempt stage from the shipped record', () => {
        expect(shippedRules()[EXEMPT]?.value).toBe('Outbound');
        expect(shippedRules()[EXEMPT_STAGES]?.value).toBe('Closed Lost');
    });

    it('holds no stage, Lead Source or status literal: every rule value comes from the Default record', () => {
        expect(rule.errorConditionFormula).not.toMatch(/Closed Lost|Outbound/);
        expect(rule.errorConditionFormula).toContain(`$CustomMetadata.${EXEMPT_STAGES}`);
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

    it('takes the exempt stages from the Default record: changing the record changes the verdict', () => {
        const before = opportunity('Qualification', null, 'Web');
        const move = (stage: string, list: string | null): boolean =>
            blocks(rule, { before, after: opportunity(stage, null, 'Web'), customMetadata: withExemptStages(list) });
        expect(move('Closed Lost', 'Closed Lost')).toBe(false);
        // an admin who drops Closed Lost from the list makes the rule ask for a campaign there too
        expect(move('Closed Lost', 'Negotiation')).toBe(true);
        expect(move('Negotiation', 'Negotiation')).toBe(false);
        expect(move('Negotiation', 'Closed Lost; Negotiation')).toBe(false);
        expect(move('Closed Won', 'Closed Lost;Negotiation')).toBe(true);
        // whole values only: a stage never matches a longer one by substring
        expect(move('Closed Lost', 'Closed Lost Duplicate')).toBe(true);
        expect(move('Negotiation', 'Negotiation Review;Closed Lost')).toBe(true);
    });

    it('exempts no stage when Campaign_Exempt_Stages__c is blank', () => {
        const before = opportunity('Qualification', null, 'Web');
        const closeLost = (list: string | null): boolean =>
            blocks(rule, {
                before,
                after: opportunity('Closed Lost', null, 'Web'),
                customMetadata: withExemptStages(list)
            });
        expect(closeLost(null)).toBe(true);
        expect(closeLost('')).toBe(true);
        // an exempt Lead Source still saves at any stage
        expect(
            blocks(rule, {
                before: opportunity('Qualification', null, 'Outbound'),
                after: opportunity('Closed Lost', null, 'Outbound'),
                customMetadata: withExemptStages(null)
            })
        ).toBe(false);
    });

    it('does not treat a blank stage as exempt when the stage list has an empty entry', () => {
        expect(
            blocks(rule, {
                before: opportunity('Qualification', null, 'Web'),
                after: opportunity('', null, 'Web'),
                customMetadata: withExemptStages('Closed Lost;')
            })
        ).toBe(true);
    });

    it('the old hard-coded shape (ISPICKVAL(StageName, "Closed Lost")) fails the changed-record rows', () => {
        const path = rulePath('Opportunity', 'Require_Primary_Campaign_Source');
        const old = parseValidationRule(
            readFileSync(path, 'utf8').replace(
                /OR\(\s*ISBLANK\(TEXT\(StageName\)\),[\s\S]*?TEXT\(StageName\) &amp; &quot;;&quot;\s*\)\s*\)\s*\),/,
                'NOT(ISPICKVAL(StageName, &quot;Closed Lost&quot;)),'
            ),
            path
        );
        expect(old.errorConditionFormula).toContain('ISPICKVAL(StageName, "Closed Lost")');
        const closeLost = {
            before: opportunity('Qualification', null, 'Web'),
            after: opportunity('Closed Lost', null, 'Web'),
            customMetadata: withExemptStages('Negotiation')
        };
        expect(blocks(rule, closeLost)).toBe(true);
        expect(blocks(old, closeLost)).toBe(false);
    });

    it('fails loudly when the Default record lacks the exempt stages field', () => {
        const withoutField = Object.fromEntries(
            Object.entries(shippedRules()).filter(([key]) => key !== EXEMPT_STAGES)
        );
        expect(() =>
            blocks(rule, {
                before: qualification,
                after: opportunity('Negotiation', null, 'Web'),
                customMetadata: withoutField
            })
        ).toThrow(/Campaign_Exempt_Stages__c/);
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
        ['Web-to-Lead style insert without a source saves', undefined, lead(null, 'Open'), false, false],
        [
            'insert without a source at a later status saves (API sync, import)',
            undefined,
            lead(null, 'Working'),
            false,
            false
        ],
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

    it('the old shape (fires on insert, ISNEW()) would drop the Web-to-Lead submission', () => {
        const path = rulePath('Lead', 'Require_Lead_Source');
        const original = readFileSync(path, 'utf8');
        const old = parseValidationRule(
            original
                .replace('    NOT(ISNEW()),\n', '')
                .replace(
                    'OR(ISCHANGED(LeadSource), ISCHANGED(Status))',
                    'OR(ISNEW(), ISCHANGED(LeadSource), ISCHANGED(Status))'
                ),
            path
        );
        expect(old.errorConditionFormula).not.toBe(rule.errorConditionFormula);
        const webToLead = { after: lead(null, 'Open') };
        expect(blocks(rule, webToLead)).toBe(false);
        expect(blocks(old, webToLead)).toBe(true);
        // the source is still required before the lead moves on
        expect(blocks(rule, { before: lead(null, 'Open'), after: lead(null, 'Working') })).toBe(true);
    });

    it('documents that it never fires on insert, for Web-to-Lead', () => {
        expect(rule.description).toMatch(/Never on insert/);
        expect(rule.description).toMatch(/Web-to-Lead/);
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
        expect(() => blocks(broken, { before: lead(null, 'Open'), after: lead(null, 'Working') })).toThrow(
            /unknown custom permission/
        );
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
