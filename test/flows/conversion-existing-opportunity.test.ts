/**
 * Item 5: converting a lead into an EXISTING opportunity must not overwrite its attribution. Conversion itself fills
 * only blank fields of an existing opportunity (convertLead(), SOAP API guide); Lead_After_Conversion replaces the
 * Primary Campaign Source only on a new opportunity or a blank one, and fills blanks only for every carried value.
 */
import { describe, expect, it } from 'vitest';
import { convertLead, convertLeads, Database, LIMITS } from '../../src/flow-sim/index.js';
import type { Fields } from '../../src/flow-sim/index.js';
import { campaign, CUSTOM_METADATA, newDb, opportunity } from './helpers.js';

const LONG_AGO = '2026-06-01T10:00:00.000Z';

/** A lead who responded to a webinar and was later added, without responding, to a newsletter. */
function lead(db: Database, extra: Fields = {}): { lead: string; webinar: string; newsletter: string } {
    const webinar = campaign(db, 'Webinar');
    const newsletter = campaign(db, 'Newsletter');
    const [id = ''] = db.seed('Lead', [
        {
            LastName: 'Lovelace',
            Company: 'Engines',
            Status: 'Working',
            LeadSource: 'Webinar',
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin',
            UTM_Medium__c: 'paid_social',
            ...extra
        }
    ]);
    db.seed('CampaignMember', [
        {
            CampaignId: webinar,
            LeadId: id,
            HasResponded: true,
            FirstRespondedDate: '2026-10-10',
            CreatedDate: '2026-10-01T10:00:00.000Z'
        },
        { CampaignId: newsletter, LeadId: id, HasResponded: false, CreatedDate: '2026-11-15T10:00:00.000Z' }
    ]);
    return { lead: id, webinar, newsletter };
}

/** An opportunity created and last edited months ago (what "existing" means in an org). */
function existing(db: Database, values: Fields = {}): string {
    return opportunity(db, { CreatedDate: LONG_AGO, LastModifiedDate: LONG_AGO, ...values });
}

describe('conversion into an existing opportunity without our flows (native behaviour)', () => {
    it('fills only blank fields (Lead Source, the most recently associated campaign) and adds no contact role', () => {
        const db = new Database({ flows: [], customMetadata: CUSTOM_METADATA });
        const { lead: id, newsletter } = lead(db);
        const blank = existing(db);
        const chosen = campaign(db, 'Chosen by rep');
        const set = existing(db, { LeadSource: 'Partner Referral', CampaignId: chosen });
        convertLead(db, { leadId: id, opportunityId: blank, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', blank)).toMatchObject({ LeadSource: 'Webinar', CampaignId: newsletter });
        const [second = ''] = db.seed('Lead', [{ LastName: 'Two', Company: 'Engines', Status: 'Working' }]);
        db.seed('CampaignMember', [{ CampaignId: newsletter, LeadId: second, HasResponded: false }]);
        convertLead(db, { leadId: second, opportunityId: set, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', set)).toMatchObject({
            LeadSource: 'Partner Referral',
            CampaignId: chosen,
            LastModifiedDate: LONG_AGO
        });
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
    });
});

describe('Lead_After_Conversion and the Primary Campaign Source', () => {
    it('new opportunity: the most recent responded campaign replaces the natively chosen one', () => {
        const db = newDb();
        const { lead: id, webinar } = lead(db);
        const result = convertLead(db, { leadId: id, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(webinar);
    });

    it('existing opportunity with a campaign: untouched', () => {
        const db = newDb();
        const { lead: id } = lead(db);
        const chosen = campaign(db, 'Chosen by rep');
        const opp = existing(db, { CampaignId: chosen });
        convertLead(db, { leadId: id, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', opp).CampaignId).toBe(chosen);
    });

    it('existing opportunity whose campaign happens to be the lead newest membership: untouched', () => {
        const db = newDb();
        const { lead: id, newsletter } = lead(db);
        const opp = existing(db, {
            CampaignId: newsletter,
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'google',
            UTM_Medium__c: 'cpc'
        });
        convertLead(db, { leadId: id, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', opp).CampaignId).toBe(newsletter);
    });

    it('existing opportunity with a blank campaign: set to the most recent responded campaign', () => {
        const db = newDb();
        const { lead: id, webinar } = lead(db);
        const opp = existing(db);
        convertLead(db, { leadId: id, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', opp).CampaignId).toBe(webinar);
    });

    it('existing opportunity: Lead Source, Persona and UTM values are filled where blank, never overwritten', () => {
        const db = newDb();
        const { lead: id } = lead(db, { UTM_Campaign__c: 'spring', UTM_Term__c: 'engines', UTM_Content__c: 'video' });
        const opp = existing(db, {
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'google',
            UTM_Campaign__c: 'brand'
        });
        convertLead(db, { leadId: id, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', opp)).toMatchObject({
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'google',
            UTM_Campaign__c: 'brand',
            UTM_Medium__c: 'paid_social',
            UTM_Term__c: 'engines',
            UTM_Content__c: 'video'
        });
    });

    it('residual risk (documented): an opportunity edited minutes ago that holds the lead newest campaign is treated as new', () => {
        const db = newDb();
        const { lead: id, newsletter, webinar } = lead(db);
        const opp = opportunity(db, { CampaignId: newsletter });
        convertLead(db, { leadId: id, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', opp).CampaignId).toBe(webinar);
    });

    it('converts 200 leads into 200 existing opportunities in one call within limits, each by its own rule', () => {
        const db = newDb();
        const chosen = campaign(db, 'Chosen by rep');
        const people = Array.from({ length: 200 }, (_v, i) => lead(db, { LastName: `L${i}` }));
        const opps = people.map((_p, i) => existing(db, i % 2 ? { CampaignId: chosen } : {}));
        convertLeads(
            db,
            people.map((p, i) => ({ leadId: p.lead, opportunityId: opps[i] ?? '', convertedStatus: 'Converted' }))
        );
        expect(db.limits.soql).toBeLessThanOrEqual(LIMITS.soql);
        expect(db.limits.dml).toBeLessThanOrEqual(LIMITS.dml);
        opps.forEach((opp, i) =>
            expect(db.get('Opportunity', opp).CampaignId).toBe(i % 2 ? chosen : people[i]?.webinar)
        );
    });
});
