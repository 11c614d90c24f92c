/**
 * Each check on a small hand-built snapshot: exact offending Ids, populations, and `skipped` (never zero findings)
 * when an input object or column is absent.
 */
import { describe, expect, it } from 'vitest';
import { EXTENDED_CHECK_IDS } from '../../src/audit/vocabulary.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(12, '0')}AAA`;
const L = (n: number): string => id('00Q', n);
const U = (n: number): string => id('00Q', 100 + n);
const O = (n: number): string => id('006', n);
const C = (n: number): string => id('003', n);
const K = (n: number): string => id('701', n);

const LEAD_HEADER = [
    'Id',
    'Email',
    'LeadSource',
    'Status',
    'IsConverted',
    'ConvertedOpportunityId',
    'CreatedDate',
    'LastActivityDate',
    'Persona__c',
    'UTM_Source__c',
    'UTM_Medium__c',
    'MQL_Date__c',
    'SQL_Date__c'
];
const conv = (
    n: number,
    opp: string,
    source: string,
    persona: string,
    medium: string,
    email = ''
): (string | null)[] => [
    L(n),
    email,
    source,
    'Converted',
    'true',
    opp,
    '2026-01-05T10:00:00.000Z',
    '2026-02-01',
    persona,
    'google',
    medium,
    '2026-01-10',
    '2026-02-01'
];
const open = (
    n: number,
    email: string,
    status: string,
    created: string,
    activity: string,
    source = 'Web'
): (string | null)[] => [U(n), email, source, status, 'false', '', created, activity, '', '', '', '', ''];

const LEADS = csv(LEAD_HEADER, [
    conv(1, O(1), 'Webinar', 'Champion', 'cpc', 'b@x.com'),
    conv(2, O(2), 'Webinar', 'Champion', 'cpc'),
    conv(3, O(3), 'Event', 'Champion', 'cpc'),
    conv(4, O(4), 'Event', 'Champion', 'cpc'),
    conv(5, O(5), 'Event', 'Champion', 'cpc'),
    conv(6, O(6), 'Web', 'Champion', 'cpc'),
    conv(7, id('006', 404), 'Web', 'Champion', 'cpc'),
    conv(8, O(8), 'Web', '', 'cpc'),
    open(1, 'a@x.com', 'Open', '2026-11-20T09:00:00Z', ''),
    open(2, ' A@X.com ', 'Working', '2026-11-19T09:00:00Z', '2026-11-21'),
    open(3, 'b@x.com', 'Nurturing', '2026-11-19T09:00:00Z', ''),
    open(4, 'c@x.com', 'Open', '2026-11-19T09:00:00Z', ''),
    open(5, 'e5@x.com', 'Open', '2026-09-01T09:00:00Z', '2026-10-01'),
    open(6, 'e6@x.com', 'Working', '2026-09-01T09:00:00Z', '2026-10-23'),
    open(7, 'e7@x.com', 'Disqualified', '2020-01-01T09:00:00Z', ''),
    open(8, 'e8@x.com', 'Closed - Converted', '2026-11-19T09:00:00Z', ''),
    open(9, 'e9@x.com', 'converted', '2026-11-19T09:00:00Z', ''),
    open(10, 'e10@x.com', 'Open', '2026-11-19T09:00:00Z', '', 'webinar')
]);
const OPP_HEADER = [
    'Id',
    'CampaignId',
    'LeadSource',
    'StageName',
    'IsClosed',
    'IsWon',
    'Amount',
    'Persona__c',
    'UTM_Source__c',
    'UTM_Medium__c'
];
const OPPS = csv(OPP_HEADER, [
    [O(1), K(1), 'Webinar', 'Closed Won', 'true', 'true', 1000, 'Champion', 'google', 'cpc'],
    [O(2), K(1), '', 'Qualification', 'false', 'false', 2000, 'Champion', 'google', 'cpc'],
    [O(3), K(1), 'Web', 'Qualification', 'false', 'false', 3000, 'Champion', 'google', 'cpc'],
    [O(4), K(1), 'Event', 'Closed Lost', 'true', 'false', 4000, '', 'google', 'cpc'],
    [O(5), K(1), 'Event', 'Negotiation', 'false', 'false', 5000, 'Champion', 'google', 'email'],
    [O(6), '', 'Web', 'Proposal/Quote', 'false', 'false', 6000, 'Champion', 'google', 'cpc'],
    [O(8), K(1), 'Web', 'Qualification', 'false', 'false', 8000, 'Champion', 'google', 'cpc'],
    [O(9), '', 'Outbound', 'Qualification', 'false', 'false', 9000, '', '', ''],
    [O(10), '', '', 'Proposal/Quote', 'false', 'false', 10000, '', '', ''],
    [O(11), K(1), 'Organic Search', 'Negotiation', 'false', 'false', 11000, '', '', '']
]);
const OCRS = csv(
    ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
    [1, 2, 3, 4, 5, 6, 8, 9].map((n) => [id('00K', n), O(n), C(1), '', 'true'])
);
const CONTACTS = csv(
    ['Id', 'Email', 'LeadSource'],
    [
        [C(1), 'C@X.COM', 'Paid-Search'],
        [C(2), 'b@x.com', 'Webinar']
    ]
);
const MEMBERS = csv(
    ['Id', 'CampaignId', 'LeadId', 'ContactId', 'Status', 'HasResponded'],
    [
        [id('00v', 1), K(1), L(6), '', 'Responded', 'true'],
        [id('00v', 2), K(1), L(2), '', 'Sent', 'false']
    ]
);
const CAMPAIGNS = csv(['Id', 'Name', 'Type'], [[K(1), 'Webinar Q4', 'Webinar']]);
const FULL = {
    Lead: LEADS,
    Opportunity: OPPS,
    OpportunityContactRole: OCRS,
    Contact: CONTACTS,
    CampaignMember: MEMBERS,
    Campaign: CAMPAIGNS
};

