import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareCounts, summariseReport } from '../../bench/compare.js';
import { generateSnapshot, type GenerateResult } from '../../bench/generate.js';
import { idChecksum, isValidId18, KEY_PREFIX, recordId } from '../../bench/ids.js';
import { estimateOrgRequests } from '../../bench/org-estimate.js';
import { BENCH_AS_OF, CHECK_IDS, countResidue, makePlan } from '../../bench/plan.js';

const ENGINE = path.resolve(import.meta.dirname, '../../src/audit/engine.ts');
const SCALE = 0.001;

/** Minimal RFC 4180 parser for the generated files (quoted values, empty = null). */
function parseCsv(text: string): { header: string[]; rows: (string | null)[][] } {
    const lines = text.trimEnd().split('\n');
    const split = (line: string): (string | null)[] =>
        line.split(',').map((v) => (v === '' ? null : v.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')));
    const [head, ...body] = lines;
    return { header: split(head ?? '').map(String), rows: body.map(split) };
}

let tmp: string;
let generated: GenerateResult;
const csv: Record<string, { header: string[]; rows: (string | null)[][] }> = {};

beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'bench-gen-'));
    generated = await generateSnapshot(path.join(tmp, 'a'), { scale: SCALE, seed: 7 });
    for (const f of generated.files) {
        csv[f.object] = parseCsv(await readFile(path.join(generated.dir, `${f.object}.csv`), 'utf8'));
    }
});
afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
});

const col = (object: string, field: string): (string | null)[] => {
    const t = csv[object];
    if (!t) throw new Error(`no ${object}.csv`);
    const i = t.header.indexOf(field);
    if (i < 0) throw new Error(`${object}.csv has no ${field}`);
    return t.rows.map((r) => r[i] ?? null);
};

describe('Salesforce Ids', () => {
    it('computes the checksum suffix of known Ids', () => {
        expect(idChecksum('0015g00000AbCdE')).toBe('AAV');
        expect(idChecksum('001000000000000')).toBe('AAA');
        expect(idChecksum('001A0000006Vm9r')).toBe('IAC');
        expect(idChecksum('00QABCDEABCDEAB')).toBe('255');
        expect(() => idChecksum('001')).toThrow(/15 characters/);
        expect(isValidId18(recordId('Lead', 12345, 99))).toBe(true);
        expect(isValidId18(`${recordId('Lead', 12345, 99).slice(0, 15)}AAB`)).toBe(false);
    });

    it('writes valid, unique 18-character Ids with the right key prefix in every file', () => {
        for (const [object, prefix] of Object.entries(KEY_PREFIX)) {
            if (!csv[object]) continue;
            const ids = col(object, 'Id');
            expect(ids.length).toBeGreaterThan(0);
            for (const id of ids) {
                expect(id && isValidId18(id), `${object} Id ${id}`).toBe(true);
                expect(id?.slice(0, 3)).toBe(prefix);
            }
            expect(new Set(ids).size).toBe(ids.length);
        }
        const leadIds = new Set(col('Lead', 'Id'));
        for (const id of col('CampaignMember', 'LeadId')) if (id) expect(leadIds.has(id)).toBe(true);
        const oppIds = new Set(col('Opportunity', 'Id'));
        for (const id of col('OpportunityContactRole', 'OpportunityId')) expect(oppIds.has(id ?? '')).toBe(true);
    });
});

