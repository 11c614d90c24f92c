import { describe, expect, it } from 'vitest';
import { DmlException } from '../../src/flow-sim/index.js';
import type { Database } from '../../src/flow-sim/index.js';
import { BYPASS, contact, newDb, opportunity, thrown } from './helpers.js';

function withRoles(db: Database, stage: string, count: number): { opp: string; roles: string[] } {
    const opp = opportunity(db, { StageName: stage });
    const roles = db.seed(
        'OpportunityContactRole',
        Array.from({ length: count }, (_v, i) => ({ OpportunityId: opp, ContactId: contact(db), IsPrimary: i === 0 }))
    );
    return { opp, roles };
}

describe('Opportunity_Contact_Role_Delete_Guard', () => {
    it('stops deleting the last contact role of an opportunity at the required stage, with a window-level message', () => {
        const db = newDb();
        const { roles } = withRoles(db, 'Proposal/Quote', 1);
        const error = thrown(() => db.delete('OpportunityContactRole', roles)) as DmlException;
        expect(error).toBeInstanceOf(DmlException);
        expect(error.rowErrors).toEqual([
            {
                index: 0,
                message:
                    'You cannot remove the last Contact Role of an opportunity at Proposal/Quote. Add the right contact first, then remove this one.'
            }
        ]);
        expect(db.all('OpportunityContactRole')).toHaveLength(1);
    });

    it('allows deleting a contact role when another one remains', () => {
        const db = newDb();
        const { roles } = withRoles(db, 'Negotiation', 2);
        db.delete('OpportunityContactRole', roles.slice(0, 1));
        expect(db.all('OpportunityContactRole').map((r) => r.Id)).toEqual(roles.slice(1));
    });

    it('allows deleting the last role before the required stage and on Closed Lost', () => {
        const db = newDb();
        const early = withRoles(db, 'Qualification', 1);
        const lost = withRoles(db, 'Closed Lost', 1);
        db.delete('OpportunityContactRole', [...early.roles, ...lost.roles]);
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
    });

    it('lets holders of the bypass permission delete the last role', () => {
        const db = newDb({ permissions: [BYPASS] });
        const { roles } = withRoles(db, 'Closed Won', 1);
        db.delete('OpportunityContactRole', roles);
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
    });

    it('guards a 200-record delete within limits (2 SOQL for the batch)', () => {
        const db = newDb();
        const setups = Array.from({ length: 200 }, () => withRoles(db, 'Negotiation', 2));
        db.delete(
            'OpportunityContactRole',
            setups.map((s) => s.roles[0] ?? '')
        );
        expect(db.limits.soql).toBe(2);
        expect(db.all('OpportunityContactRole')).toHaveLength(200);
        const error = thrown(() =>
            db.delete(
                'OpportunityContactRole',
                setups.map((s) => s.roles[1] ?? '')
            )
        ) as DmlException;
        expect(error.rowErrors).toHaveLength(200);
        expect(db.all('OpportunityContactRole')).toHaveLength(200);
    });

    it('documented limit: deleting every role of an opportunity in one DML is not caught (each sees the others)', () => {
        const db = newDb();
        const { roles } = withRoles(db, 'Negotiation', 2);
        db.delete('OpportunityContactRole', roles);
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
    });
});
