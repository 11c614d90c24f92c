import { describe, expect, it } from 'vitest';
import { saveAllowingPartial } from '../../src/flow-sim/index.js';
import type { Database, RecordError } from '../../src/flow-sim/index.js';
import { BYPASS, campaign, contact, faults, newDb, opportunity } from './helpers.js';

/** A contact who responded to two campaigns (the later one wins) and was added without response to a newer one. */
function engagedContact(db: Database): { person: string; older: string; latest: string; unresponded: string } {
    const person = contact(db);
    const [older = '', latest = '', unresponded = ''] = ['Spring Event', 'Autumn Webinar', 'Winter Mailing'].map((n) =>
        campaign(db, n)
    );
    db.seed('CampaignMember', [
        {
            CampaignId: older,
            ContactId: person,
            HasResponded: true,
            FirstRespondedDate: '2026-04-01',
            CreatedDate: '2026-03-01T00:00:00.000Z'
        },
        {
            CampaignId: latest,
            ContactId: person,
            HasResponded: true,
            FirstRespondedDate: '2026-10-01',
            CreatedDate: '2026-09-01T00:00:00.000Z'
        },
        { CampaignId: unresponded, ContactId: person, HasResponded: false, CreatedDate: '2026-11-01T00:00:00.000Z' }
    ]);
    return { person, older, latest, unresponded };
}

describe('Opportunity_Campaign_Auto_Association', () => {
    it('sets the opportunity campaign to the primary contact most recent responded campaign', () => {
        const db = newDb();
        const { person, latest } = engagedContact(db);
        const opp = opportunity(db);
        db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
        expect(db.get('Opportunity', opp).CampaignId).toBe(latest);
    });

    it('ignores non-primary roles until one becomes primary', () => {
        const db = newDb();
        const { person, latest } = engagedContact(db);
        const opp = opportunity(db);
        const [role = ''] = db.insert('OpportunityContactRole', [
            { OpportunityId: opp, ContactId: person, IsPrimary: false }
        ]);
        expect(db.get('Opportunity', opp).CampaignId).toBeNull();
        db.update('OpportunityContactRole', [{ Id: role, IsPrimary: true }]);
        expect(db.get('Opportunity', opp).CampaignId).toBe(latest);
    });

    it('never replaces a campaign that is already set', () => {
        const db = newDb();
        const { person } = engagedContact(db);
        const chosen = campaign(db, 'Chosen by rep');
        const opp = opportunity(db, { CampaignId: chosen });
        db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
        expect(db.get('Opportunity', opp).CampaignId).toBe(chosen);
    });

    it('leaves the campaign blank when the contact never responded', () => {
        const db = newDb();
        const person = contact(db);
        db.seed('CampaignMember', [{ CampaignId: campaign(db, 'Cold'), ContactId: person, HasResponded: false }]);
        const opp = opportunity(db);
        db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
        expect(db.get('Opportunity', opp).CampaignId).toBeNull();
    });

    it('does nothing for holders of the bypass permission', () => {
        const db = newDb({ permissions: [BYPASS] });
        const { person } = engagedContact(db);
        const opp = opportunity(db);
        db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
        expect(db.get('Opportunity', opp).CampaignId).toBeNull();
    });

    it('associates 200 opportunities in one batch with 3 SOQL and 2 DML', () => {
        const db = newDb();
        const people = Array.from({ length: 200 }, () => engagedContact(db));
        const opps = people.map(() => opportunity(db));
        db.insert(
            'OpportunityContactRole',
            people.map((p, i) => ({ OpportunityId: opps[i] ?? '', ContactId: p.person, IsPrimary: true }))
        );
        // opportunity lookup, member lookup, the update's record query; the role insert and the opportunity update
        expect({ soql: db.limits.soql, dml: db.limits.dml }).toEqual({ soql: 3, dml: 2 });
        opps.forEach((opp, i) => expect(db.get('Opportunity', opp).CampaignId).toBe(people[i]?.latest));
    });
});

describe('Opportunity_Campaign_Auto_Association with partial success', () => {
    it('a locked opportunity no longer fails its contact role: the fault is logged once, even across the retry', () => {
        let locked = '';
        let rejectedContact = '';
        const db = newDb({
            validate: (objectName, record): RecordError[] => {
                if (objectName === 'Opportunity' && record.Id === locked && record.CampaignId) {
                    return [{ message: 'This opportunity is locked', field: 'CampaignId' }];
                }
                if (objectName === 'OpportunityContactRole' && record.ContactId === rejectedContact) {
                    return [{ message: 'Roles need a title on the contact' }];
                }
                return [];
            }
        });
        const people = Array.from({ length: 4 }, () => engagedContact(db));
        const opps = people.map(() => opportunity(db));
        locked = opps[1] ?? '';
        rejectedContact = people[2]?.person ?? '';
        const results = saveAllowingPartial(
            db,
            'insert',
            'OpportunityContactRole',
            people.map((p, i) => ({ OpportunityId: opps[i] ?? '', ContactId: p.person, IsPrimary: true }))
        );
        // only the row the org's own rule rejects fails; the locked opportunity's role is saved
        expect(results.map((r) => r.success)).toEqual([true, true, false, true]);
        expect(results[2]?.errors[0]?.message).toBe('Roles need a title on the contact');
        expect(opps.map((opp) => db.get('Opportunity', opp).CampaignId)).toEqual([
            people[0]?.latest,
            null,
            null,
            people[3]?.latest
        ]);
        expect(db.all('OpportunityContactRole').map((r) => r.OpportunityId)).toEqual([opps[0], opps[1], opps[3]]);
        expect(faults(db)).toEqual([
            expect.objectContaining({
                Flow__c: 'Opportunity_Campaign_Auto_Association',
                Element__c: 'Set_Campaign',
                Record_Id__c: locked,
                Message__c: expect.stringMatching(/CampaignId: This opportunity is locked/)
            })
        ]);
    });
});
