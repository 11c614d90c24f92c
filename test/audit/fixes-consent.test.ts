/**
 * The consent fix: the Contact a converted Lead became gets the Lead's opt-out (certain), whatever spelling of true
 * the export uses; a Contact that already opted out, or a Lead that never did, gets nothing; a fix never turns an
 * opt-out off. Applied, the check finds nothing.
 */
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFixes } from '../../src/audit/fixes/index.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const LEAD = ['Id', 'LastName', 'IsConverted', 'ConvertedContactId', 'HasOptedOutOfEmail', 'DoNotCall'];
const CONTACT = ['Id', 'LastName', 'HasOptedOutOfEmail', 'DoNotCall'];

describe('consent-lost-at-conversion fix', () => {
    it('sets the opt-out the Lead had on its Contact, certain, and only where it is missing', async () => {
        const dir = makeSnapshot({
            Lead: csv(LEAD, [
                ['00Q000000000001', 'A', 'true', '003000000000001', 'TRUE', 'false'],
                ['00Q000000000002', 'B', 'true', '003000000000002', '1', '1'],
                ['00Q000000000003', 'C', 'true', '003000000000003', 'true', 'false'],
                ['00Q000000000004', 'D', 'true', '003000000000004', 'false', 'false']
            ]),
            Contact: csv(CONTACT, [
                ['003000000000001', 'A', 'false', 'false'],
                ['003000000000002', 'B', 'true', ''],
                ['003000000000003', 'C', 'true', 'false'],
                ['003000000000004', 'D', 'false', 'true']
            ])
        });
        dirs.push(dir);
        const report = await audit(dir);
        expect(check(report, 'consent-lost-at-conversion').recordIds).toEqual(['00Q000000000001', '00Q000000000002']);
        const list = await buildFixes(report, dir);
        const consent = list.changes.filter((c) => c.checkId === 'consent-lost-at-conversion');
        expect(
            consent.map((c) => [c.object, c.record.recordId, c.field, c.currentValue, c.value, c.confidence])
        ).toEqual([
            ['Contact', '003000000000001', 'HasOptedOutOfEmail', 'false', 'true', 'certain'],
            ['Contact', '003000000000002', 'DoNotCall', '', 'true', 'certain']
        ]);
        expect(list.changes.some((c) => c.value !== 'true' && c.checkId === 'consent-lost-at-conversion')).toBe(false);
        const summary = list.checks.find((c) => c.id === 'consent-lost-at-conversion');
        expect(summary).toMatchObject({ findings: 2, certain: 2, allCertain: true });
    });
});
