/**
 * The audit CLI (`main`) reading the mock org from the environment: report from the org, exit code 3 on org/API
 * failures, nothing saved on failure, and the token never printed.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runOrgCli } from './cli-harness.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type Faults, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
let work: string;

beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'audit-org-cli-'));
});

afterEach(async () => {
    if (server) expect(server.violations).toEqual([]);
    await server?.close();
    server = undefined;
    await rm(work, { recursive: true, force: true });
});

async function cli(args: string[], faults: Faults = {}) {
    server = await startMockServer({ objects: mockOrg({ leads: 10_200 }), token: TOKEN, faults });
    return runOrgCli(server, args);
}

describe('audit CLI against the mock org', () => {
    it('audits the org, reports the API requests used, and keeps the snapshot when asked', async () => {
        const saved = join(work, 'saved');
        const { code, stdout, stderr, server } = await cli(['--format', 'json', '--save-snapshot', saved]);
        expect(code).toBe(0);
        // stdout carries only the JSON report (pipeable); the request summary goes to stderr
        const report = JSON.parse(stdout) as {
            source: { kind: string; org: { requestsUsed: number; objects: Record<string, { via: string }> } };
        };
        expect(report.source.kind).toBe('org');
        expect(report.source.org.requestsUsed).toBe(server.requests.length);
        expect(report.source.org.objects.Lead?.via).toBe('bulk2');
        expect(stderr).toContain(`API requests used: ${server.requests.length}`);
        expect((await readdir(saved)).filter((f) => f.endsWith('.csv'))).toHaveLength(8); // the fixture org has no OpportunityHistory
    });

    it('exits 3 with "session expired" on 401', async () => {
        const { code, stderr } = await cli([], { unauthorized: true });
        expect(code).toBe(3);
        expect(stderr).toMatch(/session expired or invalid/);
    });

    it('exits 3 and saves nothing when the request budget would be exceeded', async () => {
        const saved = join(work, 'saved');
        const { code, stderr, server } = await cli(['--save-snapshot', saved, '--max-api-requests', '5']);
        expect(code).toBe(3);
        expect(stderr).toMatch(/--max-api-requests 5/);
        expect(server.requests.length).toBeLessThanOrEqual(5);
        expect(existsSync(saved)).toBe(false);
        expect(await readdir(work)).toEqual([]);
    });

    it('exits 3 on REQUEST_LIMIT_EXCEEDED and on a connection that keeps dropping', async () => {
        const limited = await cli([], { limitExceededAfter: 3 });
        expect(limited.code).toBe(3);
        expect(limited.stderr).toMatch(/REQUEST_LIMIT_EXCEEDED/);
        await server?.close();
        const dropped = await cli([], { drop: { match: /describe/, times: Infinity } });
        expect(dropped.code).toBe(3);
        expect(dropped.stderr).toMatch(/connection failed/);
    });
});
