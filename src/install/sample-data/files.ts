/**
 * I/O of the sample data set: reads the snapshot and the rules record, writes the tree files, plan and Apex script
 * (data/tree/generate.ts), and reads what is committed (test/install/sample-data.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { RULES_RECORD_PATH, parseRulesRecord } from '../../audit/config.js';
import { convertSampleLeadsApex } from './apex.js';
import { buildSamplePlan, type PlanEntry, type SamplePlan, type TreeRecord } from './plan.js';
import { readSnapshot } from './snapshot.js';

export const SAMPLE_PATHS = {
    snapshot: 'data/sample-snapshot',
    tree: 'data/tree',
    plan: 'data/tree/plan.json',
    apex: 'scripts/apex/convert-sample-leads.apex',
    rules: RULES_RECORD_PATH,
    generator: 'data/tree/generate.ts'
} as const;

/** The open status a converted sample Lead is imported with: the first open status that counts as MQL. */
export function preConversionStatus(root: string): string {
    const file = path.join(root, SAMPLE_PATHS.rules);
    const rules = parseRulesRecord(readFileSync(file, 'utf8'), file);
    const status = rules.openLeadStatuses.find((s) => rules.mqlLeadStatuses.includes(s));
    if (!status) throw new Error(`${file}: no Open_Lead_Statuses__c value is also in MQL_Lead_Statuses__c`);
    return status;
}

export async function buildFromSnapshot(root: string): Promise<SamplePlan> {
    return buildSamplePlan(await readSnapshot(path.join(root, SAMPLE_PATHS.snapshot)), preConversionStatus(root));
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** The files the generator writes, relative to the root, with their text. */
export function renderSample(p: SamplePlan): Record<string, string> {
    const out: Record<string, string> = { [SAMPLE_PATHS.plan]: json(p.plan) };
    for (const [name, file] of Object.entries(p.files)) out[`${SAMPLE_PATHS.tree}/${name}`] = json(file);
    out[SAMPLE_PATHS.apex] = convertSampleLeadsApex(p.conversions, SAMPLE_PATHS.generator);
    return out;
}

export function writeSample(root: string, p: SamplePlan): string[] {
    const dir = path.join(root, SAMPLE_PATHS.tree);
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.json'))) rmSync(path.join(dir, f));
    mkdirSync(path.join(root, path.dirname(SAMPLE_PATHS.apex)), { recursive: true });
    const files = renderSample(p);
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(root, rel), text);
    return Object.keys(files);
}

/** The committed tree plan and files (the conversions are the generator's: the Apex embeds them). */
export function readCommittedTree(root: string): {
    plan: PlanEntry[];
    files: Record<string, { records: TreeRecord[] }>;
} {
    const planFile = path.join(root, SAMPLE_PATHS.plan);
    if (!existsSync(planFile)) throw new Error(`${SAMPLE_PATHS.plan}: missing (npx tsx ${SAMPLE_PATHS.generator})`);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as PlanEntry[];
    const files: Record<string, { records: TreeRecord[] }> = {};
    for (const f of plan.flatMap((e) => e.files)) {
        const file = path.join(root, SAMPLE_PATHS.tree, f);
        if (!existsSync(file)) throw new Error(`${SAMPLE_PATHS.plan} names ${f}: missing in ${SAMPLE_PATHS.tree}`);
        files[f] = JSON.parse(readFileSync(file, 'utf8')) as { records: TreeRecord[] };
    }
    return { plan, files };
}
