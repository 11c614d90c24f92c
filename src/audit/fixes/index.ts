/**
 * `--fixes <dir>`: per finding, the change that repairs it (fixes.csv), and the certain changes in files Data Loader
 * and `sf data update bulk` load, with undo files. Read-only as ever: the audit writes files, never to an org.
 */
import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempTag, trackTemp } from '../cleanup.js';
import type { AuditReport } from '../engine.js';
import { consentLostAtConversion } from '../checks/consent.js';
import { lostCampaign, lostLeadSource, lostPersona, lostUtm } from '../checks/conversion.js';
import { leadSourceDrift } from '../checks/drift.js';
import { missingPrimaryCampaign } from '../checks/opportunity.js';
import { MACROS } from '../sql.js';
import {
    deriveDrift,
    deriveLostCampaign,
    deriveLostFields,
    deriveMissingCampaign,
    type DeriveContext,
    type Derived
} from './derive.js';
import { deriveConsent } from './consent.js';
import { loadRaw } from './raw.js';
import { fixList } from './resolve.js';
import type { FixList, FixesSummary } from './types.js';
import { renderFixesCsv, renderObjectFiles, writeDirAtomic } from './write.js';

export { checkFixesDir } from './write.js';
export type { FixList, FixesSummary } from './types.js';

type Deriver = (ctx: DeriveContext, ids: readonly string[]) => Promise<Derived>;

const DERIVERS: Readonly<Record<string, Deriver>> = {
    [lostLeadSource.id]: (ctx, ids) => deriveLostFields(ctx, lostLeadSource.id, ids),
    [lostPersona.id]: (ctx, ids) => deriveLostFields(ctx, lostPersona.id, ids),
    [lostUtm.id]: (ctx, ids) => deriveLostFields(ctx, lostUtm.id, ids),
    [lostCampaign.id]: deriveLostCampaign,
    [leadSourceDrift.id]: deriveDrift,
    [missingPrimaryCampaign.id]: deriveMissingCampaign,
    [consentLostAtConversion.id]: deriveConsent
};

let runs = 0;

/** Derives the fix list of a report from the snapshot it audited (raw values, its own in-memory DuckDB). */
export async function buildFixes(report: AuditReport, snapshotDir: string): Promise<FixList> {
    const spill = path.join(os.tmpdir(), `${tempTag()}duckdb-fix${++runs}`);
    const untrack = trackTemp(spill);
    const instance = await DuckDBInstance.create(':memory:', { threads: '2', temp_directory: spill });
    const conn = await instance.connect();
    try {
        for (const macro of MACROS) await conn.run(macro);
        const present = await loadRaw(conn, snapshotDir);
        const ctx: DeriveContext = { conn, present, governed: report.governedLeadSources };
        const candidates: Derived['candidates'] = [];
        const unfixable: Derived['unfixable'] = [];
        for (const check of report.checks) {
            const derive = DERIVERS[check.id];
            if (!derive || check.status !== 'fail') continue;
            const derived = await derive(ctx, check.recordIds);
            candidates.push(...derived.candidates);
            unfixable.push(...derived.unfixable);
        }
        return fixList(report.checks, candidates, unfixable);
    } finally {
        conn.closeSync();
        instance.closeSync();
        await rm(spill, { recursive: true, force: true });
        untrack();
    }
}

/** The `sf` command that loads one object file (Bulk API 2.0; `--wait` minutes before it hands back the job Id). */
export function loadCommand(dir: string, object: string, file: string): string {
    return `sf data update bulk --sobject ${object} --file ${path.join(dir, file)} --line-ending LF --wait 10 --target-org <alias>`;
}

export const LOAD_NOTE =
    'Review fixes.csv first (suggested rows are not in the <Object>.csv files). Load each <Object>.csv with the ' +
    'command shown (Bulk API 2.0), or with Data Loader: Update, UTF-8, "Use Bulk API" on (the undo files set blank ' +
    'fields with #N/A, which only the Bulk API reads as null). Undo with the same command on <Object>.undo.csv. ' +
    'The values are the snapshot’s: re-export before loading if the records may have changed since.';

/** Writes the fix list directory; returns what the report says about it. */
export async function writeFixList(dir: string, list: FixList): Promise<FixesSummary> {
    const objects = renderObjectFiles(list.changes);
    const files: Record<string, string> = { 'fixes.csv': renderFixesCsv(list.changes) };
    for (const o of objects) {
        files[`${o.object}.csv`] = o.update;
        files[`${o.object}.undo.csv`] = o.undo;
    }
    await writeDirAtomic(dir, files);
    const first = objects[0];
    return {
        dir,
        rows: list.changes.length,
        certain: list.changes.filter((c) => c.confidence === 'certain').length,
        suggested: list.changes.filter((c) => c.confidence === 'suggested').length,
        files: objects.map((o) => ({
            object: o.object,
            file: `${o.object}.csv`,
            undo: `${o.object}.undo.csv`,
            records: o.records,
            fields: o.fields
        })),
        checks: list.checks,
        load: {
            command: loadCommand(dir, first?.object ?? '<Object>', first ? `${first.object}.csv` : '<Object>.csv'),
            undoCommand: loadCommand(
                dir,
                first?.object ?? '<Object>',
                first ? `${first.object}.undo.csv` : '<Object>.undo.csv'
            ),
            note: LOAD_NOTE
        }
    };
}
