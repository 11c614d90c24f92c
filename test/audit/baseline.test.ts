/**
 * `--baseline <earlier report.json>`: per check the count then and now, the records newly broken and fixed, in every
 * format; a baseline from another check set; a bad baseline file is exit 2 naming the file and the field.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT, main } from '../../src/audit/cli.js';
import { parseBaseline } from '../../src/audit/baseline/schema.js';
import type { Trend } from '../../src/audit/baseline/trend.js';
import { applyFixDir, parseCsv } from './fixes-apply.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'audit-baseline-'));
const baselineFile = path.join(work, 'then.json');
const fixesDir = path.join(work, 'fixes');
let fixedSnapshot: string;
let then: { checks: { id: string; recordIds: string[]; count: number }[] };

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(['--as-of', '2026-11-22', ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {}
    });
    return { code, stdout, stderr };
}

beforeAll(async () => {
    // then: the sample as it is; now: the sample with the fix list's certain changes loaded
    const first = await cli(['--format', 'json', '--out', baselineFile, '--fixes', fixesDir, '--quiet']);
    expect(first.code).toBe(0);
    then = JSON.parse(readFileSync(baselineFile, 'utf8')) as typeof then;
    fixedSnapshot = applyFixDir(DEFAULT_SNAPSHOT, fixesDir, 'update');
});
afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    rmSync(fixedSnapshot, { recursive: true, force: true });
});

function trendOf(stdout: string): Trend {
    return (JSON.parse(stdout) as { trend: Trend }).trend;
}

describe('--baseline', () => {
    it('per check: count then and now; the records the fixes repaired are "fixed", none newly broken', async () => {
        const { code, stdout } = await cli([
            '--snapshot',
            fixedSnapshot,
            '--format',
            'json',
            '--baseline',
            baselineFile
        ]);
        expect(code).toBe(0);
        const trend = trendOf(stdout);
        expect(trend.baseline).toMatchObject({ file: baselineFile, asOf: '2026-11-22' });
        const persona = trend.checks.find((c) => c.id === 'converted-lead-lost-persona');
        const thenPersona = then.checks.find((c) => c.id === 'converted-lead-lost-persona');
        expect(persona).toMatchObject({
            then: { status: 'fail', count: 4 },
            now: { status: 'pass', count: 0 },
            delta: -4
        });
        expect(persona?.fixed).toEqual([...(thenPersona?.recordIds ?? [])].sort());
        expect(persona?.newlyBroken).toEqual([]);
        const dup = trend.checks.find((c) => c.id === 'duplicate-lead-email');
        expect(dup).toMatchObject({ delta: 0, fixed: [], newlyBroken: [] });
        expect(trend.notes).toEqual([]);
    });

    it('records broken since the baseline are "newly broken"', async () => {
        // the fixed snapshot's run as the baseline, the sample (values lost again) now
        const fixedRun = path.join(work, 'fixed.json');
        expect((await cli(['--snapshot', fixedSnapshot, '--format', 'json', '--out', fixedRun, '--quiet'])).code).toBe(
            0
        );
        const { stdout } = await cli(['--format', 'json', '--baseline', fixedRun]);
        const utm = trendOf(stdout).checks.find((c) => c.id === 'converted-lead-lost-utm');
        expect(utm?.newlyBroken).toEqual(then.checks.find((c) => c.id === 'converted-lead-lost-utm')?.recordIds);
        expect(utm?.newlyBroken).toHaveLength(3);
        expect(utm?.fixed).toEqual([]);
    });

    it('a baseline from another check set: a check absent then, a check no longer run, a check skipped then', async () => {
        const other = JSON.parse(readFileSync(baselineFile, 'utf8')) as {
            checks: { id: string; status: string; count: number; recordIds: string[] }[];
            rules: Record<string, unknown>;
        };
        other.checks = other.checks.filter((c) => c.id !== 'lead-status-mismatch');
        other.checks.push({ id: 'retired-check', status: 'fail', count: 2, recordIds: ['a', 'b'] });
        const aged = other.checks.find((c) => c.id === 'aged-open-lead');
        if (aged) Object.assign(aged, { status: 'skipped', count: 0, recordIds: [] });
        other.rules = { ...other.rules, agedLeadDays: 99 };
        const file = path.join(work, 'other.json');
        writeFileSync(file, JSON.stringify(other));
        const { code, stdout } = await cli(['--format', 'json', '--baseline', file]);
        expect(code).toBe(0);
        const trend = trendOf(stdout);
        expect(trend.checks.find((c) => c.id === 'lead-status-mismatch')).toMatchObject({
            then: null,
            delta: null,
            note: 'not in the baseline (a check added since)'
        });
        expect(trend.checks.find((c) => c.id === 'retired-check')).toMatchObject({
            now: null,
            then: { count: 2 },
            note: 'not run now (a check removed or renamed since)'
        });
        expect(trend.checks.find((c) => c.id === 'aged-open-lead')).toMatchObject({
            delta: null,
            newlyBroken: [],
            note: 'skipped then: nothing to compare'
        });
        expect(trend.notes).toEqual(['the rules differ from the baseline run’s: counts may change because of them']);
    });

    it('is in every format: terminal, CSV (countThen, trend), HTML', async () => {
        const args = ['--snapshot', fixedSnapshot, '--baseline', baselineFile];
        const terminal = (await cli(args)).stdout;
        expect(terminal).toContain(`Trend since ${baselineFile}`);
        expect(terminal).toMatch(
            /converted-lead-lost-persona: 4 → 0 \(-4\); fixed 4: 00Q\w{15},\s+00Q\w{15},\s+00Q\w{15},\s+\+1 more records/
        );
        for (const line of terminal.split('\n')) expect(line.length).toBeLessThanOrEqual(100);

        const rows = parseCsv((await cli([...args, '--format', 'csv'])).stdout);
        expect(rows[0]).toEqual([
            'check',
            'status',
            'count',
            'population',
            'share',
            'recordId',
            'reason',
            'openPipeline',
            'closedWonAmount',
            'ownerId',
            'ownerName',
            'ownerRecords',
            'countThen',
            'trend'
        ]);
        const fixedRows = rows.filter((r) => r[0] === 'converted-lead-lost-persona' && r[13] === 'fixed');
        expect(fixedRows.map((r) => r[5]).sort()).toEqual(
            [...(then.checks.find((c) => c.id === 'converted-lead-lost-persona')?.recordIds ?? [])].sort()
        );
        expect(fixedRows.every((r) => r[12] === '4')).toBe(true);
        expect(rows.filter((r) => r[0] === 'duplicate-lead-email' && r[5] !== '').every((r) => r[13] === 'still')).toBe(
            true
        );

        const html = (await cli([...args, '--format', 'html'])).stdout;
        expect(html).toContain('<h2>Trend</h2>');
        expect(html).toMatch(
            /<td><code>converted-lead-lost-persona<\/code><\/td><td class="n">4<\/td><td class="n">0<\/td><td class="n">-4<\/td>/
        );
    });

    it('a bad baseline is exit 2 naming the file and the field', async () => {
        const notJson = path.join(work, 'bad.json');
        writeFileSync(notJson, '{"checks": [');
        const a = await cli(['--baseline', notJson]);
        expect(a.code).toBe(2);
        expect(a.stderr).toMatch(new RegExp(`--baseline ${notJson}: not valid JSON`));

        const wrong = JSON.parse(readFileSync(baselineFile, 'utf8')) as { checks: Record<string, unknown>[] };
        const third = wrong.checks[2];
        if (third) third.recordIds = 'x';
        const wrongFile = path.join(work, 'wrong.json');
        writeFileSync(wrongFile, JSON.stringify(wrong));
        const b = await cli(['--baseline', wrongFile]);
        expect(b.code).toBe(2);
        expect(b.stderr).toContain(
            `--baseline ${wrongFile}: field "checks.2.recordIds": Expected array, received string`
        );

        const c = await cli(['--baseline', path.join(work, 'missing.json')]);
        expect(c.code).toBe(2);
        expect(c.stderr).toMatch(/--baseline .*missing\.json: cannot read \(ENOENT\)/);
        expect(() => parseBaseline('{"generatedAt":"x","asOf":"y"}', 'f.json')).toThrow(
            'f.json: field "checks": Required'
        );
        expect(() =>
            parseBaseline(
                JSON.stringify({
                    generatedAt: 'x',
                    asOf: 'y',
                    checks: [1, 2].map(() => ({ id: 'a', status: 'pass', count: 0, recordIds: [] }))
                }),
                'dup.json'
            )
        ).toThrow('field "checks": check "a" appears twice');
    });
});
