/**
 * The sample snapshot's owners, consent flags, Customizable Campaign Influence and field history (`User.csv`,
 * `CampaignInfluenceModel.csv`, `CampaignInfluence.csv`, `OpportunityFieldHistory.csv`, `LeadHistory.csv`, and the
 * `OwnerId`, `HasOptedOutOfEmail`, `DoNotCall` columns), with the planted defects of the three extended checks.
 * `generate.ts` calls `extend` once, after its own records and planted defects; nothing here touches a value an
 * existing check reads, so every earlier planted count stays exact. No PRNG: values follow record indices.
 */
import { date, sfId, ts, type Row } from './lib.js';

export type SampleRecords = { leads: Row[]; contacts: Row[]; opps: Row[]; members: Row[]; campaigns: Row[] };
export type ExtraFile = { object: string; header: string[]; rows: Row[] };
export type Extension = { columns: Record<'Lead' | 'Contact' | 'Opportunity', string[]>; files: ExtraFile[] };

export const USERS = ['Dana Reyes', 'Sam Okoye', 'Priya Shah', 'Marketing Ops', 'Marketo Integration'].map(
    (name, i) => ({ Id: sfId('005', i), Name: name })
);
const INTEGRATION = USERS[4]?.Id ?? '';
const HISTORY = ['Id', 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedById', 'CreatedDate'];

/** Days before the snapshot day of an ISO datetime written by `ts`. */
const daysBefore = (iso: string): number => Math.round((Date.UTC(2026, 10, 22) - Date.parse(iso)) / 86_400_000);

export function extend(r: SampleRecords): Extension {
    const converted = r.leads.slice(0, 60);
    const owner = (i: number, n: number): string => USERS[i % n]?.Id ?? '';
    r.leads.forEach((l, i) =>
        Object.assign(l, { OwnerId: owner(i, 3), HasOptedOutOfEmail: 'false', DoNotCall: 'false' })
    );
    r.contacts.forEach((c, i) =>
        Object.assign(c, { OwnerId: owner(i, 3), HasOptedOutOfEmail: 'false', DoNotCall: 'false' })
    );
    r.opps.forEach((o, i) => (o.OwnerId = owner(i, 2)));
    // Unconverted Leads that opted out (not converted: never counted).
    r.leads.slice(60).forEach((l, i) => i % 17 === 0 && (l.HasOptedOutOfEmail = 'true'));

    // Planted consent-lost-at-conversion: converted Leads 30, 31 (email) and 33 (call) opted out and their Contacts
    // have not (what converting into an existing Contact leaves); Lead 32 opted out and its Contact carries it (not
    // counted). Each Lead keeps its own ConvertedContactId, so the scratch-org import (data/tree) can reproduce it.
    const consent: [number, 'HasOptedOutOfEmail' | 'DoNotCall'][] = [
        [30, 'HasOptedOutOfEmail'],
        [31, 'HasOptedOutOfEmail'],
        [33, 'DoNotCall']
    ];
    for (const [k, flag] of consent) (converted[k] as Row)[flag] = 'true';
    (converted[32] as Row).HasOptedOutOfEmail = 'true';
    (r.contacts[32] as Row).HasOptedOutOfEmail = 'true';

    // Customizable Campaign Influence: the default Primary Campaign Source model has one record per Opportunity
    // with a Primary Campaign Source; a custom even-split model has a few more. Planted campaign-influence-gap:
    // converted Opportunities 10, 11 (no campaign, so no record), 20, 21 (record missing), 22 (only in the custom
    // model), 23, 24 (default record names another campaign) → 7.
    const models = [
        {
            Id: sfId('03V', 0),
            DeveloperName: 'primaryModel',
            MasterLabel: 'Primary Campaign Source',
            IsDefaultModel: 'true'
        },
        { Id: sfId('03V', 1), DeveloperName: 'Even_Split', MasterLabel: 'Even Split', IsDefaultModel: 'false' }
    ];
    const influence: Row[] = [];
    const add = (o: Row, model: number, campaign: string): void => {
        influence.push({
            OpportunityId: o.Id ?? '',
            CampaignId: campaign,
            ModelId: models[model]?.Id ?? '',
            Influence: '100'
        });
    };
    r.opps.forEach((o, i) => {
        if (!o.CampaignId || [20, 21, 22].includes(i)) return;
        const other = r.campaigns.find((c) => c.Id !== o.CampaignId)?.Id ?? '';
        add(o, 0, i === 23 || i === 24 ? other : o.CampaignId);
        if (i % 5 === 0) add(o, 1, o.CampaignId);
    });
    add(r.opps[22] as Row, 1, r.campaigns[0]?.Id ?? '');

    // Field history. Not findings: every Opportunity's `created` row, a first Lead Source (blank → value) on
    // unconverted Leads 60–64, a first campaign on direct Opportunities. Planted attribution-overwritten (7
    // records): the integration user overwrote converted Opportunities 0, 1 (Lead Source → blank), 2 (Event → Web)
    // and 10, 11 (campaign → blank, an Id row and a name row each), and Lead 50's Lead Source after its
    // conversion; a rep changed unconverted Lead 55's Lead Source.
    const oppHistory: Row[] = [];
    const leadHistory: Row[] = [];
    const row = (list: Row[], parent: Record<string, string>, values: Row): void => {
        list.push({ Id: sfId('017', oppHistory.length + leadHistory.length), ...parent, ...values });
    };
    r.opps.forEach((o, i) => {
        const at = o.CreatedDate ?? '';
        row(
            oppHistory,
            { OpportunityId: o.Id ?? '' },
            { Field: 'created', CreatedById: o.OwnerId ?? '', CreatedDate: at }
        );
        if (i >= 60 && o.CampaignId) {
            const later = ts(daysBefore(at) - 2);
            const name = r.campaigns.find((c) => c.Id === o.CampaignId)?.Name ?? '';
            row(
                oppHistory,
                { OpportunityId: o.Id ?? '' },
                {
                    Field: 'Campaign',
                    DataType: 'EntityId',
                    NewValue: o.CampaignId,
                    CreatedById: o.OwnerId ?? '',
                    CreatedDate: later
                }
            );
            row(
                oppHistory,
                { OpportunityId: o.Id ?? '' },
                {
                    Field: 'Campaign',
                    DataType: 'Text',
                    NewValue: name,
                    CreatedById: o.OwnerId ?? '',
                    CreatedDate: later
                }
            );
        }
    });
    const overwrite = (i: number, field: string, oldValue: string, newValue: string, dataType = 'Text'): void => {
        const o = r.opps[i] as Row;
        const at = ts(daysBefore(o.CreatedDate ?? '') - 3, 3);
        row(
            oppHistory,
            { OpportunityId: o.Id ?? '' },
            {
                Field: field,
                DataType: dataType,
                OldValue: oldValue,
                NewValue: newValue,
                CreatedById: INTEGRATION,
                CreatedDate: at
            }
        );
    };
    overwrite(0, 'LeadSource', converted[0]?.LeadSource ?? '', '');
    overwrite(1, 'LeadSource', converted[1]?.LeadSource ?? '', '');
    overwrite(2, 'LeadSource', converted[2]?.LeadSource ?? '', r.opps[2]?.LeadSource ?? '');
    for (const i of [10, 11]) {
        const lead = converted[i] as Row;
        const campaignId = r.members.find((m) => m.LeadId === lead.Id && m.HasResponded === 'true')?.CampaignId ?? '';
        const name = r.campaigns.find((c) => c.Id === campaignId)?.Name ?? '';
        overwrite(i, 'Campaign', campaignId, '', 'EntityId');
        overwrite(i, 'Campaign', name, '');
    }
    for (let k = 120; k < 125; k++) {
        const l = r.leads[k] as Row;
        row(
            leadHistory,
            { LeadId: l.Id ?? '' },
            {
                Field: 'LeadSource',
                DataType: 'Text',
                NewValue: l.LeadSource ?? '',
                CreatedById: l.OwnerId ?? '',
                CreatedDate: l.CreatedDate ?? ''
            }
        );
    }
    const lead50 = converted[50] as Row;
    row(
        leadHistory,
        { LeadId: lead50.Id ?? '' },
        {
            Field: 'LeadSource',
            DataType: 'Text',
            OldValue: 'Web',
            NewValue: lead50.LeadSource ?? '',
            CreatedById: INTEGRATION,
            CreatedDate: `${date(daysBefore(`${lead50.ConvertedDate ?? ''}T10:00:00.000Z`) - 4)}T09:00:00.000Z`
        }
    );
    const lead115 = r.leads[115] as Row;
    row(
        leadHistory,
        { LeadId: lead115.Id ?? '' },
        {
            Field: 'LeadSource',
            DataType: 'Text',
            OldValue: lead115.LeadSource === 'Webinar' ? 'Web' : 'Webinar',
            NewValue: lead115.LeadSource ?? '',
            CreatedById: USERS[2]?.Id ?? '',
            CreatedDate: ts(3)
        }
    );

    return {
        columns: {
            Lead: ['OwnerId', 'HasOptedOutOfEmail', 'DoNotCall'],
            Contact: ['OwnerId', 'HasOptedOutOfEmail', 'DoNotCall'],
            Opportunity: ['OwnerId']
        },
        files: [
            { object: 'User', header: ['Id', 'Name'], rows: USERS },
            {
                object: 'CampaignInfluenceModel',
                header: ['Id', 'DeveloperName', 'MasterLabel', 'IsDefaultModel'],
                rows: models
            },
            {
                object: 'CampaignInfluence',
                header: ['OpportunityId', 'CampaignId', 'ModelId', 'Influence'],
                rows: influence
            },
            { object: 'OpportunityFieldHistory', header: ['OpportunityId', ...HISTORY], rows: oppHistory },
            { object: 'LeadHistory', header: ['LeadId', ...HISTORY], rows: leadHistory }
        ]
    };
}
