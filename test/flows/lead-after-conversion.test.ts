import { describe, expect, it } from 'vitest';
import { convertLead, convertLeads, Database, LIMITS } from '../../src/flow-sim/index.js';
import type { Fields } from '../../src/flow-sim/index.js';
import { BYPASS, campaign, contact, CUSTOM_METADATA, faults, newDb, opportunity } from './helpers.js';

const INBOUND: Fields = {
    FirstName: 'Grace',
    LastName: 'Hopper',
    Company: 'Compilers Inc',
    Email: 'grace@example.com',
    Status: 'Working',
    LeadSource: 'Webinar',
    Persona__c: 'Champion',
    UTM_Source__c: 'linkedin',
    UTM_Medium__c: 'paid_social',
    UTM_Campaign__c: 'fall-webinar',
    UTM_Term__c: 'compilers',
    UTM_Content__c: 'carousel'
};

/** An inbound lead who responded to an older webinar and was later added (no response) to a newer email campaign. */
function inboundLead(db: Database, extra: Fields = {}): { lead: string; webinar: string; newsletter: string } {
    const webinar = campaign(db, 'Fall Webinar');
    const newsletter = campaign(db, 'November Newsletter');
    const [lead = ''] = db.seed('Lead', [{ ...INBOUND, ...extra }]);
    db.seed('CampaignMember', [
        {
            CampaignId: webinar,
            LeadId: lead,
            Status: 'Responded',
            HasResponded: true,
            FirstRespondedDate: '2026-09-10',
            CreatedDate: '2026-09-01T10:00:00.000Z'
        },
        {
            CampaignId: newsletter,
            LeadId: lead,
            Status: 'Sent',
            HasResponded: false,
            CreatedDate: '2026-11-15T10:00:00.000Z'
        }
    ]);
    return { lead, webinar, newsletter };
}

function roleOf(db: Database, opportunityId: string, contactId: string): Fields | undefined {
    return db.all('OpportunityContactRole').find((r) => r.OpportunityId === opportunityId && r.ContactId === contactId);
}

describe('lead conversion without our flows (native behaviour the flow corrects)', () => {
    it('picks the most recently associated campaign even though the lead never responded to it', () => {
        const db = new Database({ flows: [], customMetadata: CUSTOM_METADATA });
        const { lead, newsletter } = inboundLead(db);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', result.opportunityId ?? '')).toMatchObject({
            CampaignId: newsletter,
            LeadSource: 'Webinar',
            Persona__c: null
        });
        expect(roleOf(db, result.opportunityId ?? '', result.contactId)).toMatchObject({ IsPrimary: true, Role: null });
    });
});

