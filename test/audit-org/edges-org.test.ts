/**
 * Edges of the org source a new user hit: a hung org (per-request timeout, bounded retries, exit 3 naming the
 * request), progress from the first request, a Bulk result count that differs from COUNT(), result pages smaller
 * than asked for (the budget follows what the org returns), and conflicting login flags.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_REQUEST_TIMEOUT_S } from '../../src/audit/cli.js';
import { tempTag } from '../../src/audit/cleanup.js';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { DEFAULT_REQUEST_TIMEOUT_MS } from '../../src/audit/org/http.js';
import { createProgressReporter, progressLine } from '../../src/audit/org/progress.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import type { PullProgress } from '../../src/audit/org/types.js';
import { fakeTty, runOrgCli } from './cli-harness.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type Faults, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
let work: string;

beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'audit-org-edges-'));
});

afterEach(async () => {
    vi.useRealTimers();
    if (server) expect(server.violations).toEqual([]);
    await server?.close();
    server = undefined;
    await rm(work, { recursive: true, force: true });
});

async function cli(args: string[], faults: Faults = {}, leads = 10_200) {
    server = await startMockServer({ objects: mockOrg({ leads }), token: TOKEN, faults });
    return runOrgCli(server, args);
}

const ownTemp = (): string[] => readdirSync(tmpdir()).filter((e) => e.includes(tempTag()));

describe('a hung org', () => {
    it('times out each request, retries once, then exits 3 naming the request; nothing left behind', async () => {
        const saved = join(work, 'saved');
        const { code, stderr, server } = await cli(['--request-timeout', '0.3', '--save-snapshot', saved], {
            hang: { match: /\/sobjects\/Lead\/describe/, times: Infinity }
        });
        expect(code).toBe(3);
        expect(stderr).toMatch(
            /describe Lead: the org did not answer within 0\.3 s \(--request-timeout 0\.3\) on 2 attempts/
        );
        expect(server.count(/\/sobjects\/Lead\/describe/)).toBe(2);
        expect(await readdir(work)).toEqual([]);
        expect(ownTemp()).toEqual([]);
    });

    it('a request that hangs once is retried and the run succeeds', async () => {
        const { code, stdout, server } = await cli(['--request-timeout', '0.3', '--format', 'json'], {
            hang: { match: /\/sobjects\/Contact\/describe/, times: 1 }
        });
        expect(code).toBe(0);
        expect(server.count(/\/sobjects\/Contact\/describe/)).toBe(2);
        expect(JSON.parse(stdout)).toHaveProperty('checks');
    });

    it('a hung Bulk job create is not re-sent (a POST), and the message says so', async () => {
        const { code, stderr, server } = await cli(['--request-timeout', '0.3'], {
            hang: { match: /\/jobs\/query$/, times: Infinity }
        });
        expect(code).toBe(3);
        expect(stderr).toMatch(/create the Lead query job: the org did not answer within 0\.3 s .*only attempt/);
        expect(server.count(/\/jobs\/query$/)).toBe(1);
    });

    it('rejects a timeout that is not a positive number of seconds; the default is 120 s in both places', async () => {
        for (const bad of ['0', '-1', 'soon']) {
            const { code, stderr } = await cli(['--request-timeout', bad]);
            expect(code).toBe(2);
            expect(stderr).toMatch(/--request-timeout/);
            await server?.close();
            server = undefined;
        }
        expect(DEFAULT_REQUEST_TIMEOUT_S * 1000).toBe(DEFAULT_REQUEST_TIMEOUT_MS);
        expect(DEFAULT_REQUEST_TIMEOUT_MS).toBe(120_000);
    });
});

describe('progress', () => {
    it('starts before the first request: planning is reported with its position', async () => {
        server = await startMockServer({ objects: mockOrg({ leads: 50 }), token: TOKEN });
        const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
        const seen: { event: PullProgress; requests: number }[] = [];
        const mock = server;
        await pullOrgSnapshot(conn, {
            outDir: join(work, 'snap'),
            onProgress: (event) => seen.push({ event, requests: mock.requests.length })
        });
        expect(seen[0]).toMatchObject({ event: { object: 'Lead', phase: 'plan', step: 1 }, requests: 0 });
        expect(seen[0]?.event.steps).toBeGreaterThan(5);
    });

    it('off a TTY: one line a minute (fake clock), nothing before the first minute', () => {
        vi.useFakeTimers();
        const stream = new PassThrough() as unknown as NodeJS.WriteStream;
        let out = '';
        (stream as unknown as PassThrough).on('data', (c: Buffer) => (out += c.toString()));
        const reporter = createProgressReporter(stream);
        reporter.onProgress({ object: 'Lead', phase: 'plan', records: 0, requestsUsed: 0, step: 1, steps: 9 });
        vi.advanceTimersByTime(59_999);
        expect(out).toBe('');
        vi.advanceTimersByTime(1);
        expect(out).toBe(
            'audit: planning Lead (object 1 of 9): describe + COUNT() · 0 API requests · 1 min 0 s elapsed\n'
        );
        reporter.onProgress({
            object: 'Lead',
            phase: 'pull',
            via: 'bulk2',
            records: 50_000,
            total: 1_000_000,
            requestsUsed: 21
        });
        vi.advanceTimersByTime(60_000);
        expect(out.split('\n')[1]).toBe(
            'audit: pulling Lead 50,000/1,000,000 records via bulk2 · 21 API requests · 2 min 0 s elapsed'
        );
        reporter.stop();
        vi.advanceTimersByTime(600_000);
        expect(out.split('\n').filter(Boolean)).toHaveLength(2);
        expect(progressLine(undefined, 5_000)).toBe('audit: connecting to the org · 5 s elapsed');
    });

    it('on a TTY: a planning bar from the first request', () => {
        const tty = fakeTty();
        const reporter = createProgressReporter(tty.stream);
        reporter.onProgress({ object: 'Lead', phase: 'plan', records: 0, requestsUsed: 0, step: 1, steps: 9 });
        reporter.stop();
        expect(tty.output()).toMatch(/planning Lead\s+\|.*\| 0\/9 objects via describe \+ COUNT\(\) · 0 API requests/);
    });
});

describe('counts and budgets', () => {
    it('a Bulk result count that differs from COUNT() is a warning in the report', async () => {
        const { code, stdout, stderr } = await cli(['--format', 'json'], { countOffset: { Lead: 7 } });
        expect(code).toBe(0);
        const report = JSON.parse(stdout) as { warnings: string[] };
        expect(report.warnings).toContainEqual(
            expect.stringMatching(
                /^Lead: the org's COUNT\(\) said 10,207 records but 10,200 were read over Bulk API 2\.0/
            )
        );
        expect(stderr).toBe(stderr.replace(/warning/g, '')); // the warning is in the report, stdout stays JSON
        const text = await cli([], { countOffset: { Lead: 7 } });
        expect(text.stdout).toMatch(/warning: Lead: the org's COUNT\(\) said 10,207 records/);
    });

    it('the request budget follows the page size the org actually returns', async () => {
        // Lead: 10,200 records over Bulk; the plan assumes 50,000-record pages (1 page) but the org returns 1,000
        const budget = 40; // enough with the assumed 50,000-record pages, too few with the 1,000-record pages returned
        const { code, stderr, server } = await cli(['--max-api-requests', String(budget)], { bulkPageCap: 1_000 });
        expect(code).toBe(3);
        expect(stderr).toMatch(
            /the org returns 1,000 Lead records per Bulk API 2\.0 result page \(50,000 were assumed\); reading the rest needs at least \d+ more requests but only \d+ of --max-api-requests 40 remain/
        );
        // it stopped after the first result page instead of spending the budget first
        expect(server.count(/\/results/)).toBe(1);
        expect(server.requests.length).toBeLessThan(budget);
    });

    it('with enough budget the small pages are all read', async () => {
        const { code, stdout } = await cli(['--format', 'json', '--max-api-requests', '60'], { bulkPageCap: 1_000 });
        expect(code).toBe(0);
        const report = JSON.parse(stdout) as {
            source: { objects: Record<string, { rows: number }> };
            warnings: string[];
        };
        expect(report.source.objects.Lead?.rows).toBe(10_200);
        expect(report.warnings.filter((w) => w.includes('COUNT()'))).toEqual([]);
    });
});

describe('--out with an org', () => {
    it('inside the --save-snapshot directory is refused before any request', async () => {
        const saved = join(work, 'saved');
        const { code, stderr, server } = await cli(['--save-snapshot', saved, '--out', join(saved, 'report.csv')]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/is inside the snapshot directory \(--save-snapshot /);
        expect(server.requests).toEqual([]);
        expect(await readdir(work)).toEqual([]);
    });
});

describe('login flags', () => {
    it('--target-org with --org-from-env is a usage error (exit 2) before any request', async () => {
        const { code, stderr, server } = await cli(['--target-org', 'prod']);
        expect(code).toBe(2);
        expect(stderr).toMatch(/--target-org and --org-from-env are exclusive/);
        expect(server.requests).toEqual([]);
    });
});
