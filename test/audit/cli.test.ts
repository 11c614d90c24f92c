/**
 * The CLI: default run on the bundled sample, report formats, atomic --out, --fail-on thresholds and exit codes
 * (0 within threshold, 1 over, 2 bad usage/input, 3 org failure), and no token in any output.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/audit/cli.js';
import { CHECK_IDS } from '../../src/audit/checks/index.js';
import { CSV_HEADER } from '../../src/audit/report/csv.js';
import { makeSnapshot } from './helpers.js';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const code = await main(args, { stdout: (t) => (out += t), stderr: (t) => (err += t), env });
    return { code, out, err };
}
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'audit-cli-'));

describe('audit CLI', () => {
    it('audits the bundled sample by default and prints the summary, funnel and health line', async () => {
        const r = await cli(['--as-of', '2026-11-22']);
        expect(r.code).toBe(0);
        for (const id of CHECK_IDS) expect(r.out).toContain(id);
        expect(r.out).toMatch(/data\/sample-snapshot as of 2026-11-22/);
        expect(r.out).toMatch(/│ aged-open-lead\s+│ fail\s+│\s+9 │\s+135 │\s+6\.7% │/);
        expect(r.out).toMatch(/Pipeline \(open \+ won\): marketing-sourced/);
        expect(r.out).toMatch(/^Health: \d+\.\d\/100 · 14 of 14 checks with findings · 0 skipped$/m);
    });

    it('writes JSON atomically to --out and still prints the summary', async () => {
        const dir = tmp();
        const out = path.join(dir, 'nested', 'report.json');
        const r = await cli(['--as-of', '2026-11-22', '--format', 'json', '--out', out]);
        expect(r.code).toBe(0);
        expect(r.out).toContain(`Report written to ${out} (json)`);
        const report = JSON.parse(readFileSync(out, 'utf8')) as {
            asOf: string;
            checks: { id: string; status: string; count: number; recordIds: string[] }[];
            funnel: unknown;
            health: { score: number };
        };
        expect(report.asOf).toBe('2026-11-22');
        expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
        expect(report.checks.every((c) => c.recordIds.length === c.count && c.status === 'fail')).toBe(true);
        expect(readdirSync(path.dirname(out))).toEqual(['report.json']);
    });

    it('prints CSV (one row per offending record) and HTML to stdout', async () => {
        const csv = await cli(['--as-of', '2026-11-22', '--format', 'csv']);
        const lines = csv.out.trim().split('\r\n');
        expect(lines[0]).toBe(CSV_HEADER);
        const records = lines.filter((l) => l.startsWith('lead-status-mismatch,') && l.split(',')[5] !== '');
        expect(records).toHaveLength(3);
        const html = await cli(['--as-of', '2026-11-22', '--format', 'html']);
        expect(html.out).toMatch(/^<!doctype html>/);
        expect(html.out).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    });

    it.each([
        [['--fail-on', 'any'], 1],
        [['--fail-on', '12'], 1],
        [['--fail-on', '13'], 0],
        [['--fail-on', '5%'], 1],
        [['--fail-on', '10%'], 0],
        [['--fail-on', 'none'], 0]
    ])('--fail-on %j exits %i', async (args, code) => {
        const r = await cli(['--as-of', '2026-11-22', '--quiet', ...args]);
        expect(r.code).toBe(code);
        expect(r.out).toBe('');
    });

    it.each([
        [['--bogus']],
        [['--format', 'xml']],
        [['--as-of', '2026-13-01']],
        [['--fail-on', 'lots']],
        [['--snapshot', 'x', '--target-org', 'y']],
        [['--max-api-requests', '10']],
        [['--snapshot', '/nonexistent/dir']]
    ])('bad usage %j exits 2 with a message', async (args) => {
        const r = await cli(args);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/error/);
    });

    it('a malformed CSV exits 2 naming file and line, and writes no report', async () => {
        const dir = makeSnapshot({ Lead: 'Id,Email\n00Q000000000001,a@x.com\n00Q000000000002,"b@x.com\n' });
        const out = path.join(tmp(), 'r.json');
        const r = await cli(['--snapshot', dir, '--format', 'json', '--out', out]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/Lead\.csv: line \d+:/);
        expect(existsSync(out)).toBe(false);
        expect(r.out).toBe('');
    });

    it('a bad --rules file exits 2 naming the field', async () => {
        const file = path.join(tmp(), 'rules.json');
        writeFileSync(file, JSON.stringify({ agedLeadDays: 'thirty' }));
        const r = await cli(['--rules', file]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/rules\.json: field "agedLeadDays"/);
    });

    it('applies --rules and --governed-lead-sources', async () => {
        const file = path.join(tmp(), 'rules.json');
        writeFileSync(file, JSON.stringify({ agedLeadDays: 365 }));
        const r = await cli([
            '--as-of',
            '2026-11-22',
            '--rules',
            file,
            '--governed-lead-sources',
            'Web,Webinar',
            '--format',
            'json'
        ]);
        const report = JSON.parse(r.out) as { checks: { id: string; count: number }[] };
        expect(report.checks.find((c) => c.id === 'aged-open-lead')?.count).toBe(0);
        expect(report.checks.find((c) => c.id === 'lead-source-drift')?.count).toBeGreaterThan(300);
    });

    const token = '00D000000000001!AQ0AQsecretTokenValue1234567890';

    it('incomplete org settings exit 2 and never print the token', async () => {
        const r = await cli(['--org-from-env'], { SF_ACCESS_TOKEN: token });
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/SF_INSTANCE_URL/);
        expect(r.err + r.out).not.toContain('secretToken');
    });

    it('an unreachable org exits 3 and never prints the token', { timeout: 30_000 }, async () => {
        const server = net.createServer();
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const port = (server.address() as net.AddressInfo).port;
        await new Promise<void>((resolve) => server.close(() => resolve()));
        const r = await cli(['--org-from-env', '--quiet'], {
            SF_ACCESS_TOKEN: token,
            SF_INSTANCE_URL: `http://127.0.0.1:${port}`
        });
        expect(r.code).toBe(3);
        expect(r.err).toMatch(/^error: /);
        expect(r.err + r.out).not.toContain('secretToken');
    });

    it('`tsx src/audit/cli.ts` sets the process exit code', () => {
        const res = spawnSync(
            process.execPath,
            ['--import', 'tsx', 'src/audit/cli.ts', '--as-of', '2026-11-22', '--fail-on', 'any', '--quiet'],
            { encoding: 'utf8' }
        );
        expect(res.stderr).toBe('');
        expect(res.status).toBe(1);
    });
});