describe('generated CSVs', () => {
    it('have exactly the planned rows and the Bulk API value formats', () => {
        for (const f of generated.files)
            expect(csv[f.object]?.rows.length, f.object).toBe(generated.plan.rows[f.object]);
        for (const v of col('Lead', 'CreatedDate')) expect(v).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000\+0000$/);
        for (const v of col('Lead', 'IsConverted')) expect(['true', 'false']).toContain(v);
        for (const v of col('Lead', 'ConvertedDate')) if (v !== null) expect(v).toMatch(/^\d{4}-\d\d-\d\d$/);
        for (const v of col('CampaignMember', 'HasResponded')) expect(['true', 'false']).toContain(v);
        const text = col('Lead', 'Email').filter((e): e is string => e !== null);
        expect(text.length).toBe(generated.plan.rows.Lead);
    });

    it('plants every duplicate e-mail exactly once and keeps all other e-mails unique', () => {
        const counts = new Map<string, number>();
        for (const e of col('Lead', 'Email')) counts.set(e ?? '', (counts.get(e ?? '') ?? 0) + 1);
        const shared = [...counts.values()].filter((n) => n > 1);
        expect(shared.every((n) => n === 2)).toBe(true);
        expect(shared.length).toBe(generated.plan.plantedDetails['duplicate-lead-email']?.groups);
    });

    it('is deterministic for a seed and differs across seeds', async () => {
        const again = await generateSnapshot(path.join(tmp, 'b'), { scale: SCALE, seed: 7 });
        const other = await generateSnapshot(path.join(tmp, 'c'), { scale: SCALE, seed: 8 });
        const digest = async (dir: string): Promise<string> => {
            const h = createHash('sha256');
            for (const f of (await readdir(dir)).sort()) h.update(await readFile(path.join(dir, f)));
            return h.digest('hex');
        };
        expect(await digest(again.dir)).toBe(await digest(generated.dir));
        expect(await digest(other.dir)).not.toBe(await digest(generated.dir));
    });
});

describe('plan', () => {
    it('counts residues exactly', () => {
        expect(countResidue(100, 40, 1)).toBe(3); // 1, 41, 81
        expect(countResidue(81, 40, 1)).toBe(2);
        expect(countResidue(82, 40, 1)).toBe(3);
        expect(countResidue(1, 40, 1)).toBe(0);
    });

    it('declares a positive count for every check and refuses scales too small to hold them', () => {
        const plan = makePlan({ scale: 1, seed: 42 });
        for (const id of CHECK_IDS) expect(plan.planted[id], id).toBeGreaterThan(0);
        expect(plan.rows.Lead).toBe(1_000_000);
        expect(plan.rows.CampaignMember).toBe(2_000_000);
        expect(() => makePlan({ scale: 0.00001, seed: 1 })).toThrow(/too small/);
    });

    it('estimates org requests far below one per 10,000 records at full scale', () => {
        const rows = makePlan({ scale: 1, seed: 42 }).rows;
        const org = estimateOrgRequests(rows);
        // every generated record plus the 5 stock LeadStatus rows
        expect(org.records).toBe(Object.values(rows).reduce((a, b) => a + b, 0) + 5);
        // describe + COUNT() + Bulk job create + one poll + 20 result pages of 50,000
        expect(org.objects.find((o) => o.object === 'Lead')).toEqual({
            object: 'Lead',
            records: 1_000_000,
            via: 'bulk2',
            requests: 24
        });
        expect(org.objects.find((o) => o.object === 'Campaign')?.via).toBe('rest');
        expect(org.objects.find((o) => o.object === 'CampaignMember')?.via).toBe('bulk2');
        expect(org.requestsConservative).toBeLessThanOrEqual(org.budget);
    });
});

const AUDIT_TITLE = existsSync(ENGINE)
    ? 'the audit finds exactly the planted defects'
    : 'the audit finds exactly the planted defects — SKIPPED: src/audit/engine.ts (runAudit) is not there yet';
describe.skipIf(!existsSync(ENGINE))(AUDIT_TITLE, () => {
    it('every check count (and the planted details) equals the plan', async () => {
        const { runAudit } = await import('../../src/audit/engine.js');
        const { loadGovernedLeadSources, loadRulesConfig } = await import('../../src/audit/config.js');
        const rules = await loadRulesConfig();
        const report = await runAudit({
            snapshotDir: generated.dir,
            rules,
            asOf: BENCH_AS_OF,
            governedLeadSources: await loadGovernedLeadSources()
        });
        const rows = compareCounts(generated.plan, summariseReport(report).checks ?? []);
        expect(rows.filter((r) => !r.ok)).toEqual([]);
        expect(rows.length).toBeGreaterThanOrEqual(CHECK_IDS.length);
    });
});
