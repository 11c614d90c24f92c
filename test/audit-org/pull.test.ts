import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { OrgError, UsageError } from '../../src/audit/errors.js';
import { MANIFEST_FILE, pullOrgSnapshot } from '../../src/audit/org/pull.js';
import type { PullOptions, PullProgress } from '../../src/audit/org/types.js';
import { LEAD_SOURCES, leadRecord, mockOrg, parseCsv, TOKEN, type OrgShape } from './fixtures.js';
import { startMockServer, type Faults, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
let work: string;

beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'audit-org-'));
});

afterEach(async () => {
    if (server) {
        // the mock records every write request; any is a failure of the read-only promise
        expect(server.violations).toEqual([]);
        await server.close();
        server = undefined;
    }
    await rm(work, { recursive: true, force: true });
});

async function setup(shape: OrgShape = {}, faults: Faults = {}, pollsBeforeComplete = 1) {
    server = await startMockServer({ objects: mockOrg(shape), token: TOKEN, faults, pollsBeforeComplete });
    const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
    return { server, conn };
}

const fast: Partial<PullOptions> = { pollIntervalMs: 2, retry: { baseDelayMs: 2 } };
/** One object at a time: for the tests that assert which request the org refuses first (the order is fixed then). */
const oneAtATime: Partial<PullOptions> = { concurrency: 1 };

async function pullError(promise: Promise<unknown>): Promise<OrgError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(OrgError);
    return err as OrgError;
}

