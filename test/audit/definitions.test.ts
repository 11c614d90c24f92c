/**
 * Checks are definitions: the engine loads what they declare (needs ∪ mayRead ∪ the funnel's and money's reads),
 * skips a check whose input is absent with the reason, and builds the result from the outcome. The seeded defect:
 * a check written like the others that reads Contact.Persona__c crashed the whole run with a DuckDB Binder Error
 * while the loaded columns were a hand-kept list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/audit/checks/index.js';
import { queryIds, queryNumber, type CheckDefinition } from '../../src/audit/checks/types.js';
import { DEFAULT_GOVERNED_LEAD_SOURCES, DEFAULT_RULES, PROJECT_DIR } from '../../src/audit/config.js';
import { planFor, runAudit } from '../../src/audit/engine.js';
import { CHECK_IDS } from '../../src/audit/vocabulary.js';
import { AS_OF, check, csv, makeSnapshot } from './helpers.js';

const contactWithoutPersona: CheckDefinition<{ withPersona: number }> = {
    id: 'contact-without-persona',
    title: 'Contact without Persona',
    meaning: 'test check',
    action: 'test check',
    needs: { Contact: ['Id', 'Persona__c'] },
    mayRead: { Contact: ['Custom_Score__c'] },
    async run(ctx) {
        const recordIds = await queryIds(ctx.conn, `SELECT Id FROM contact WHERE Persona__c IS NULL`);
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM contact`);
        const withPersona = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM contact WHERE Custom_Score__c IS NOT NULL`
        );
        return { recordIds, population, details: { withPersona } };
    }
};

const run = (dir: string, checks: readonly CheckDefinition[]) =>
    runAudit({
        snapshotDir: dir,
        rules: structuredClone(DEFAULT_RULES),
        asOf: AS_OF,
        governedLeadSources: [...DEFAULT_GOVERNED_LEAD_SOURCES],
        checks
    });

const C = (i: number): string => `003000000000${String(i).padStart(3, '0')}AAA`;

describe('check definitions', () => {
    it('a new check reading Contact.Persona__c runs: the column is loaded because the check declares it', async () => {
        const dir = makeSnapshot({
            Lead: csv(['Id'], [['00Q000000000001AAA']]),
            Contact: csv(
                ['Id', 'Persona__c', 'Custom_Score__c'],
                [
                    [C(1), 'Champion', '5'],
                    [C(2), '', ''],
                    [C(3), '', '7']
                ]
            )
        });
        const report = await run(dir, [contactWithoutPersona]);
        expect(report.checks.map((c) => c.id)).toEqual(['contact-without-persona']);
        expect(check(report, 'contact-without-persona')).toMatchObject({
            status: 'fail',
            recordIds: [C(2), C(3)],
            population: 3,
            details: { withPersona: 2 },
            meaning: 'test check'
        });
    });

    it('the same check is skipped with the reason when the CSV lacks the column, and optional columns are NULL', async () => {
        const dir = makeSnapshot({ Contact: csv(['Id'], [[C(1)]]), Lead: csv(['Id'], [['00Q000000000001AAA']]) });
        const report = await run(dir, [contactWithoutPersona]);
        expect(check(report, 'contact-without-persona')).toMatchObject({
            status: 'skipped',
            reason: 'Contact.csv has no Persona__c column'
        });
        const noContacts = await run(makeSnapshot({ Lead: csv(['Id'], [['00Q000000000001AAA']]) }), [
            contactWithoutPersona
        ]);
        expect(check(noContacts, 'contact-without-persona').reason).toBe('no Contact.csv in the snapshot');
        expect(noContacts.source.absentObjects).toContain('Contact');
    });

    it('loads exactly the declared columns: the union of needs and mayRead plus the funnel and money reads', () => {
        const plan = planFor(CHECKS);
        expect(plan.Contact).toEqual(expect.arrayContaining(['Id', 'Email', 'LeadSource', 'OwnerId']));
        expect(plan.Contact).not.toContain('AccountId'); // no check reads it
        expect(plan.Lead).toEqual(expect.arrayContaining(['HasOptedOutOfEmail', 'DoNotCall', 'ConvertedContactId']));
        expect(plan.OpportunityFieldHistory).toEqual(expect.arrayContaining(['OldValue', 'NewValue', 'CreatedById']));
        expect(planFor([contactWithoutPersona]).Contact).toEqual(['Id', 'Persona__c', 'Custom_Score__c', 'OwnerId']);
        for (const def of CHECKS) {
            for (const [object, fields] of Object.entries({ ...def.needs })) {
                for (const f of fields)
                    expect(plan[object as keyof typeof plan], `${def.id} ${object}.${f}`).toContain(f);
            }
        }
    });

    it('every definition has the vocabulary id, a meaning, an action and a line in docs/audit.md', () => {
        expect(CHECKS.map((c) => c.id)).toEqual([...CHECK_IDS]);
        const docs = readFileSync(path.join(PROJECT_DIR, 'docs', 'audit.md'), 'utf8');
        for (const def of CHECKS) {
            expect(def.meaning.length, def.id).toBeGreaterThan(20);
            expect(def.action.length, def.id).toBeGreaterThan(20);
            expect(docs, def.id).toMatch(new RegExp(`^\\| \`${def.id}\` \\|`, 'm'));
        }
    });
});
