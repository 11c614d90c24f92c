/**
 * End to end: an org pull audited by the engine gives the same findings as an export snapshot of the same data.
 * The reference snapshot is written here independently of the org source (minimal quoting, TRUE/FALSE booleans,
 * `Z` datetimes, as spreadsheet-touched Data Loader exports look), so format differences would show up.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRulesConfig } from '../../src/audit/config.js';
import { runAudit } from '../../src/audit/engine.js';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import { fieldsOf, SNAPSHOT_OBJECTS } from '../../src/audit/schema.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type MockObject, type MockServer, type MockValue } from './mock-server.js';

let server: MockServer | undefined;
let work: string | undefined;

afterEach(async () => {
    await server?.close();
    server = undefined;
    if (work) await rm(work, { recursive: true, force: true });
});

function exportValue(v: MockValue | undefined): string {
    if (v === null || v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    const s = String(v).replace(/\.000\+0000$/, 'Z');
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeExport(dir: string, objects: MockObject[]): Promise<void> {
    await mkdir(dir, { recursive: true });
    for (const name of SNAPSHOT_OBJECTS) {
        const object = objects.find((o) => o.name === name);
        if (!object) continue;
        const have = new Set(object.fields.map((f) => f.name));
        const fields = fieldsOf(name).filter((f) => have.has(f));
        let text = `${fields.join(',')}\n`;
        for (let i = 0; i < object.count; i++) {
            const r = object.record(i);
            text += `${fields.map((f) => exportValue(r[f])).join(',')}\n`;
        }
        await writeFile(join(dir, `${name}.csv`), text);
    }
}

describe('org pull → runAudit', () => {
    it('finds what an export of the same data finds', async () => {
        const objects = mockOrg({ leads: 10_500, opportunityHistory: true });
        server = await startMockServer({ objects, token: TOKEN });
        work = await mkdtemp(join(tmpdir(), 'audit-org-e2e-'));
        const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
        const pulled = await pullOrgSnapshot(conn, { outDir: join(work, 'pulled'), pollIntervalMs: 2 });
        expect(pulled.objects.Lead?.via).toBe('bulk2');

        const rules = await loadRulesConfig({ orgRules: pulled.rules ?? {} });
        expect(rules.exemptLeadSources).toEqual(['Outbound', 'Partner Referral']);
        const common = {
            rules,
            asOf: new Date('2026-11-01T00:00:00Z'),
            governedLeadSources: pulled.governedLeadSources ?? [],
            convertedStatuses: pulled.convertedStatuses ?? []
        };
        const fromOrg = await runAudit({ snapshotDir: pulled.dir, ...common });
        await writeExport(join(work, 'export'), objects);
        const fromExport = await runAudit({ snapshotDir: join(work, 'export'), ...common });

        expect(fromOrg.warnings).toEqual([]);
        expect(fromOrg.checks).toEqual(fromExport.checks);
        expect(fromOrg.funnel).toEqual(fromExport.funnel);
        expect(fromOrg.health).toEqual(fromExport.health);

        // expected findings, computed from the fixture data: opportunities without a Primary Campaign Source whose
        // Lead Source is not exempt under the ORG's rules record (Outbound and Partner Referral)
        const opps = objects.find((o) => o.name === 'Opportunity');
        const exempt = new Set(rules.exemptLeadSources);
        let noCampaign = 0;
        for (let i = 0; i < (opps?.count ?? 0); i++) {
            const r = opps?.record(i) ?? {};
            if (r.CampaignId === null && !exempt.has(String(r.LeadSource))) noCampaign++;
        }
        const pcs = fromOrg.checks.find((c) => c.id === 'opportunity-missing-primary-campaign');
        expect(pcs).toMatchObject({ status: 'fail', count: noCampaign, population: opps?.count });
        // Lead Source drift is judged against the org's ACTIVE picklist values: every 11th lead has an inactive one
        const drift = fromOrg.checks.find((c) => c.id === 'lead-source-drift');
        expect(drift?.count).toBe(Math.ceil(10_500 / 11));
    });
});
