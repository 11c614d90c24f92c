/**
 * Objects are planned and pulled PULL_CONCURRENCY at a time: against a mock org that answers every request 200 ms
 * late, the wall time drops against one object at a time, with the same requests (concurrency adds none), the same
 * per-object request counts summing to the total, and byte-identical CSVs. Also the pool itself (order, bound, errors).
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { PULL_CONCURRENCY, mapLimit } from '../../src/audit/org/limit.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import type { PullResult } from '../../src/audit/org/types.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type MockServer } from './mock-server.js';

const LATENCY_MS = 200;

describe('mapLimit', () => {
    it('keeps the order, never runs more than the bound at once, and rejects with the first error', async () => {
        let running = 0;
        let peak = 0;
        const out = await mapLimit([50, 10, 30, 20, 40], 2, async (ms, i) => {
            peak = Math.max(peak, ++running);
            await new Promise((r) => setTimeout(r, ms));
            running--;
            return i;
        });
        expect(out).toEqual([0, 1, 2, 3, 4]);
        expect(peak).toBe(2);
        const started: number[] = [];
        await expect(
            mapLimit([1, 2, 3, 4], 1, async (n) => {
                started.push(n);
                if (n === 2) throw new Error('boom');
                return n;
            })
        ).rejects.toThrow('boom');
        expect(started).toEqual([1, 2]); // nothing new starts after a failure
        await expect(mapLimit([1], 0, async (n) => n)).rejects.toThrow(/concurrency/);
    });
});

describe(`pullOrgSnapshot with ${LATENCY_MS} ms per request`, () => {
    let server: MockServer;
    let work: string;
    const runs: Record<'sequential' | 'concurrent', { ms: number; result: PullResult; requests: number }> = {} as never;

    beforeAll(async () => {
        work = await mkdtemp(join(tmpdir(), 'audit-org-conc-'));
        server = await startMockServer({
            objects: mockOrg({ leads: 12_000, contacts: 11_000, opportunities: 10_500 }),
            token: TOKEN,
            latencyMs: LATENCY_MS,
            maxLifetimeMs: 300_000
        });
        const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
        for (const [name, concurrency] of [
            ['sequential', 1],
            ['concurrent', PULL_CONCURRENCY]
        ] as const) {
            const before = server.requests.length;
            const t0 = performance.now();
            const result = await pullOrgSnapshot(conn, { outDir: join(work, name), pollIntervalMs: 2, concurrency });
            runs[name] = { ms: performance.now() - t0, result, requests: server.requests.length - before };
        }
    }, 240_000);
    afterAll(async () => {
        expect(server.violations).toEqual([]);
        await server.close();
        await rm(work, { recursive: true, force: true });
    });

    it(`${PULL_CONCURRENCY} objects at once cut the wall time by more than 40%`, () => {
        // sequential ≈ requests × 200 ms; with 3 at once the longest object chain bounds it
        console.log(
            `pull with ${LATENCY_MS} ms latency: ${runs.sequential.requests} requests; one at a time ` +
                `${Math.round(runs.sequential.ms)} ms, ${PULL_CONCURRENCY} at once ${Math.round(runs.concurrent.ms)} ms`
        );
        expect(runs.concurrent.ms).toBeLessThan(0.6 * runs.sequential.ms);
        expect(runs.sequential.ms).toBeGreaterThan(runs.sequential.requests * LATENCY_MS * 0.9);
    });

    it('sends the same requests, counts them per object right, and writes the same CSVs', async () => {
        const { sequential, concurrent } = runs;
        expect(concurrent.requests).toBe(sequential.requests);
        expect(concurrent.result.requestsUsed).toBe(concurrent.requests);
        // outside the objects: the rules record's describe + query and the plan requests of skipped objects
        const outside = [sequential, concurrent].map(
            (run) => run.result.requestsUsed - Object.values(run.result.objects).reduce((sum, o) => sum + o.requests, 0)
        );
        expect(outside[1]).toBe(outside[0]);
        expect(outside[0]).toBeGreaterThanOrEqual(2);
        expect(Object.keys(concurrent.result.objects)).toEqual(Object.keys(sequential.result.objects));
        for (const [object, o] of Object.entries(sequential.result.objects)) {
            expect(concurrent.result.objects[object]).toEqual(o);
        }
        expect(concurrent.result.objects.Lead).toMatchObject({ records: 12_000, via: 'bulk2' });
        const files = (await readdir(join(work, 'sequential'))).filter((f) => f.endsWith('.csv'));
        expect(files.length).toBeGreaterThanOrEqual(7);
        for (const f of files) {
            expect(await readFile(join(work, 'concurrent', f), 'utf8')).toBe(
                await readFile(join(work, 'sequential', f), 'utf8')
            );
        }
    });
});