describe('checks on a hand-built snapshot', async () => {
    const report = await audit(makeSnapshot(FULL));
    const cases: [string, string[], number][] = [
        ['opportunity-missing-primary-campaign', [O(6), O(10)], 10],
        ['opportunity-missing-contact-role', [O(10), O(11)], 10],
        ['converted-lead-lost-lead-source', [L(2), L(3)], 7],
        ['converted-lead-lost-persona', [L(4)], 7],
        ['converted-lead-lost-utm', [L(5)], 7],
        ['converted-lead-lost-campaign', [L(6)], 1],
        ['duplicate-lead-email', [U(1), U(2)], 10],
        ['lead-matches-contact-email', [U(3), U(4)], 10],
        ['aged-open-lead', [U(5)], 7],
        ['lead-source-drift', [C(1), U(10)], 28],
        ['lead-status-mismatch', [U(8), U(9)], 10]
    ];
    it.each(cases)('%s finds exactly the planted records', (checkId, ids, population) => {
        const c = check(report, checkId);
        expect(c.recordIds).toEqual([...ids].sort());
        expect(c.count).toBe(ids.length);
        expect(c.status).toBe('fail');
        expect(c.population).toBe(population);
        expect(c.share).toBeCloseTo(ids.length / population, 10);
    });

    it('counts a converted Lead whose Opportunity is not in the snapshot in details, not as a finding', () => {
        expect(check(report, 'converted-lead-lost-lead-source').details?.convertedOpportunityNotInSnapshot).toBe(1);
    });

    it('reports UTM losses per field and the UTM fields the snapshot lacks', () => {
        const d = check(report, 'converted-lead-lost-utm').details;
        expect(d?.byField).toEqual({ UTM_Source__c: 0, UTM_Medium__c: 1 });
        expect(d?.fieldsNotInSnapshot).toEqual(['UTM_Campaign__c', 'UTM_Term__c', 'UTM_Content__c']);
    });

    it('groups drift variants under their governed value', () => {
        const groups = check(report, 'lead-source-drift').details?.groups as {
            canonical: string | null;
            variants: { value: string }[];
        }[];
        expect(groups.map((g) => [g.canonical, g.variants.map((v) => v.value)])).toEqual([
            ['Paid Search', ['Paid-Search']],
            ['Webinar', ['webinar']]
        ]);
    });

    it('exempts Outbound from the Primary Campaign Source rule, and not when the rules say otherwise', async () => {
        expect(check(report, 'opportunity-missing-primary-campaign').details?.exemptWithoutCampaign).toBe(1);
        const strict = await audit(makeSnapshot(FULL), { exemptLeadSources: [] });
        expect(check(strict, 'opportunity-missing-primary-campaign').recordIds).toEqual([O(6), O(9), O(10)]);
    });

    it('exempts the stages of Campaign_Exempt_Stages__c like the validation rule, and none when the list is empty', async () => {
        const opps = csv(
            ['Id', 'CampaignId', 'LeadSource', 'StageName'],
            [
                [O(1), '', 'Event', 'Closed Lost'],
                [O(2), '', 'Event', 'Negotiation'],
                [O(3), '', '', 'Closed Lost'],
                [O(4), '', 'Event', ''],
                [O(5), '', 'Event', 'closed lost ']
            ]
        );
        const shipped = check(await audit(makeSnapshot({ Opportunity: opps })), 'opportunity-missing-primary-campaign');
        expect(shipped.recordIds).toEqual([O(2), O(4)]);
        expect(shipped.details).toMatchObject({ campaignExemptStages: ['Closed Lost'], exemptStageWithoutCampaign: 3 });
        const none = await audit(makeSnapshot({ Opportunity: opps }), { campaignExemptStages: [] });
        expect(check(none, 'opportunity-missing-primary-campaign').recordIds).toEqual([O(1), O(2), O(3), O(4), O(5)]);
        const negotiation = await audit(makeSnapshot({ Opportunity: opps }), { campaignExemptStages: ['Negotiation'] });
        expect(check(negotiation, 'opportunity-missing-primary-campaign').recordIds).toEqual([O(1), O(3), O(4), O(5)]);
    });

    it('counts every Opportunity without a campaign when the export has no StageName, and says so', async () => {
        const opps = csv(['Id', 'CampaignId', 'LeadSource'], [[O(1), '', 'Event']]);
        const r = check(await audit(makeSnapshot({ Opportunity: opps })), 'opportunity-missing-primary-campaign');
        expect(r.recordIds).toEqual([O(1)]);
        expect(r.details?.stageExemptionNotApplied).toBe('the export has no Opportunity.StageName');
    });

    it('ages Leads by the configured number of days', async () => {
        const r = await audit(makeSnapshot(FULL), { agedLeadDays: 29 });
        expect(check(r, 'aged-open-lead').recordIds).toEqual([U(5), U(6)]);
    });

    it('computes the health score from the shares of the checks that ran', () => {
        const ran = report.checks.filter((c) => c.status !== 'skipped');
        const expected = Math.round((1000 * ran.reduce((s, c) => s + 1 - c.share, 0)) / ran.length) / 10;
        expect(report.health.score).toBe(expected);
        expect(report.health.checksRun).toBe(11);
    });
});