describe('Lead_After_Conversion', () => {
    it('sets the responded campaign, carries persona/UTM/source and maps the contact role', () => {
        const db = newDb();
        const { lead, webinar } = inboundLead(db);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        const carried = {
            LeadSource: 'Webinar',
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin',
            UTM_Medium__c: 'paid_social',
            UTM_Campaign__c: 'fall-webinar',
            UTM_Term__c: 'compilers',
            UTM_Content__c: 'carousel'
        };
        expect(db.get('Opportunity', result.opportunityId ?? '')).toMatchObject({ ...carried, CampaignId: webinar });
        expect(db.get('Contact', result.contactId)).toMatchObject(carried);
        expect(roleOf(db, result.opportunityId ?? '', result.contactId)).toMatchObject({
            IsPrimary: true,
            Role: 'Executive Sponsor'
        });
        expect(db.all('OpportunityContactRole')).toHaveLength(1);
    });

    it('breaks a tie on FirstRespondedDate by the most recently created member, and a later response beats a later creation', () => {
        const db = newDb();
        const [a = '', b = '', c = ''] = ['A', 'B', 'C'].map((n) => campaign(db, n));
        const [lead = ''] = db.seed('Lead', [{ ...INBOUND }]);
        db.seed('CampaignMember', [
            {
                CampaignId: a,
                LeadId: lead,
                HasResponded: true,
                FirstRespondedDate: '2026-10-01',
                CreatedDate: '2026-08-01T00:00:00.000Z'
            },
            {
                CampaignId: b,
                LeadId: lead,
                HasResponded: true,
                FirstRespondedDate: '2026-10-01',
                CreatedDate: '2026-08-05T00:00:00.000Z'
            },
            {
                CampaignId: c,
                LeadId: lead,
                HasResponded: true,
                FirstRespondedDate: '2026-09-01',
                CreatedDate: '2026-10-20T00:00:00.000Z'
            }
        ]);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(b);
    });

    it('keeps the native campaign when the lead never responded to any', () => {
        const db = newDb();
        const sent = campaign(db, 'Sent only');
        const [lead = ''] = db.seed('Lead', [{ ...INBOUND }]);
        db.seed('CampaignMember', [{ CampaignId: sent, LeadId: lead, HasResponded: false }]);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(sent);
    });

    it('merging into an existing contact never overwrites its values and fills only the blanks', () => {
        const db = newDb();
        const { lead } = inboundLead(db);
        const existing = contact(db, {
            LastName: 'Hopper',
            Email: 'g.hopper@example.com',
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'google'
        });
        const result = convertLead(db, { leadId: lead, contactId: existing, convertedStatus: 'Converted' });
        expect(result.contactId).toBe(existing);
        expect(db.get('Contact', existing)).toMatchObject({
            Email: 'g.hopper@example.com',
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'google',
            FirstName: 'Grace',
            UTM_Medium__c: 'paid_social',
            UTM_Campaign__c: 'fall-webinar',
            UTM_Term__c: 'compilers',
            UTM_Content__c: 'carousel'
        });
        // the opportunity still gets the lead's own persona and the role follows the lead persona
        expect(db.get('Opportunity', result.opportunityId ?? '').Persona__c).toBe('Champion');
        expect(roleOf(db, result.opportunityId ?? '', existing)?.Role).toBe('Executive Sponsor');
    });

    it('converts without an opportunity: the contact is filled, no opportunity or contact role appears', () => {
        const db = newDb();
        const { lead } = inboundLead(db);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted', doNotCreateOpportunity: true });
        expect(result.opportunityId).toBeNull();
        expect(db.all('Opportunity')).toHaveLength(0);
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
        expect(db.get('Contact', result.contactId)).toMatchObject({
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin'
        });
        expect(db.get('Lead', lead)).toMatchObject({
            IsConverted: true,
            ConvertedOpportunityId: null,
            SQL_Date__c: '2026-11-22'
        });
    });

    it.each([
        ['Decision Maker', 'Decision Maker'],
        ['Economic Buyer', 'Economic Buyer'],
        ['Champion', 'Executive Sponsor'],
        ['Influencer', 'Influencer'],
        ['Technical Evaluator', 'Technical Buyer'],
        ['End User', 'Business User'],
        [null, null]
    ])('maps persona %s to contact role %s', (persona, role) => {
        const db = newDb();
        const { lead } = inboundLead(db, { Persona__c: persona });
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(roleOf(db, result.opportunityId ?? '', result.contactId)?.Role).toBe(role);
    });

    it('adds a non-primary contact role with the mapped role when converting into an existing opportunity', () => {
        const db = newDb();
        const { lead, webinar } = inboundLead(db, { Persona__c: 'Technical Evaluator' });
        const opp = opportunity(db, { StageName: 'Negotiation', Persona__c: 'Economic Buyer' });
        db.seed('OpportunityContactRole', [
            { OpportunityId: opp, ContactId: contact(db), IsPrimary: true, Role: 'Economic Buyer' }
        ]);
        const result = convertLead(db, { leadId: lead, opportunityId: opp, convertedStatus: 'Converted' });
        expect(roleOf(db, opp, result.contactId)).toMatchObject({ Role: 'Technical Buyer', IsPrimary: false });
        expect(db.get('Opportunity', opp)).toMatchObject({
            Persona__c: 'Economic Buyer',
            UTM_Source__c: 'linkedin',
            CampaignId: webinar,
            StageName: 'Negotiation'
        });
    });

    it('never overwrites a role someone already chose', () => {
        const db = newDb();
        const { lead } = inboundLead(db);
        const existing = contact(db);
        const opp = opportunity(db);
        db.seed('OpportunityContactRole', [
            { OpportunityId: opp, ContactId: existing, IsPrimary: true, Role: 'Evaluator' }
        ]);
        convertLead(db, { leadId: lead, contactId: existing, opportunityId: opp, convertedStatus: 'Converted' });
        expect(db.all('OpportunityContactRole')).toEqual([
            expect.objectContaining({ ContactId: existing, Role: 'Evaluator' })
        ]);
    });

    it('leaves the converted lead read-only (CANNOT_UPDATE_CONVERTED_LEAD), which is why SQL is stamped before save', () => {
        const db = newDb();
        const { lead } = inboundLead(db);
        convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(() => db.update('Lead', [{ Id: lead, UTM_Term__c: 'late' }])).toThrow(/CANNOT_UPDATE_CONVERTED_LEAD/);
    });

    it('does nothing for holders of the bypass permission (native conversion only)', () => {
        const db = newDb({ permissions: [BYPASS] });
        const { lead, newsletter } = inboundLead(db);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Opportunity', result.opportunityId ?? '')).toMatchObject({
            CampaignId: newsletter,
            Persona__c: null
        });
        expect(roleOf(db, result.opportunityId ?? '', result.contactId)?.Role).toBeNull();
    });

    it('a failed opportunity update is logged, not thrown: the conversion and the rest of the carry-over commit', () => {
        const db = newDb({
            validate: (objectName, record, prior) =>
                objectName === 'Opportunity' && prior !== null && record.UTM_Source__c !== prior.UTM_Source__c
                    ? [{ message: 'UTM values are locked', field: 'UTM_Source__c' }]
                    : []
        });
        const { lead, newsletter } = inboundLead(db);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Lead', lead).IsConverted).toBe(true);
        // the failed update was rolled back: the opportunity keeps what conversion itself saved
        expect(db.get('Opportunity', result.opportunityId ?? '')).toMatchObject({
            CampaignId: newsletter,
            UTM_Source__c: null,
            LeadSource: 'Webinar'
        });
        expect(db.get('Contact', result.contactId)).toMatchObject({
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin'
        });
        // the role step does not depend on the opportunity update, so it still ran
        expect(roleOf(db, result.opportunityId ?? '', result.contactId)?.Role).toBe('Executive Sponsor');
        expect(faults(db)).toEqual([
            expect.objectContaining({
                Flow__c: 'Lead_After_Conversion',
                Element__c: 'Update_Opportunity',
                Record_Id__c: lead,
                Message__c: 'update failed on Opportunity: row 0: UTM_Source__c: UTM values are locked',
                Interview_Guid__c: expect.stringMatching(/\S/)
            })
        ]);
    });

    it('converts 200 leads in one bulk call within governor limits', () => {
        const db = newDb();
        const leads = Array.from({ length: 200 }, (_v, i) =>
            inboundLead(db, { LastName: `Lead ${i}`, Persona__c: i % 2 ? 'Champion' : 'End User' })
        );
        const results = convertLeads(
            db,
            leads.map((l) => ({ leadId: l.lead, convertedStatus: 'Converted' }))
        );
        expect(db.limits.soql).toBeLessThanOrEqual(LIMITS.soql);
        expect(db.limits.dml).toBeLessThanOrEqual(LIMITS.dml);
        // bulkified: each Get Records / Update-with-filters runs once for the whole batch. SOQL: 6 in
        // Lead_After_Conversion (contact, its update, opportunity, members, its update, contact role) + 1 in
        // Opportunity_Campaign_Auto_Association (opportunity; native campaign set, so it stops). DML: 6 conversion
        // steps + contact, opportunity and role updates.
        expect({ soql: db.limits.soql, dml: db.limits.dml }).toEqual({ soql: 7, dml: 9 });
        results.forEach((result, i) => {
            expect(db.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(leads[i]?.webinar);
            expect(roleOf(db, result.opportunityId ?? '', result.contactId)?.Role).toBe(
                i % 2 ? 'Executive Sponsor' : 'Business User'
            );
        });
    });
});
