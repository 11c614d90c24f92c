/**
 * The org source pulls the extended objects (User, CampaignInfluenceModel, CampaignInfluence,
 * OpportunityFieldHistory, LeadHistory) and the consent and owner fields when the org's describe has them, and
 * leaves them out with the reason otherwise; the audit then runs the three new checks, or skips them with the reason.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/audit/config.js';
import { runAudit } from '../../src/audit/engine.js';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import { EXTENDED_CHECK_IDS } from '../../src/audit/vocabulary.js';
import { LEAD_SOURCES, mockOrg, TOKEN, type OrgShape } from './fixtures.js';
import { startMockServer, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
let work: string;

beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'audit-org-ext-'));
});
afterEach(async () => {
    if (server) {
        expect(server.violations).toEqual([]);
        await server.close();
        server = undefined;
    }
    await rm(work, { recursive: true, force: true });
});

const EXTENDED = ['User', 'CampaignInfluenceModel', 'CampaignInfluence', 'OpportunityFieldHistory', 'LeadHistory'];

async function pullAndAudit(shape: OrgShape) {
    server = await startMockServer({ objects: mockOrg(shape), token: TOKEN });
    const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
    const pulled = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), pollIntervalMs: 2 });
    const report = await runAudit({
        snapshotDir: pulled.dir,
        rules: structuredClone(DEFAULT_RULES),
        asOf: new Date('2026-11-22T00:00:00Z'),
        governedLeadSources: LEAD_SOURCES
    });
    return { pulled, report };
}

describe('org source: extended objects', () => {
    it('pulls them when the org has them, and the new checks run', async () => {
        const { pulled, report } = await pullAndAudit({ extended: true });
        for (const object of EXTENDED) expect(pulled.objects[object]?.records, object).toBeGreaterThan(0);
        // only the attribution fields' history rows: 60 rows in the mock, every 5th a StageName change
        expect(pulled.objects.OpportunityFieldHistory?.records).toBe(48);
        expect(
            server?.requests.some((r) =>
                decodeURIComponent(r.path).includes("WHERE Field IN ('LeadSource', 'Campaign', 'created')")
            )
        ).toBe(true);
        expect(pulled.skippedObjects).toEqual({ OpportunityHistory: expect.any(String) as string });
        const header = (await readFile(join(pulled.dir, 'OpportunityFieldHistory.csv'), 'utf8')).split('\n')[0];
        expect(header).toBe(
            '"OpportunityId","Field","Id","OldValue","NewValue","DataType","CreatedById","CreatedDate"'
        );
        expect((await readFile(join(pulled.dir, 'Lead.csv'), 'utf8')).split('\n')[0]).toContain('"HasOptedOutOfEmail"');
        const byId = new Map(report.checks.map((c) => [c.id, c]));
        for (const id of EXTENDED_CHECK_IDS)
            expect(byId.get(id)?.status, `${id}: ${byId.get(id)?.reason}`).not.toBe('skipped');
        // the mock's history: every 4th LeadSource row overwrites "Web"
        expect(byId.get('attribution-overwritten')?.count).toBeGreaterThan(0);
        expect(report.checks.find((c) => c.money)?.money?.byOwner[0]?.name).toMatch(/^User \d$/);
    });

    it('skips them with the reason when the org lacks them, and the checks say why', async () => {
        const { pulled, report } = await pullAndAudit({});
        for (const object of EXTENDED)
            expect(pulled.skippedObjects[object], object).toBe('not in the org or not readable by the running user');
        const reason = (id: string): string | undefined => report.checks.find((c) => c.id === id)?.reason;
        expect(reason('campaign-influence-gap')).toBe('no CampaignInfluence.csv in the snapshot');
        expect(reason('attribution-overwritten')).toBe(
            'no OpportunityFieldHistory.csv or LeadHistory.csv in the snapshot'
        );
        expect(report.checks.find((c) => c.id === 'consent-lost-at-conversion')?.status).not.toBe('skipped');
    });
});