describe('pullOrgSnapshot against the mock org', () => {
    it('writes one Bulk-style CSV per object, REST and Bulk alike, with rules and governed values', async () => {
        const { server, conn } = await setup({ leads: 12_345, opportunityHistory: true, extended: true });
        const outDir = join(work, 'snap');
        const events: PullProgress[] = [];
        const result = await pullOrgSnapshot(conn, { outDir, ...fast, onProgress: (e) => events.push(e) });

        expect(result.dir).toBe(outDir);
        expect(result.objects.Lead).toMatchObject({ records: 12_345, via: 'bulk2' });
        expect(result.objects.Contact).toMatchObject({ records: 40, via: 'rest' });
        expect(result.objects.OpportunityHistory).toMatchObject({ records: 60, via: 'rest' });
        expect(result.objects.Lead?.missingFields).toEqual([]);
        expect(result.skippedObjects).toEqual({});
        expect(result.governedLeadSources).toEqual(LEAD_SOURCES);
        expect(result.convertedStatuses).toEqual(['Converted']);
        expect(result.rules).toEqual({
            exemptLeadSources: ['Outbound', 'Partner Referral'],
            stageOrder: ['Qualification', 'Proposal/Quote', 'Negotiation', 'Closed Won'],
            contactRoleRequiredStage: 'Negotiation',
            agedLeadDays: 45
        });
        // every request the server saw was counted, and the usage is the last Sforce-Limit-Info seen
        expect(result.requestsUsed).toBe(server.requests.length);
        expect(result.apiUsage).toEqual({ used: 1_000 + server.requests.length, limit: 15_000 });

        const files = (await readdir(outDir)).sort();
        expect(files).toEqual([...Object.keys(result.objects).map((o) => `${o}.csv`), MANIFEST_FILE].sort());
        // Lead (Bulk, 12,345 rows over several pages): header once, every value as the org holds it
        const lead = parseCsv(await readFile(join(outDir, 'Lead.csv'), 'utf8'));
        const header = lead[0] ?? [];
        expect(header.slice(0, 3)).toEqual(['Id', 'IsConverted', 'ConvertedDate']);
        expect(header).not.toContain('Company');
        expect(lead).toHaveLength(12_346);
        for (const i of [0, 1, 10, 9_999, 12_344]) {
            const expected = leadRecord(i);
            const row = lead[i + 1] ?? [];
            header.forEach((field, c) => {
                const v = expected[field as string];
                expect(row[c], `${field} of lead ${i}`).toBe(v === null ? null : String(v));
            });
        }
        // Account (REST): quotes and commas survive, booleans are true/false
        const account = parseCsv(await readFile(join(outDir, 'Account.csv'), 'utf8'));
        expect(account[0]).toEqual(['Id', 'Name']);
        expect(account[4]).toEqual(['001000000000003AAA', 'Account "3", Ltd']);
        const ocr = parseCsv(await readFile(join(outDir, 'OpportunityContactRole.csv'), 'utf8'));
        expect(ocr[1]).toEqual(['00K000000000000AAA', '006000000000000AAA', '003000000000000AAA', null, 'true']);
        expect(ocr.at(-1)?.at(-1)).toBe('false');

        const manifest = JSON.parse(await readFile(join(outDir, MANIFEST_FILE), 'utf8')) as Record<string, unknown>;
        expect(manifest).toMatchObject({
            apiVersion: '66.0',
            convertedStatuses: ['Converted'],
            requestsUsed: result.requestsUsed
        });

        const leadEvents = events.filter((e) => e.object === 'Lead' && e.phase === 'pull').map((e) => e.records);
        expect(leadEvents).toEqual([...leadEvents].sort((a, b) => a - b));
        expect(events.find((e) => e.object === 'Lead' && e.phase === 'done')).toMatchObject({
            records: 12_345,
            total: 12_345
        });
    });

    it('reads only the fields the org has and skips optional objects it lacks', async () => {
        const { conn } = await setup({ customFields: false, rules: false, opportunityHistory: false });
        const result = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast });
        expect(result.objects.Lead?.fields).not.toContain('Persona__c');
        expect(result.objects.Lead?.missingFields).toEqual(
            expect.arrayContaining(['Persona__c', 'UTM_Source__c', 'MQL_Date__c', 'SQL_Date__c'])
        );
        expect(result.skippedObjects.OpportunityHistory).toMatch(/not in the org/);
        expect(result.rules).toBeUndefined();
        const header = (await readFile(join(work, 'snap', 'Lead.csv'), 'utf8')).split('\n')[0];
        expect(header).toBe(result.objects.Lead?.fields.map((f) => `"${f}"`).join(','));
    });

    it('chooses REST below restMaxRecords and Bulk API 2.0 from it on', async () => {
        const { server, conn } = await setup({ leads: 100, contacts: 99 });
        const result = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), restMaxRecords: 100, ...fast });
        expect(result.objects.Lead?.via).toBe('bulk2');
        expect(result.objects.Contact?.via).toBe('rest');
        const jobs = server.requests.filter((r) => r.method === 'POST');
        expect(jobs).toHaveLength(1);
    });

    it('writes byte-identical CSVs whether an object came over REST or Bulk API 2.0', async () => {
        const { conn } = await setup({ leads: 2_500, opportunityHistory: true });
        const viaRest = await pullOrgSnapshot(conn, { outDir: join(work, 'rest'), restMaxRecords: 1e9, ...fast });
        const viaBulk = await pullOrgSnapshot(conn, { outDir: join(work, 'bulk'), restMaxRecords: 0, ...fast });
        const names = Object.keys(viaRest.objects);
        expect(names).toHaveLength(9);
        for (const name of names) {
            expect(viaRest.objects[name]?.via).toBe('rest');
            expect(viaBulk.objects[name]?.via).toBe('bulk2');
            const rest = await readFile(join(work, 'rest', `${name}.csv`), 'utf8');
            expect(await readFile(join(work, 'bulk', `${name}.csv`), 'utf8'), name).toBe(rest);
        }
    });

    it('uses at most one API request per 10,000 records (+ a small fixed overhead) for a 200,000-record object', async () => {
        const { server, conn } = await setup({ leads: 200_000 });
        const result = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast });
        const leadRequests =
            server.count(/\/sobjects\/Lead\/describe/) +
            server.count(/FROM%20Lead$/) +
            server.requests.filter((r) => r.path.includes('/jobs/query')).length;
        expect(result.objects.Lead?.requests).toBe(leadRequests);
        expect(result.objects.Lead).toMatchObject({ records: 200_000, via: 'bulk2' });
        // describe + count + create + polls + result pages
        expect(leadRequests).toBeLessThanOrEqual(200_000 / 10_000 + 4);
        expect(result.requestsUsed).toBeLessThanOrEqual(200_000 / 10_000 + 4 * 9);
        const text = await readFile(join(work, 'snap', 'Lead.csv'), 'utf8');
        expect(text.split('\n"00Q').length - 1).toBe(200_000);
    });

    it('stops before exceeding --max-api-requests and leaves nothing behind', async () => {
        const { server, conn } = await setup({ leads: 30_000 });
        const outDir = join(work, 'snap');
        const err = await pullError(pullOrgSnapshot(conn, { outDir, maxApiRequests: 12, ...fast }));
        expect(server.requests.length).toBeLessThanOrEqual(12);
        expect(err.message).toMatch(/max-api-requests 12/);
        expect(err.message).toMatch(/Pulled before stopping: /);
        expect(err.message).toMatch(/nothing was saved/);
        expect(await readdir(work)).toEqual([]);
    });

    it('stops after planning, before reading any record, when the plan cannot fit the budget', async () => {
        // planning: describe + COUNT() for 8 objects, describes of the 6 absent optional objects (OpportunityHistory,
        // User, CampaignInfluenceModel, CampaignInfluence, OpportunityFieldHistory, LeadHistory), rules describe + query
        const { server, conn } = await setup({ leads: 20_000 });
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), maxApiRequests: 30, ...fast }));
        expect(server.requests).toHaveLength(24);
        expect(server.count(/\/jobs\/query|\/query\?q=SELECT%20Id/)).toBe(0);
        expect(err.message).toMatch(
            /needs at least 10 more requests \(Lead 20,000 records over bulk2, .*\) but only 6 of --max-api-requests 30 remain/
        );
        expect(await readdir(work)).toEqual([]);
    });

    it('names the objects already pulled when the budget runs out mid-way', async () => {
        // the plan's minimum (10 after 24 planning requests) fits, but the Bulk job needs a second poll
        const { server, conn } = await setup({ leads: 20_000 });
        const err = await pullError(
            pullOrgSnapshot(conn, { outDir: join(work, 'snap'), maxApiRequests: 34, ...fast, ...oneAtATime })
        );
        expect(server.requests).toHaveLength(34);
        expect(err.message).toMatch(
            /query LeadStatus needs another request but --max-api-requests 34 were already used/
        );
        expect(err.message).toMatch(
            /Pulled before stopping: Lead 20,000 records \(bulk2\), Contact 40 records \(rest\)/
        );
        expect(await readdir(work)).toEqual([]);
    });

    it('turns 401 into "session expired" without the token', async () => {
        const { conn } = await setup({}, { unauthorized: true });
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast }));
        expect(err.message).toMatch(/session expired or invalid/);
        expect(err.message).toMatch(/sf org login/);
        expect(err.exitCode).toBe(3);
        expect(await readdir(work)).toEqual([]);
    });

    it('turns REQUEST_LIMIT_EXCEEDED into an OrgError with the org usage', async () => {
        const { server, conn } = await setup({}, { limitExceededAfter: 5 });
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast, ...oneAtATime }));
        expect(err.message).toMatch(/REQUEST_LIMIT_EXCEEDED/);
        // the refusal itself carries the org's usage header; it is not retried
        expect(server.requests).toHaveLength(6);
        expect(err.message).toContain(`used ${1_000 + 6} of its 15000 daily API requests`);
    });

    it('recognises REQUEST_LIMIT_EXCEEDED on a Bulk results page too', async () => {
        // 24 planning requests, then Lead over Bulk: create, poll (InProgress), poll (JobComplete), results refused
        const { server, conn } = await setup({ leads: 20_000 }, { limitExceededAfter: 27 });
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast, ...oneAtATime }));
        expect(server.requests.at(-1)?.path).toMatch(/\/jobs\/query\/750MOCK\d+\/results\?maxRecords=50000$/);
        expect(err.message).toMatch(/read the Lead query job results .*REQUEST_LIMIT_EXCEEDED/);
    });

    it('gives up on a Bulk job that never finishes, without aborting it', async () => {
        const { server, conn } = await setup({ leads: 20_000 }, {}, 1_000_000);
        const err = await pullError(
            pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast, pollIntervalMs: 5, pollTimeoutMs: 60 })
        );
        expect(err.message).toMatch(/query job 750MOCK\d+ for Lead still InProgress after 0 s; it was left running/);
        expect(server.count(/\/jobs\/query\/750MOCK\d+$/)).toBeGreaterThan(1);
        expect(server.requests.filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([]);
    });

    it('has a mock that catches writes (so the read-only assertion can fail)', async () => {
        const { server } = await setup();
        const res = await fetch(`${server.url}/services/data/v66.0/sobjects/Lead/00Q000000000001AAA`, {
            method: 'PATCH',
            headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
            body: '{"LeadSource":"Web"}'
        });
        expect(res.status).toBe(405);
        const post = await fetch(`${server.url}/services/data/v66.0/sobjects/Lead`, { method: 'POST', body: '{}' });
        expect(post.status).toBe(405);
        expect(server.violations).toEqual([
            'write request: PATCH /services/data/v66.0/sobjects/Lead/00Q000000000001AAA',
            'write request: POST /services/data/v66.0/sobjects/Lead'
        ]);
        server.violations.length = 0;
    });

    it('retries a dropped connection on a GET and counts the retry', async () => {
        const { server, conn } = await setup({ leads: 20_000 }, { drop: { match: /\/results\?/, times: 1 } });
        const result = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast });
        expect(result.objects.Lead?.records).toBe(20_000);
        expect(server.requests.filter((r) => r.status === -1)).toHaveLength(1);
        expect(result.requestsUsed).toBe(server.requests.length);
    });

    it('retries a 503 and then succeeds', async () => {
        const { server, conn } = await setup({}, { serverError: { match: /describe/, times: 2 } });
        const result = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast });
        expect(result.objects.Lead?.records).toBe(120);
        expect(server.requests.filter((r) => r.status === 503)).toHaveLength(2);
        expect(result.requestsUsed).toBe(server.requests.length);
    });

    it('gives up on a connection that always drops, with nothing written', async () => {
        const { server, conn } = await setup({}, { drop: { match: /sobjects\/Contact\/describe/, times: Infinity } });
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast }));
        expect(err.message).toMatch(/describe Contact: connection failed/);
        expect(err.message).toMatch(/after 4 attempts/);
        expect(server.requests.filter((r) => r.status === -1)).toHaveLength(4);
        expect(await readdir(work)).toEqual([]);
    });

    it('reports a failed Bulk job with its error message and object', async () => {
        const { conn } = await setup({ leads: 15_000 }, { failJobFor: 'Lead' }, 2);
        const err = await pullError(pullOrgSnapshot(conn, { outDir: join(work, 'snap'), ...fast }));
        expect(err.message).toMatch(/query job 750MOCK\d+ for Lead ended Failed: INVALID_FIELD: mock job failure/);
        expect(await readdir(work)).toEqual([]);
    });

    it('refuses a non-empty snapshot directory or a zero budget (usage errors) before sending any request', async () => {
        const { server, conn } = await setup();
        const outDir = join(work, 'snap');
        await pullOrgSnapshot(conn, { outDir, ...fast });
        const before = server.requests.length;
        const err = await pullOrgSnapshot(conn, { outDir, ...fast }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(UsageError);
        expect((err as UsageError).message).toMatch(/already exists and is not empty/);
        const zero = await pullOrgSnapshot(conn, { outDir: join(work, 'other'), maxApiRequests: 0 }).catch((e) => e);
        expect(zero).toBeInstanceOf(UsageError);
        expect((zero as UsageError).message).toMatch(/--max-api-requests must be a positive whole number, got 0/);
        expect(server.requests.length).toBe(before);
    });

    it('never prints or returns the access token', async () => {
        const written: string[] = [];
        const out = process.stdout.write.bind(process.stdout);
        const errw = process.stderr.write.bind(process.stderr);
        process.stdout.write = ((chunk: string | Uint8Array) => (
            written.push(String(chunk)),
            true
        )) as typeof process.stdout.write;
        process.stderr.write = ((chunk: string | Uint8Array) => (
            written.push(String(chunk)),
            true
        )) as typeof process.stderr.write;
        const messages: string[] = [];
        try {
            for (const faults of [
                {},
                { unauthorized: true },
                { limitExceededAfter: 3 },
                { drop: { match: /Lead/, times: Infinity } }
            ] as Faults[]) {
                const { conn } = await setup({ leads: 11_000 }, faults);
                const outDir = join(work, `snap-${messages.length}`);
                try {
                    const result = await pullOrgSnapshot(conn, { outDir, ...fast });
                    messages.push(JSON.stringify(result));
                    for (const f of await readdir(outDir)) messages.push(await readFile(join(outDir, f), 'utf8'));
                } catch (e) {
                    const err = e as Error & { cause?: Error & { cause?: Error } };
                    messages.push(
                        String(err),
                        err.stack ?? '',
                        String(err.cause),
                        String(err.cause?.cause),
                        JSON.stringify(err)
                    );
                }
                await server?.close();
                server = undefined;
            }
        } finally {
            process.stdout.write = out;
            process.stderr.write = errw;
        }
        // the successful pull and each failure produced text to search
        expect(messages.filter((m) => m.includes('session expired'))).not.toEqual([]);
        expect(messages.filter((m) => m.includes('REQUEST_LIMIT_EXCEEDED'))).not.toEqual([]);
        expect(messages.filter((m) => m.includes('connection failed'))).not.toEqual([]);
        expect(messages.filter((m) => m.startsWith('"Id","IsConverted"'))).toHaveLength(1);
        const all = [...messages, ...written].join('\n');
        expect(all).not.toContain(TOKEN);
        expect(all).not.toContain(TOKEN.slice(0, 20));
    });
});
