/**
 * Each fix rule on hand-built snapshots (seeded defects: the shapes a naive fix list gets wrong), and the decision
 * for two fixes of the same record and field: the higher-priority value is written; a value that also clears the
 * other check merges the two; two certain values that do not agree become one suggested change, left out of the
 * load files.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixes } from '../../src/audit/fixes/index.js';
import type { Change, FixList } from '../../src/audit/fixes/types.js';
import { renderObjectFiles } from '../../src/audit/fixes/write.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const LEAD = [
    'Id',
    'LastName',
    'IsConverted',
    'ConvertedDate',
    'ConvertedContactId',
    'ConvertedOpportunityId',
    'LeadSource'
];
const OPP = ['Id', 'Name', 'OwnerId', 'Amount', 'CampaignId', 'LeadSource', 'StageName', 'CreatedDate'];
const MEMBER = ['Id', 'CampaignId', 'LeadId', 'ContactId', 'HasResponded', 'FirstRespondedDate'];

async function fixesOf(files: Record<string, string>): Promise<{ list: FixList; dir: string }> {
    const dir = makeSnapshot(files);
    dirs.push(dir);
    const report = await audit(dir);
    return { list: await buildFixes(report, dir), dir };
}

function changeOf(list: FixList, recordId: string, field: string): Change | undefined {
    return list.changes.find((c) => c.record.recordId === recordId && c.field === field);
}

describe('fix rules', () => {
    it('lost campaign: the most recent response on or before conversion (certain); later ones never count', async () => {
        const { list } = await fixesOf({
            Lead: csv(LEAD, [
                ['00Q000000000001', 'A', 'true', '2026-05-10', '', '006000000000001', 'Web'],
                ['00Q000000000002', 'B', 'true', '2026-05-10', '', '006000000000002', 'Web'],
                ['00Q000000000003', 'C', 'true', '2026-05-10', '', '006000000000003', 'Web']
            ]),
            Opportunity: csv(OPP, [
                [
                    '006000000000001',
                    'One',
                    '005000000000001',
                    '1000',
                    '',
                    'Web',
                    'Qualification',
                    '2026-05-10T10:00:00Z'
                ],
                [
                    '006000000000002',
                    'Two',
                    '005000000000001',
                    '2000',
                    '',
                    'Web',
                    'Qualification',
                    '2026-05-10T10:00:00Z'
                ],
                ['006000000000003', 'Three', '', '', '', 'Web', 'Qualification', '2026-05-10T10:00:00Z']
            ]),
            CampaignMember: csv(MEMBER, [
                ['00v000000000001', '701000000000001', '00Q000000000001', '', 'true', '2026-04-01'],
                ['00v000000000002', '701000000000002', '00Q000000000001', '', 'true', '2026-05-09'],
                ['00v000000000003', '701000000000003', '00Q000000000001', '', 'true', '2026-05-20'], // after conversion
                ['00v000000000004', '701000000000004', '00Q000000000001', '', 'false', '2026-05-10'], // not responded
                ['00v000000000005', '701000000000001', '00Q000000000002', '', 'true', '2026-05-01'],
                ['00v000000000006', '701000000000002', '00Q000000000002', '', 'true', '2026-05-01'], // a tie
                ['00v000000000007', '701000000000003', '00Q000000000003', '', 'true', '2026-06-01'] // only after
            ])
        });
        const one = changeOf(list, '006000000000001', 'CampaignId');
        expect(one).toMatchObject({ value: '701000000000002', confidence: 'certain', currentValue: '' });
        expect(one?.record).toEqual({
            recordId: '006000000000001',
            recordName: 'One',
            ownerId: '005000000000001',
            amount: '1000'
        });
        expect(changeOf(list, '006000000000002', 'CampaignId')).toMatchObject({ confidence: 'suggested' });
        expect(changeOf(list, '006000000000002', 'CampaignId')?.reason).toMatch(/tied with 701000000000002/);
        expect(changeOf(list, '006000000000003', 'CampaignId')).toBeUndefined();
        expect(list.unfixable).toContainEqual({
            checkId: 'converted-lead-lost-campaign',
            findingId: '00Q000000000003',
            reason: 'no responded campaign dated on or before the conversion (2026-05-10)'
        });
        const summary = list.checks.find((c) => c.id === 'converted-lead-lost-campaign');
        expect(summary).toMatchObject({ findings: 3, certain: 1, suggested: 1, unfixable: 1, allCertain: false });
    });

    it('drift: case/spacing/punctuation variants are certain, near misses suggested, far values have no fix', async () => {
        const { list } = await fixesOf({
            Lead: csv(
                ['Id', 'LastName', 'LeadSource'],
                [
                    ['00Q000000000001', 'A', 'paid-search'],
                    ['00Q000000000002', 'B', 'Webinr'],
                    ['00Q000000000003', 'C', 'Trade Show'],
                    ['00Q000000000004', 'D', 'Web']
                ]
            )
        });
        expect(changeOf(list, '00Q000000000001', 'LeadSource')).toMatchObject({
            value: 'Paid Search',
            confidence: 'certain'
        });
        expect(changeOf(list, '00Q000000000002', 'LeadSource')).toMatchObject({
            value: 'Webinar',
            confidence: 'suggested'
        });
        expect(changeOf(list, '00Q000000000003', 'LeadSource')).toBeUndefined();
        expect(changeOf(list, '00Q000000000004', 'LeadSource')).toBeUndefined();
        // only the certain change reaches the load file
        const [lead] = renderObjectFiles(list.changes);
        expect(lead?.update).toBe('"Id","LeadSource"\n"00Q000000000001","Paid Search"\n');
        expect(lead?.undo).toBe('"Id","LeadSource"\n"00Q000000000001","paid-search"\n');
    });

    it('missing Primary Campaign Source: the buying group’s latest response before creation, always suggested', async () => {
        const { list } = await fixesOf({
            Lead: csv(LEAD, [
                ['00Q000000000001', 'A', 'true', '2026-05-10', '003000000000001', '006000000000001', 'Web']
            ]),
            Contact: csv(
                ['Id', 'LastName'],
                [
                    ['003000000000001', 'A'],
                    ['003000000000002', 'B']
                ]
            ),
            Opportunity: csv(OPP, [
                ['006000000000001', 'One', '', '5', '', 'Web', 'Qualification', '2026-05-10T10:00:00Z'],
                ['006000000000002', 'Two', '', '7', '', 'Web', 'Qualification', '2026-03-01T10:00:00Z']
            ]),
            OpportunityContactRole: csv(
                ['Id', 'OpportunityId', 'ContactId'],
                [
                    ['00K000000000001', '006000000000001', '003000000000002'],
                    ['00K000000000002', '006000000000002', '003000000000002']
                ]
            ),
            CampaignMember: csv(MEMBER, [
                ['00v000000000001', '701000000000001', '', '003000000000001', 'true', '2026-04-02'],
                ['00v000000000002', '701000000000002', '', '003000000000002', 'true', '2026-05-01'],
                ['00v000000000003', '701000000000003', '', '003000000000002', 'true', '2026-06-01']
            ])
        });
        // Opportunity One: the contact role's response of 2026-05-01 (the one of 2026-06-01 came after creation)
        expect(changeOf(list, '006000000000001', 'CampaignId')).toMatchObject({
            value: '701000000000002',
            confidence: 'suggested'
        });
        // Opportunity Two was created before any response: no fix
        expect(changeOf(list, '006000000000002', 'CampaignId')).toBeUndefined();
        expect(renderObjectFiles(list.changes)).toEqual([]);
    });
});

describe('two fixes of the same record and field', () => {
    const lead = (source: string): string =>
        csv(LEAD, [['00Q000000000001', 'A', 'true', '2026-05-10', '', '006000000000001', source]]);
    const opp = (source: string): string =>
        csv(OPP, [
            ['006000000000001', 'One', '', '10', '701000000000001', source, 'Qualification', '2026-05-10T10:00:00Z']
        ]);

    it('a carried-over governed value also clears the Opportunity’s drift: one certain change', async () => {
        const { list, dir } = await fixesOf({ Lead: lead('Web'), Opportunity: opp('webinar') });
        const opps = list.changes.filter((c) => c.object === 'Opportunity');
        expect(opps).toHaveLength(1);
        expect(opps[0]).toMatchObject({
            checkId: 'converted-lead-lost-lead-source',
            value: 'Web',
            confidence: 'certain'
        });
        expect(opps[0]?.reason).toMatch(/also resolves lead-source-drift/);
        expect(list.checks.find((c) => c.id === 'lead-source-drift')).toMatchObject({ certain: 1, allCertain: true });
        const report = await audit(dir);
        expect(check(report, 'lead-source-drift').count).toBe(1);
    });

    it('two certain values that disagree become one suggested change, kept out of the load files', async () => {
        // the Lead's "Webb" is only near a governed value; the Opportunity's "webinar" is certainly "Webinar"
        const { list } = await fixesOf({ Lead: lead('Webb'), Opportunity: opp('webinar') });
        const opps = list.changes.filter((c) => c.object === 'Opportunity' && c.field === 'LeadSource');
        expect(opps).toHaveLength(1);
        expect(opps[0]).toMatchObject({ value: 'Webb', confidence: 'suggested' });
        expect(opps[0]?.reason).toMatch(/conflicts with lead-source-drift, which proposes "Webinar"/);
        const files = renderObjectFiles(list.changes);
        expect(files.find((f) => f.object === 'Opportunity')).toBeUndefined();
        expect(list.checks.find((c) => c.id === 'converted-lead-lost-lead-source')).toMatchObject({
            suggested: 1,
            allCertain: false
        });
    });

    it('a Lead value its own drift fix normalises is carried over normalised, and needs both changes', async () => {
        const { list } = await fixesOf({ Lead: lead('web '), Opportunity: opp('') });
        expect(changeOf(list, '006000000000001', 'LeadSource')).toMatchObject({ value: 'Web', confidence: 'certain' });
        expect(changeOf(list, '00Q000000000001', 'LeadSource')).toMatchObject({ value: 'Web', confidence: 'certain' });
        expect(list.checks.find((c) => c.id === 'converted-lead-lost-lead-source')).toMatchObject({ certain: 1 });
    });

    it('when the Opportunity already holds the governed value, only the Lead changes', async () => {
        const { list } = await fixesOf({ Lead: lead('web'), Opportunity: opp('Web') });
        expect(changeOf(list, '006000000000001', 'LeadSource')).toBeUndefined();
        expect(changeOf(list, '00Q000000000001', 'LeadSource')).toMatchObject({ value: 'Web', confidence: 'certain' });
        expect(list.checks.find((c) => c.id === 'converted-lead-lost-lead-source')).toMatchObject({
            findings: 1,
            certain: 1
        });
    });
});
