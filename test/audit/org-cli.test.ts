/**
 * The CLI's org wiring against the org source's mock Salesforce server: the same engine audits the pulled snapshot,
 * the report names the org source and the API requests used, JSON on stdout stays parseable (the request count goes
 * to stderr), and the terminal summary shows the requests used and the org's remaining allowance.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/audit/cli.js';
import { CHECK_IDS } from '../../src/audit/checks/index.js';
import { mockOrg, TOKEN } from '../audit-org/fixtures.js';
import { startMockServer, type MockServer } from '../audit-org/mock-server.js';

let server: MockServer | undefined;
afterEach(async () => {
    if (server) expect(server.violations).toEqual([]);
    await server?.close();
    server = undefined;
});

async function run(args: string[]): Promise<{ code: number; out: string; err: string; server: MockServer }> {
    server = await startMockServer({
        objects: mockOrg({ leads: 300 }),
        token: TOKEN,
        apiUsage: { used: 1200, limit: 15000 }
    });
    let out = '';
    let err = '';
    const code = await main(['--org-from-env', '--as-of', '2026-11-01', ...args], {
        stdout: (t) => (out += t),
        stderr: (t) => (err += t),
        env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url }
    });
    expect(out + err).not.toContain(TOKEN);
    return { code, out, err, server };
}

describe('audit CLI over an org (mock server)', () => {
    it('prints a parseable JSON report on stdout and the request count on stderr', { timeout: 30_000 }, async () => {
        const r = await run(['--format', 'json', '--max-api-requests', '200']);
        expect(r.code).toBe(0);
        const report = JSON.parse(r.out) as {
            source: { kind: string; org: { requestsUsed: number; maxApiRequests: number } };
            checks: { id: string }[];
        };
        expect(report.source.kind).toBe('org');
        expect(report.source.org.requestsUsed).toBe(r.server.requests.length);
        expect(report.source.org.maxApiRequests).toBe(200);
        expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
        expect(r.err).toMatch(new RegExp(`^API requests used: ${r.server.requests.length} of --max-api-requests 200`));
    });

    it('shows the requests used and the allowance left in the terminal summary', { timeout: 30_000 }, async () => {
        const r = await run([]);
        expect(r.code).toBe(0);
        expect(r.out).toMatch(/^Attribution audit of org snapshot /);
        expect(r.out).toMatch(/^API requests used: \d+ · org allowance [\d,]+\/15,000 used \([\d,]+ left\)$/m);
    });
});
