import { describe, expect, it } from 'vitest';
import { DmlException, saveAllowingPartial } from '../../src/flow-sim/index.js';
import { BYPASS, contact, newDb, opportunity, thrown } from './helpers.js';

const GATE_MESSAGE =
    /^Add at least one Contact Role before moving this opportunity to (.+)\. From Proposal\/Quote onwards/;

describe('Opportunity_Contact_Role_Gate', () => {
    it('blocks moving to the required stage without a contact role, on StageName, and rolls the change back', () => {
        const db = newDb();
        const opp = opportunity(db);
        const error = thrown(() => db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }]));
        expect(error).toBeInstanceOf(DmlException);
        const [rowError] = (error as DmlException).rowErrors;
        expect(rowError?.field).toBe('StageName');
        expect(rowError?.message).toMatch(GATE_MESSAGE);
        expect(rowError?.message).toContain('to Proposal/Quote.');
        expect(db.get('Opportunity', opp).StageName).toBe('Qualification');
    });

    it('blocks jumping past the required stage too', () => {
        const db = newDb();
        const opp = opportunity(db);
        const error = thrown(() => db.update('Opportunity', [{ Id: opp, StageName: 'Closed Won' }])) as DmlException;
        expect(error.rowErrors[0]?.message).toContain('to Closed Won.');
    });

    it('lets the stage move when the opportunity has a contact role', () => {
        const db = newDb();
        const opp = opportunity(db);
        db.seed('OpportunityContactRole', [{ OpportunityId: opp, ContactId: contact(db), IsPrimary: true }]);
        db.update('Opportunity', [{ Id: opp, StageName: 'Negotiation' }]);
        expect(db.get('Opportunity', opp).StageName).toBe('Negotiation');
    });

    it('does not count a contact role of another opportunity', () => {
        const db = newDb();
        const opp = opportunity(db);
        db.seed('OpportunityContactRole', [{ OpportunityId: opportunity(db), ContactId: contact(db) }]);
        expect(() => db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }])).toThrow(
            /StageName: Add at least one Contact Role before moving this opportunity to Proposal\/Quote\./
        );
    });

    it('never gates Closed Lost (not in the stage order) nor stages before the required one', () => {
        const db = newDb();
        const lost = opportunity(db, { StageName: 'Negotiation' });
        const early = opportunity(db, { StageName: 'Prospecting' });
        db.update('Opportunity', [
            { Id: lost, StageName: 'Closed Lost' },
            { Id: early, StageName: 'Qualification' }
        ]);
        expect(db.get('Opportunity', lost)).toMatchObject({ StageName: 'Closed Lost', IsClosed: true, IsWon: false });
        expect(db.get('Opportunity', early).StageName).toBe('Qualification');
    });

    it('only runs when the stage changes, and never on create (a new opportunity has no contact roles yet)', () => {
        const db = newDb();
        const [created] = db.insert('Opportunity', [
            { Name: 'Late', StageName: 'Negotiation', CloseDate: '2026-12-31' }
        ]);
        db.update('Opportunity', [{ Id: created ?? '', Amount: 5000 }]);
        expect(db.get('Opportunity', created ?? '')).toMatchObject({ StageName: 'Negotiation', Amount: 5000 });
    });

    it('lets holders of the bypass permission through', () => {
        const db = newDb({ permissions: [BYPASS] });
        const opp = opportunity(db);
        db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }]);
        expect(db.get('Opportunity', opp).StageName).toBe('Proposal/Quote');
    });

    it('gates a 200-record batch with one SOQL query and reports every failing row', () => {
        const db = newDb();
        const opps = Array.from({ length: 200 }, () => opportunity(db));
        const withRole = opps.filter((_id, i) => i % 2 === 0);
        db.seed(
            'OpportunityContactRole',
            withRole.map((id) => ({ OpportunityId: id, ContactId: contact(db) }))
        );
        db.update(
            'Opportunity',
            withRole.map((Id) => ({ Id, StageName: 'Proposal/Quote' }))
        );
        expect(db.limits.soql).toBe(1);
        expect(db.limits.dml).toBe(1);
        const error = thrown(() =>
            db.update(
                'Opportunity',
                opps.map((Id) => ({ Id, StageName: 'Negotiation' }))
            )
        ) as DmlException;
        expect(error.rowErrors).toHaveLength(100);
        expect(error.rowErrors.map((e) => e.index)).toEqual(opps.map((_id, i) => i).filter((i) => i % 2 === 1));
        expect(db.all('Opportunity').filter((o) => o.StageName === 'Negotiation')).toHaveLength(0);
    });
});

describe('Opportunity_Contact_Role_Gate with partial success (data loads)', () => {
    it('saves the rows that pass, reports the others, and leaves no trace of failed rows', () => {
        const db = newDb();
        const opps = Array.from({ length: 200 }, () => opportunity(db));
        db.seed(
            'OpportunityContactRole',
            opps.filter((_id, i) => i % 4 !== 0).map((id) => ({ OpportunityId: id, ContactId: contact(db) }))
        );
        const results = saveAllowingPartial(
            db,
            'update',
            'Opportunity',
            opps.map((Id) => ({ Id, StageName: 'Proposal/Quote' }))
        );
        expect(results.filter((r) => r.success)).toHaveLength(150);
        results.forEach((result, i) => {
            expect(result.success).toBe(i % 4 !== 0);
            expect(db.get('Opportunity', opps[i] ?? '').StageName).toBe(
                i % 4 !== 0 ? 'Proposal/Quote' : 'Qualification'
            );
        });
        expect(results[0]?.errors[0]?.field).toBe('StageName');
    });
});
