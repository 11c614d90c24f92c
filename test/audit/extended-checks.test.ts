/**
 * The three checks whose inputs an org may lack: exact findings on hand-built snapshots, the edges (influence only
 * in a non-default model, a response after close, history rows with the creation value, a lookup's two history
 * rows, a change after conversion, an opt-out converted into an existing Contact) and the skip reasons.
 */
import { describe, expect, it } from 'vitest';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const O = (i: number): string => `006000000000${String(i).padStart(3, '0')}AAA`;
const K = (i: number): string => `003000000000${String(i).padStart(3, '0')}AAA`;
const L = (i: number): string => `00Q000000000${String(i).padStart(3, '0')}AAA`;
const CMP = (i: number): string => `701000000000${String(i).padStart(3, '0')}AAA`;
const U = (i: number): string => `005000000000${String(i).padStart(3, '0')}AAA`;
const DEFAULT_MODEL = '03V000000000001AAA';
const CUSTOM_MODEL = '03V000000000002AAA';

const INFLUENCE_BASE = {
    Opportunity: csv(
        ['Id', 'CampaignId', 'LeadSource', 'CloseDate', 'IsClosed', 'IsWon', 'Amount', 'OwnerId'],
        [
            [O(1), CMP(1), 'Web', '2026-06-30', 'false', 'false', 1000, U(1)],
            [O(2), CMP(1), 'Web', '2026-06-30', 'false', 'false', 2000, U(1)],
            [O(3), '', 'Web', '2026-06-30', 'true', 'true', 3000, U(2)],
            [O(4), CMP(1), 'Web', '2026-06-30', 'false', 'false', 4000, U(2)],
            [O(5), '', 'Web', '2026-03-31', 'false', 'false', 5000, U(2)]
        ]
    ),
    OpportunityContactRole: csv(
        ['Id', 'OpportunityId', 'ContactId'],
        [1, 2, 3, 4, 5].map((i) => [`00K000000000${i}AAA`, O(i), K(i)])
    ),
    CampaignMember: csv(
        ['Id', 'CampaignId', 'ContactId', 'HasResponded', 'FirstRespondedDate'],
        [
            ...[1, 2, 3, 4].map((i) => [`00v00000000000${i}AAA`, CMP(1), K(i), 'true', '2026-05-01']),
            ['00v000000000005AAA', CMP(1), K(5), 'true', '2026-05-01'] // after O5 closed: no influence expected
        ]
    ),
    CampaignInfluenceModel: csv(
        ['Id', 'DeveloperName', 'MasterLabel', 'IsDefaultModel'],
        [
            [DEFAULT_MODEL, 'primaryModel', 'Primary Campaign Source', 'true'],
            [CUSTOM_MODEL, 'Even_Split', 'Even Split', 'false']
        ]
    ),
    CampaignInfluence: csv(
        ['OpportunityId', 'CampaignId', 'ModelId'],
        [
            [O(1), CMP(1), DEFAULT_MODEL], // agrees
            [O(3), CMP(1), CUSTOM_MODEL], // only in the custom model: a gap
            [O(4), CMP(2), DEFAULT_MODEL] // disagrees with CampaignId
        ]
    )
};

describe('campaign-influence-gap', () => {
    it('finds missing default-model influence and disagreement with the Primary Campaign Source', async () => {
        const r = await audit(makeSnapshot(INFLUENCE_BASE));
        expect(check(r, 'campaign-influence-gap')).toMatchObject({
            status: 'fail',
            recordIds: [O(2), O(3), O(4)],
            population: 4,
            details: {
                defaultModel: { id: DEFAULT_MODEL, name: 'Primary Campaign Source' },
                missingInfluence: 2,
                influenceOnlyInOtherModels: 1,
                disagreesWithPrimaryCampaign: 1
            }
        });
    });

    it('is skipped without the influence files or without a default model', async () => {
        const { CampaignInfluence: _i, ...noInfluence } = INFLUENCE_BASE;
        expect(check(await audit(makeSnapshot(noInfluence)), 'campaign-influence-gap').reason).toBe(
            'no CampaignInfluence.csv in the snapshot'
        );
        const noDefault = {
            ...INFLUENCE_BASE,
            CampaignInfluenceModel: csv(['Id', 'IsDefaultModel'], [[CUSTOM_MODEL, 'false']])
        };
        expect(check(await audit(makeSnapshot(noDefault)), 'campaign-influence-gap').reason).toBe(
            'CampaignInfluenceModel.csv has no default model (IsDefaultModel true)'
        );
    });
});

