/**
 * A saved org snapshot re-audited later gives the same answer as the original run: the org run writes
 * `audit-context.json` (rules, governed Lead Source values, converted statuses, as-of date) into the saved snapshot,
 * and a snapshot run reuses it unless a flag overrides it, and says so. Without the file the answer differs (the
 * seeded defect: the demo-org Lead Source list instead of the org's). The org source also writes a fix list.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTEXT_FILE } from '../../src/audit/baseline/context.js';
import { main } from '../../src/audit/cli.js';
import { runOrgCli } from '../audit-org/cli-harness.js';
import { LEAD_SOURCES, TOKEN, mockOrg } from '../audit-org/fixtures.js';
import { startMockServer, type MockServer } from '../audit-org/mock-server.js';

type Report = {
    asOf: string;
    governedLeadSources: string[];
    rules: Record<string, unknown>;
    checks: { id: string; status: string; count: number; recordIds: string[] }[];
    context?: { file: string; reused: string[]; overridden: string[] };
};

const work = mkdtempSync(path.join(os.tmpdir(), 'audit-context-'));
const saved = path.join(work, 'saved');
let server: MockServer;
let orgReport: Report;

async function snapshotRun(args: string[]): Promise<{ code: number; report?: Report; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(['--snapshot', saved, ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {}
    });
    return {
        code,
        stdout,
        stderr,
        ...(code === 0 && args.includes('json') ? { report: JSON.parse(stdout) as Report } : {})
    };
}

const answer = (r: Report | undefined) => r?.checks.map((c) => ({ id: c.id, count: c.count, ids: c.recordIds }));

beforeAll(async () => {
    server = await startMockServer({ objects: mockOrg({ leads: 300 }), token: TOKEN });
    const run = await runOrgCli(server, ['--format', 'json', '--save-snapshot', saved]);
    expect(run.code).toBe(0);
    orgReport = JSON.parse(run.stdout) as Report;
});
afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
});

describe('audit-context.json', () => {
    it('the org run records what it used in the saved snapshot', () => {
        const context = JSON.parse(readFileSync(path.join(saved, CONTEXT_FILE), 'utf8')) as Record<string, unknown>;
        expect(context).toMatchObject({
            version: 1,
            asOf: '2026-11-01',
            governedLeadSources: orgReport.governedLeadSources,
            rules: orgReport.rules
        });
        expect(orgReport.governedLeadSources).toEqual(LEAD_SOURCES); // the org's active picklist values
    });

    it('re-auditing the saved snapshot later (no flags) gives the same answer, and the report says why', async () => {
        const { code, report } = await snapshotRun(['--format', 'json']);
        expect(code).toBe(0);
        expect(report?.asOf).toBe('2026-11-01');
        expect(report?.governedLeadSources).toEqual(orgReport.governedLeadSources);
        expect(answer(report)).toEqual(answer(orgReport));
        expect(report?.context).toMatchObject({
            file: path.join(saved, CONTEXT_FILE),
            reused: ['rules', 'governed Lead Source values', 'as-of date', 'converted statuses'],
            overridden: []
        });
        const terminal = await snapshotRun([]);
        expect(terminal.stdout).toMatch(/Reused from .*audit-context\.json \(recorded /);
    });

    it('an explicit flag wins over the recorded value, and is named', async () => {
        const { report } = await snapshotRun(['--format', 'json', '--as-of', '2026-12-01']);
        expect(report?.asOf).toBe('2026-12-01');
        expect(report?.context?.overridden).toEqual(['as-of date']);
    });

    it('without the file the same snapshot gives another answer (the org’s governed values are lost)', async () => {
        const file = path.join(saved, CONTEXT_FILE);
        const kept = readFileSync(file, 'utf8');
        rmSync(file);
        try {
            const { report } = await snapshotRun(['--format', 'json', '--as-of', '2026-11-01']);
            expect(report?.context).toBeUndefined();
            expect(report?.governedLeadSources).not.toEqual(orgReport.governedLeadSources);
            expect(answer(report)).not.toEqual(answer(orgReport));
        } finally {
            writeFileSync(file, kept);
        }
    });

    it('a damaged file is exit 2 naming the file and the field', async () => {
        const file = path.join(saved, CONTEXT_FILE);
        const kept = readFileSync(file, 'utf8');
        try {
            writeFileSync(file, JSON.stringify({ ...JSON.parse(kept), asOf: 'yesterday' }));
            const bad = await snapshotRun([]);
            expect(bad.code).toBe(2);
            expect(bad.stderr).toContain(`${file}: field "asOf": expected YYYY-MM-DD`);
            writeFileSync(file, '{');
            expect((await snapshotRun([])).stderr).toMatch(/audit-context\.json: not valid JSON/);
        } finally {
            writeFileSync(file, kept);
        }
    });

    it('an org run writes a fix list too (from the pulled records, before they are removed)', async () => {
        const fixes = path.join(work, 'org-fixes');
        const run = await runOrgCli(server, ['--quiet', '--fixes', fixes]);
        expect(run.code).toBe(0);
        expect(existsSync(path.join(fixes, 'fixes.csv'))).toBe(true);
        expect(readFileSync(path.join(fixes, 'fixes.csv'), 'utf8').split('\n')[0]).toBe(
            '"checkId","object","recordId","recordName","ownerId","amount","field","currentValue","suggestedValue","confidence","reason"'
        );
    });
});