describe('absent inputs are skipped with the reason, never zero findings', () => {
    it('skips the Contact Role check without OpportunityContactRole.csv and the campaign checks without members', async () => {
        const { OpportunityContactRole: _o, CampaignMember: _m, ...rest } = FULL;
        const r = await audit(makeSnapshot(rest));
        const ocr = check(r, 'opportunity-missing-contact-role');
        expect(ocr.status).toBe('skipped');
        expect(ocr.reason).toBe('no OpportunityContactRole.csv in the snapshot');
        expect(check(r, 'converted-lead-lost-campaign').reason).toBe('no CampaignMember.csv in the snapshot');
        expect(r.health.checksSkipped).toBe(2 + EXTENDED_CHECK_IDS.length);
    });

    it('skips Persona and UTM checks when the custom columns are missing', async () => {
        const leads = csv(['Id', 'IsConverted', 'ConvertedOpportunityId', 'LeadSource'], [[L(2), 'true', O(2), 'Web']]);
        const opps = csv(['Id', 'LeadSource'], [[O(2), '']]);
        const r = await audit(makeSnapshot({ Lead: leads, Opportunity: opps }));
        expect(check(r, 'converted-lead-lost-persona')).toMatchObject({
            status: 'skipped',
            reason: 'Lead.csv has no Persona__c column'
        });
        expect(check(r, 'converted-lead-lost-utm').status).toBe('skipped');
        expect(check(r, 'opportunity-missing-primary-campaign').reason).toBe(
            'Opportunity.csv has no CampaignId column'
        );
        expect(check(r, 'aged-open-lead').reason).toBe('Lead.csv has no Status, CreatedDate columns');
        expect(check(r, 'converted-lead-lost-lead-source').recordIds).toEqual([L(2)]);
    });

    it('passes (not skipped) a check whose input is present and clean', async () => {
        const r = await audit(
            makeSnapshot({ Opportunity: csv(['Id', 'CampaignId', 'LeadSource'], [[O(1), K(1), 'Web']]) })
        );
        expect(check(r, 'opportunity-missing-primary-campaign')).toMatchObject({
            status: 'pass',
            count: 0,
            population: 1
        });
    });
});

describe('converted statuses from the snapshot', () => {
    it('counts a status LeadStatus.csv marks IsConverted as converted, besides the configured and stock ones', async () => {
        const leads = csv(
            ['Id', 'Status', 'IsConverted'],
            [
                [U(1), 'Won Over', 'false'],
                [U(2), 'Closed - Converted', 'FALSE'],
                [U(3), 'Working', '0'],
                [L(1), 'Won Over', 'TRUE']
            ]
        );
        const statuses = csv(
            ['Id', 'MasterLabel', 'ApiName', 'IsConverted'],
            [
                ['01J000000000001AAA', 'Won Over', 'Won_Over', 'true'],
                ['01J000000000002AAA', 'Working', 'Working', 'false']
            ]
        );
        const r = await audit(makeSnapshot({ Lead: leads, LeadStatus: statuses }));
        expect(check(r, 'lead-status-mismatch').recordIds).toEqual([U(1), U(2)]);
        expect(r.convertedStatuses).toEqual(['Converted', 'Closed - Converted', 'Won Over', 'Won_Over']);
    });
});