describe('consent-lost-at-conversion', () => {
    const leads = csv(
        ['Id', 'IsConverted', 'ConvertedContactId', 'HasOptedOutOfEmail', 'DoNotCall'],
        [
            [L(1), 'true', K(1), 'true', 'false'], // converted into an existing Contact that has not opted out
            [L(2), 'true', K(2), 'true', 'false'], // the Contact carries it
            [L(3), 'true', K(3), 'false', 'true'], // Do Not Call lost
            [L(4), 'true', K(9), 'true', 'false'], // Contact not in the snapshot
            [L(5), 'false', '', 'true', 'true'], // not converted
            [L(6), 'true', K(6), 'false', 'false']
        ]
    );
    const contacts = csv(
        ['Id', 'HasOptedOutOfEmail', 'DoNotCall'],
        [
            [K(1), 'false', 'false'],
            [K(2), 'true', 'false'],
            [K(3), 'true', ''],
            [K(6), 'false', 'false']
        ]
    );

    it('finds opted-out converted Leads whose Contact has not opted out', async () => {
        const r = await audit(makeSnapshot({ Lead: leads, Contact: contacts }));
        expect(check(r, 'consent-lost-at-conversion')).toMatchObject({
            status: 'fail',
            recordIds: [L(1), L(3)],
            population: 4,
            details: {
                flags: ['HasOptedOutOfEmail', 'DoNotCall'],
                byFlag: { HasOptedOutOfEmail: 1, DoNotCall: 1 },
                contactNotInSnapshot: 1
            }
        });
    });

    it('is skipped when neither export has the consent columns', async () => {
        const r = await audit(
            makeSnapshot({
                Lead: csv(['Id', 'IsConverted', 'ConvertedContactId'], [[L(1), 'true', K(1)]]),
                Contact: csv(['Id'], [[K(1)]])
            })
        );
        expect(check(r, 'consent-lost-at-conversion').reason).toBe(
            'Lead.csv has no HasOptedOutOfEmail or DoNotCall column'
        );
    });
});

describe('attribution-overwritten', () => {
    const history = csv(
        ['Id', 'OpportunityId', 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedById', 'CreatedDate'],
        [
            ['017000000000001AAA', O(1), 'created', '', '', '', U(1), '2026-05-01T10:00:00.000Z'],
            ['017000000000002AAA', O(1), 'LeadSource', 'Text', '', 'Web', U(1), '2026-05-01T10:05:00.000Z'], // first value
            ['017000000000003AAA', O(2), 'LeadSource', 'Text', 'Web', 'Event', U(9), '2026-05-02T03:00:00.000Z'],
            ['017000000000004AAA', O(3), 'Campaign', 'EntityId', CMP(1), CMP(2), U(9), '2026-05-03T03:00:00.000Z'],
            [
                '017000000000005AAA',
                O(3),
                'Campaign',
                'Text',
                'Webinar A',
                'Webinar B',
                U(9),
                '2026-05-03T03:00:00.000Z'
            ],
            [
                '017000000000006AAA',
                O(4),
                'StageName',
                'Text',
                'Qualification',
                'Negotiation',
                U(1),
                '2026-05-04T03:00:00.000Z'
            ]
        ]
    );
    const leadHistory = csv(
        ['LeadId', 'Field', 'OldValue', 'NewValue', 'CreatedById', 'CreatedDate'],
        [
            [L(1), 'LeadSource', '', 'Web', U(9), '2026-05-10T03:00:00.000Z'], // after conversion (2026-05-01)
            [L(2), 'LeadSource', 'Web', 'Web', U(1), '2026-05-10T03:00:00.000Z'], // same value
            [L(3), 'created', '', '', U(1), '2026-04-01T03:00:00.000Z']
        ]
    );
    const files = {
        Opportunity: csv(
            ['Id'],
            [1, 2, 3, 4].map((i) => [O(i)])
        ),
        Lead: csv(
            ['Id', 'IsConverted', 'ConvertedDate'],
            [
                [L(1), 'true', '2026-05-01'],
                [L(2), 'false', ''],
                [L(3), 'false', '']
            ]
        ),
        OpportunityFieldHistory: history,
        LeadHistory: leadHistory,
        User: csv(
            ['Id', 'Name'],
            [
                [U(1), 'Dana Reyes'],
                [U(9), 'Marketo Integration']
            ]
        )
    };

    it('finds overwrites and changes after conversion, not creation rows or first values, and ranks the users', async () => {
        const r = await audit(makeSnapshot(files));
        const c = check(r, 'attribution-overwritten');
        expect(c).toMatchObject({ status: 'fail', recordIds: [O(2), O(3), L(1)], population: 6 });
        expect(c.details).toMatchObject({
            changes: 3,
            byField: { 'Lead.LeadSource': 1, 'Opportunity.CampaignId': 1, 'Opportunity.LeadSource': 1 },
            byUser: [{ userId: U(9).slice(0, 15), name: 'Marketo Integration', changes: 3, records: 3 }]
        });
        const recent = c.details?.recent as { recordId: string; oldValue: string; afterConversion: boolean }[];
        expect(recent.find((x) => x.recordId === O(3))?.oldValue).toBe(CMP(1)); // the Id row of the pair
        expect(recent.find((x) => x.recordId === L(1))?.afterConversion).toBe(true);
    });

    it('is skipped without history files, or with history files lacking the values', async () => {
        const { OpportunityFieldHistory: _o, LeadHistory: _l, ...none } = files;
        expect(check(await audit(makeSnapshot(none)), 'attribution-overwritten').reason).toBe(
            'no OpportunityFieldHistory.csv or LeadHistory.csv in the snapshot'
        );
        const bare = { ...none, LeadHistory: csv(['LeadId', 'Field'], [[L(1), 'LeadSource']]) };
        expect(check(await audit(makeSnapshot(bare)), 'attribution-overwritten').reason).toBe(
            'the field history CSVs have no OldValue and NewValue columns'
        );
    });
});
