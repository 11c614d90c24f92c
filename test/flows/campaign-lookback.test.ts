/**
 * Item 6: auto-association gives marketing credit only where it is due. Opportunity_Campaign_Auto_Association skips
 * exempt (sales-sourced) Lead Sources and counts only responses dated on or before the opportunity's creation day and
 * within Attribution_Rules__mdt.Default.Campaign_Lookback_Days__c days before it; Lead_After_Conversion applies the
 * same window, counted back from the conversion day.
 */
import { describe, expect, it } from 'vitest';
import { convertLead, Database, LIMITS } from '../../src/flow-sim/index.js';
import type { CustomMetadataRecord, Fields, Value } from '../../src/flow-sim/index.js';
import { campaign, contact, CUSTOM_METADATA, FLOWS, newDb, opportunity } from './helpers.js';

const DEFAULT_RULES = CUSTOM_METADATA.find(
    (r) => r.object === 'Attribution_Rules__mdt' && r.values.DeveloperName === 'Default'
);

/** The shipped custom metadata with some fields of the Default rules record changed. */
function rules(values: Record<string, Value>): CustomMetadataRecord[] {
    return CUSTOM_METADATA.map((r) => (r === DEFAULT_RULES ? { ...r, values: { ...r.values, ...values } } : r));
}

const CREATED = '2026-09-01T15:00:00.000Z';

/** A contact with one responded membership per date (campaign named after the date), an opportunity and its role. */
function associate(db: Database, responded: readonly string[], opportunityValues: Fields = {}): Value {
    const person = contact(db);
    db.seed(
        'CampaignMember',
        responded.map((date) => ({
            CampaignId: campaign(db, date),
            ContactId: person,
            HasResponded: true,
            FirstRespondedDate: date,
            CreatedDate: `${date}T08:00:00.000Z`
        }))
    );
    const opp = opportunity(db, { LeadSource: 'Web', CreatedDate: CREATED, ...opportunityValues });
    db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
    const id = db.get('Opportunity', opp).CampaignId ?? null;
    return id === null ? null : (db.get('Campaign', String(id)).Name ?? null);
}

describe('Opportunity_Campaign_Auto_Association: exempt sources and the lookback window', () => {
    it('ships a 180-day lookback in the Default rules record', () => {
        expect(DEFAULT_RULES?.values.Campaign_Lookback_Days__c).toBe(180);
    });

    it('skips an opportunity whose Lead Source is exempt (sales-sourced)', () => {
        expect(associate(newDb(), ['2026-08-01'], { LeadSource: 'Outbound' })).toBeNull();
        expect(associate(newDb(), ['2026-08-01'], { LeadSource: 'Web' })).toBe('2026-08-01');
    });

    it('matches exempt sources as whole ;-separated values, like the validation rule', () => {
        const db = new Database({
            flows: FLOWS,
            customMetadata: rules({ Exempt_Lead_Sources__c: 'Webinar; Outbound' })
        });
        expect(associate(db, ['2026-08-01'], { LeadSource: 'Web' })).toBe('2026-08-01');
        expect(associate(db, ['2026-08-01'], { LeadSource: 'Outbound' })).toBeNull();
        expect(associate(db, ['2026-08-01'], { LeadSource: 'Webinar' })).toBeNull();
    });

    it('ignores a response dated after the opportunity was created, counts one on the creation day', () => {
        expect(associate(newDb(), ['2026-08-20', '2026-09-02'])).toBe('2026-08-20');
        expect(associate(newDb(), ['2026-08-20', '2026-09-01'])).toBe('2026-09-01');
        expect(associate(newDb(), ['2026-09-02'])).toBeNull();
    });

    it('ignores a response older than the window; exactly 180 days before creation still counts', () => {
        // 2026-09-01 minus 180 days is 2026-03-05
        expect(associate(newDb(), ['2026-03-05'])).toBe('2026-03-05');
        expect(associate(newDb(), ['2026-03-04'])).toBeNull();
        expect(associate(newDb(), ['2025-09-01', '2026-03-04'])).toBeNull();
    });

    it('reads the window from the rules record; a blank window has no limit', () => {
        const short = new Database({ flows: FLOWS, customMetadata: rules({ Campaign_Lookback_Days__c: 30 }) });
        expect(associate(short, ['2026-08-02'])).toBe('2026-08-02');
        expect(associate(short, ['2026-08-01'])).toBeNull();
        const open = new Database({ flows: FLOWS, customMetadata: rules({ Campaign_Lookback_Days__c: null }) });
        expect(associate(open, ['2019-01-01'])).toBe('2019-01-01');
    });

    it('a newer response outside the window never hides an older one inside it', () => {
        expect(associate(newDb(), ['2026-04-01', '2026-10-01'])).toBe('2026-04-01');
    });

    it('associates 200 opportunities in one batch within limits, each within its own window', () => {
        const db = newDb();
        const people = Array.from({ length: 200 }, () => contact(db));
        const [inside = '', outside = '', after = ''] = ['inside', 'outside', 'after'].map((n) => campaign(db, n));
        db.seed(
            'CampaignMember',
            people.flatMap((ContactId) => [
                { CampaignId: inside, ContactId, HasResponded: true, FirstRespondedDate: '2026-06-01' },
                { CampaignId: outside, ContactId, HasResponded: true, FirstRespondedDate: '2026-01-01' },
                { CampaignId: after, ContactId, HasResponded: true, FirstRespondedDate: '2026-10-01' }
            ])
        );
        const opps = people.map((_p, i) =>
            opportunity(db, { LeadSource: i % 4 === 0 ? 'Outbound' : 'Web', CreatedDate: CREATED })
        );
        db.insert(
            'OpportunityContactRole',
            people.map((ContactId, i) => ({ OpportunityId: opps[i] ?? '', ContactId, IsPrimary: true }))
        );
        expect(db.limits.soql).toBeLessThanOrEqual(LIMITS.soql);
        expect({ soql: db.limits.soql, dml: db.limits.dml }).toEqual({ soql: 3, dml: 2 });
        opps.forEach((opp, i) => expect(db.get('Opportunity', opp).CampaignId).toBe(i % 4 === 0 ? null : inside));
    });
});

describe('Lead_After_Conversion: the same window, counted back from the conversion day', () => {
    function convert(responded: string, today = '2026-11-22'): Value {
        const db = newDb();
        const [webinar = '', mailing = ''] = ['Webinar', 'Mailing'].map((n) => campaign(db, n));
        const [lead = ''] = db.seed('Lead', [{ LastName: 'Old', Company: 'Co', Status: 'Working', LeadSource: 'Web' }]);
        db.seed('CampaignMember', [
            {
                CampaignId: webinar,
                LeadId: lead,
                HasResponded: true,
                FirstRespondedDate: responded,
                CreatedDate: '2025-01-01T00:00:00.000Z'
            },
            { CampaignId: mailing, LeadId: lead, HasResponded: false, CreatedDate: '2026-11-01T00:00:00.000Z' }
        ]);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' }, today);
        const id = db.get('Opportunity', result.opportunityId ?? '').CampaignId;
        return id === null || id === undefined ? null : (db.get('Campaign', String(id)).Name ?? null);
    }

    it('a response within 180 days of the conversion day replaces the native campaign; an older one does not', () => {
        // 2026-11-22 minus 180 days is 2026-05-26
        expect(convert('2026-05-26')).toBe('Webinar');
        expect(convert('2026-05-25')).toBe('Mailing');
        expect(convert('2026-11-22')).toBe('Webinar');
    });
});
