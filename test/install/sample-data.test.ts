/**
 * The one sample data set: the scratch-org import (data/tree plan and files, scripts/apex/convert-sample-leads.apex)
 * is generated from the bundled snapshot and agrees with it record for record by natural keys; the plan keeps the
 * tree API's limits; the Apex parses as anonymous Apex and stays under the 32,000-character limit. Seeded defects
 * prove each comparison fails.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import * as apexPlugin from 'prettier-plugin-apex';
import { beforeAll, describe, expect, it } from 'vitest';
import { APEX_SCRIPT_LIMIT, decodePayload, payloadOfScript } from '../../src/install/sample-data/apex.js';
import {
    importRecords,
    sampleDiff,
    snapshotRecords,
    treeProblems,
    type ImportSide
} from '../../src/install/sample-data/agree.js';
import {
    SAMPLE_PATHS,
    preConversionStatus,
    readCommittedTree,
    renderSample
} from '../../src/install/sample-data/files.js';
import { buildSamplePlan, type TreeRecord } from '../../src/install/sample-data/plan.js';
import { readSnapshot, type SnapshotRows } from '../../src/install/sample-data/snapshot.js';
import { REPO } from '../verify/helpers.js';

let snapshot: SnapshotRows;
let committed: ImportSide;
let apex: string;
beforeAll(async () => {
    snapshot = await readSnapshot(path.join(REPO, SAMPLE_PATHS.snapshot));
    apex = readFileSync(path.join(REPO, SAMPLE_PATHS.apex), 'utf8');
    committed = { ...readCommittedTree(REPO), conversions: decodePayload(payloadOfScript(apex, SAMPLE_PATHS.apex)) };
});

const clone = <T>(v: T): T => structuredClone(v);
const count = (type: string): number =>
    Object.values(committed.files)
        .flatMap((f) => f.records)
        .filter((r) => r.attributes.type === type).length;

describe('sample data set', () => {
    it('the committed files are what data/tree/generate.ts writes from the snapshot', () => {
        const rendered = renderSample(buildSamplePlan(snapshot, preConversionStatus(REPO)));
        for (const [rel, text] of Object.entries(rendered))
            expect(readFileSync(path.join(REPO, rel), 'utf8'), `${rel} is stale: npx tsx data/tree/generate.ts`).toBe(
                text
            );
        expect(
            Object.keys(rendered)
                .filter((f) => f.startsWith('data/tree/'))
                .sort()
        ).toEqual(['plan.json', ...committed.plan.flatMap((e) => e.files)].map((f) => `data/tree/${f}`).sort());
    });

    it('agrees with the snapshot record for record (by natural keys, not Ids)', () => {
        const want = snapshotRecords(snapshot);
        const got = importRecords(committed);
        expect(sampleDiff(want, got)).toEqual([]);
        expect(want.size).toBe(got.size);
        // every snapshot object is covered: 36 + 8 + 100 + 240 + 90 + 94 + 132
        expect(want.size).toBe(700);
    });

    it('imports what can be imported and converts the rest', () => {
        expect(count('Lead')).toBe(240);
        expect(count('Contact')).toBe(40); // the other 60 come from conversion
        expect(count('Opportunity')).toBe(30);
        expect(count('OpportunityContactRole')).toBe(34);
        expect(committed.conversions).toHaveLength(60);
        const lost = committed.conversions.filter((c) => 'LeadSource' in c.opportunity);
        expect(lost.map((c) => c.opportunity.LeadSource)).toEqual([null, null, 'Web']);
        expect(committed.conversions.filter((c) => c.opportunity.Campaign === null)).toHaveLength(2);
    });

    it('keeps the tree limits: at most 200 records a file, references to earlier saved records only', () => {
        expect(treeProblems(committed)).toEqual([]);
        const big = clone(committed);
        const leads = big.files['Leads-2.json']!.records;
        for (let i = 0; i < 161; i++)
            leads.push({ ...leads[0]!, attributes: { type: 'Lead', referenceId: `Extra${i}` } });
        expect(treeProblems(big)).toEqual(['Leads-2.json: 201 records, over 200 per file']);
        const order = clone(committed);
        order.plan = [...order.plan.slice(1), order.plan[0]!]; // Accounts last: Contacts refer to unsaved records
        expect(treeProblems(order).join('\n')).toMatch(
            /Contacts\.json: Contact1\.AccountId refers to @Account\d+, which no earlier plan entry saves/
        );
    });

    it('seeded defects: a missing Lead, a changed value, a repaired planted defect', () => {
        const want = snapshotRecords(snapshot);
        const missing = clone(committed);
        const dropped = missing.files['Leads-2.json']!.records.pop() as TreeRecord;
        missing.files['CampaignMembers.json']!.records = missing.files['CampaignMembers.json']!.records.filter(
            (m) => m.LeadId !== `@${dropped.attributes.referenceId}`
        );
        expect(sampleDiff(want, importRecords(missing))).toEqual([
            `Lead ${String(dropped.FirstName)} ${String(dropped.LastName)} <${String(dropped.Email)}>: in the snapshot, not created by the import`
        ]);

        const changed = clone(committed);
        changed.files['Opportunities.json']!.records[0]!.StageName = 'Qualification';
        const stage = sampleDiff(want, importRecords(changed));
        expect(stage).toHaveLength(1);
        expect(stage[0]).toMatch(/^Opportunity .* - Expansion 1: StageName: snapshot "[^"]+", import "Qualification"$/);

        // the Apex without the planted "lost Lead Source" override: the Opportunity keeps the Lead's value
        const repaired = clone(committed);
        delete repaired.conversions[0]!.opportunity.LeadSource;
        expect(sampleDiff(want, importRecords(repaired))).toEqual([
            `Opportunity converted from ${repaired.conversions[0]!.lead}: LeadSource: snapshot "", import "Web"`
        ]);
    });

    it('the snapshot changing without regenerating is caught', () => {
        const edited = clone(snapshot);
        edited.Lead![70]!.LeadSource = 'Trade Fair';
        const diff = sampleDiff(snapshotRecords(edited), importRecords(committed));
        expect(diff).toHaveLength(1);
        expect(diff[0]).toMatch(/: LeadSource: snapshot "Trade Fair", import "[^"]+"$/);
    });

    it('the conversion Apex parses as anonymous Apex, fits the limit, and names its payload fields', async () => {
        expect(apex.length).toBeLessThan(APEX_SCRIPT_LIMIT);
        const parse = (text: string): Promise<string> =>
            prettier.format(text, { parser: 'apex-anonymous', plugins: [apexPlugin] });
        await expect(parse(apex)).resolves.toContain('Database.convertLead');
        await expect(parse(apex.replace('converts.add(lc);', 'converts.add(lc)'))).rejects.toThrow();
        expect(apex).toContain('AccessLevel.USER_MODE');
        expect(apex).toContain('FROM LeadStatus WHERE IsConverted = true');
    });
});
