/**
 * `--fixes <dir>` on the bundled sample: the files and their shape, the certain changes applied to a copy of the
 * snapshot clear every check whose fixes were all certain, and the undo files restore every value.
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT, main } from '../../src/audit/cli.js';
import { FIX_COLUMNS, type FixesSummary } from '../../src/audit/fixes/types.js';
import { applyFixDir, cells, parseCsv, readObjects } from './fixes-apply.js';
import { audit, check } from './helpers.js';

const work = mkdtempSync(path.join(os.tmpdir(), 'audit-fixes-'));
const fixesDir = path.join(work, 'fixes');
let summary: FixesSummary;
let stdout = '';

beforeAll(async () => {
    let out = '';
    const code = await main(['--as-of', '2026-11-22', '--format', 'json', '--fixes', fixesDir], {
        stdout: (t) => (out += t),
        stderr: () => undefined,
        env: {}
    });
    expect(code).toBe(0);
    stdout = out;
    summary = (JSON.parse(out) as { fixes: FixesSummary }).fixes;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('--fixes on the bundled sample', () => {
    it('writes fixes.csv with exactly the contract columns, and per object a load file and its undo file', () => {
        expect(readdirSync(fixesDir).sort()).toEqual([
            'Contact.csv',
            'Contact.undo.csv',
            'Lead.csv',
            'Lead.undo.csv',
            'Opportunity.csv',
            'Opportunity.undo.csv',
            'fixes.csv'
        ]);
        const text = readFileSync(path.join(fixesDir, 'fixes.csv'), 'utf8');
        expect(text.charCodeAt(0)).not.toBe(0xfeff); // no byte order mark: Bulk API would read it into "Id"
        expect(text).not.toContain('\r'); // LF, as the printed --line-ending LF says
        const [header, ...rows] = parseCsv(text);
        expect(header).toEqual([...FIX_COLUMNS]);
        expect(rows.length).toBe(summary.rows);
        for (const r of rows) expect(['certain', 'suggested']).toContain(r[9]);
        // the Opportunity rows carry the amount; every row names its record
        const opp = readObjects(path.join(fixesDir, 'fixes.csv')).filter((r) => r.object === 'Opportunity');
        expect(opp.length).toBeGreaterThan(0);
        for (const r of opp) {
            expect(r.amount).toMatch(/^\d+$/);
            expect(r.recordName).not.toBe('');
        }
    });

    it('load files start with Id and hold only certain changes; the summary prints the sf command', () => {
        const certain = readObjects(path.join(fixesDir, 'fixes.csv')).filter((r) => r.confidence === 'certain');
        for (const f of summary.files) {
            const [header, ...rows] = parseCsv(readFileSync(path.join(fixesDir, f.file), 'utf8'));
            expect(header?.[0]).toBe('Id');
            const expected = certain.filter((r) => r.object === f.object);
            const written = rows.flatMap((r) =>
                (header ?? []).slice(1).flatMap((field, i) => (r[i + 1] ? [`${r[0]}/${field}/${r[i + 1]}`] : []))
            );
            expect(written.sort()).toEqual(expected.map((r) => `${r.recordId}/${r.field}/${r.suggestedValue}`).sort());
        }
        expect(summary.load.command).toMatch(
            /^sf data update bulk --sobject \w+ --file .+\.csv --line-ending LF --wait 10 --target-org <alias>$/
        );
    });

    it('applied to a copy of the snapshot, the certain changes leave zero findings of each all-certain check', async () => {
        const before = await audit(DEFAULT_SNAPSHOT);
        const fixed = applyFixDir(DEFAULT_SNAPSHOT, fixesDir, 'update');
        try {
            const after = await audit(fixed);
            const allCertain = summary.checks.filter((c) => c.allCertain && c.findings > 0).map((c) => c.id);
            // the four carry-over checks and the lost opt-outs are fully derivable on the sample (not vacuous)
            expect(allCertain).toEqual(
                expect.arrayContaining([
                    'converted-lead-lost-lead-source',
                    'converted-lead-lost-persona',
                    'converted-lead-lost-utm',
                    'converted-lead-lost-campaign',
                    'consent-lost-at-conversion'
                ])
            );
            for (const id of allCertain) expect(check(after, id).count, id).toBe(0);
            // drift keeps exactly the findings without a certain fix; a campaign carried over also clears the
            // Opportunity's missing Primary Campaign Source
            const drift = summary.checks.find((c) => c.id === 'lead-source-drift');
            expect(check(after, 'lead-source-drift').count).toBe((drift?.findings ?? 0) - (drift?.certain ?? 0));
            const pcs = summary.checks.find((c) => c.id === 'opportunity-missing-primary-campaign');
            expect(check(after, 'opportunity-missing-primary-campaign').count).toBe(
                check(before, 'opportunity-missing-primary-campaign').count - (pcs?.certain ?? 0)
            );
            // checks without a fix are untouched
            expect(check(after, 'duplicate-lead-email').count).toBe(check(before, 'duplicate-lead-email').count);
        } finally {
            rmSync(fixed, { recursive: true, force: true });
        }
    });

    it('the undo files restore every value the fixes changed (blanks through #N/A)', () => {
        const objects = ['Lead', 'Contact', 'Opportunity'];
        const original = cells(DEFAULT_SNAPSHOT, objects);
        const fixed = applyFixDir(DEFAULT_SNAPSHOT, fixesDir, 'update');
        try {
            const changed = [...cells(fixed, objects)].filter(([k, v]) => original.get(k) !== v);
            expect(changed.length).toBe(summary.certain);
            applyFixDir(DEFAULT_SNAPSHOT, fixesDir, 'undo', fixed);
            expect(cells(fixed, objects)).toEqual(original);
            const undo = readFileSync(path.join(fixesDir, 'Opportunity.undo.csv'), 'utf8');
            expect(undo).toContain('"#N/A"'); // the sample's lost values were blank on the Opportunity
        } finally {
            rmSync(fixed, { recursive: true, force: true });
        }
    });

    it('the report says which checks have no derivable fix, and why', () => {
        const role = summary.checks.find((c) => c.id === 'opportunity-missing-contact-role');
        expect(role?.unfixable).toBe(role?.findings);
        expect(role?.note).toMatch(/^no fix derived: a Contact Role is a new OpportunityContactRole/);
        const drift = summary.checks.find((c) => c.id === 'lead-source-drift');
        expect(drift?.note).toMatch(/"Trade Show" is close to no governed value/);
        expect(stdout).toContain('"fixes"');
    });

    it('the terminal summary shows the fix list and the load command within 100 columns', async () => {
        let out = '';
        const dir = path.join(work, 'fixes-terminal');
        const code = await main(['--as-of', '2026-11-22', '--fixes', dir], {
            stdout: (t) => (out += t),
            stderr: () => undefined,
            env: {}
        });
        expect(code).toBe(0);
        expect(out).toContain(`Fix list written to ${dir}:`);
        expect(out).toContain('Load: sf data update bulk --sobject');
        expect(out).toMatch(/converted-lead-lost-persona: 4 findings: 4 certain, 0 to confirm, 0 without a fix/);
        for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
        expect(existsSync(path.join(dir, 'fixes.csv'))).toBe(true);
    });
});
