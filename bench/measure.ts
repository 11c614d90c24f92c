/**
 * One benchmark measurement, run in its own child process so that its peak RSS is its own:
 *
 *   node --import tsx bench/measure.ts floor <snapshotDir>
 *   node --import tsx bench/measure.ts audit <snapshotDir>
 *
 * `floor` reads every `<Object>.csv` fully into DuckDB with the audit's reader options (all columns VARCHAR, strict
 * Bulk-CSV dialect) and nothing else: the parse floor. `audit` runs `runAudit` on the snapshot. Prints one JSON line
 * (`MeasureResult`) on stdout; the parent checks the counts.
 */
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadGovernedLeadSources, loadRulesConfig } from '../src/audit/config.js';
import { runAudit } from '../src/audit/engine.js';
import { summariseReport, type CheckCount } from './compare.js';
import { readHeader } from '../src/audit/load.js';
import { BENCH_AS_OF } from './plan.js';

export type MeasureMode = 'floor' | 'audit';

export type MeasureResult = {
    mode: MeasureMode;
    wallMs: number;
    /** CPU time (user + system, all threads) spent in the measured work: robust when the machine is shared. */
    cpuMs: number;
    /** One-minute load average when the measurement started (how busy the shared machine was). */
    loadAvg: number;
    /** Peak resident set size of the measuring process (bytes). */
    maxRssBytes: number;
    /** Rows read per object (floor) or loaded per object (audit). */
    rows: Record<string, number>;
    /** Floor only: milliseconds to read each object's CSV. */
    objectMs?: Record<string, number>;
    checks?: CheckCount[];
};

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The audit's CSV reader (src/audit/load.ts) minus the per-field normalisation: the cost of parsing alone. */
export function floorReadSql(file: string, columns: number): string {
    const spec = `{${Array.from({ length: columns }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
    return (
        `read_csv(${sqlString(file)}, header=false, skip=1, columns=${spec}, auto_detect=false, strict_mode=true, ` +
        `delim=',', quote='"', escape='"', null_padding=false, ignore_errors=false)`
    );
}

async function floor(dir: string): Promise<Pick<MeasureResult, 'rows' | 'objectMs'>> {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const rows: Record<string, number> = {};
    const objectMs: Record<string, number> = {};
    try {
        for (const name of files) {
            const t0 = performance.now();
            const file = join(dir, name);
            const header = await readHeader(file);
            const table = `t_${name.replace(/\.csv$/, '').toLowerCase()}`;
            await conn.run(`CREATE TABLE ${table} AS SELECT * FROM ${floorReadSql(file, header.length)}`);
            const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${table}`);
            rows[name.replace(/\.csv$/, '')] = Number(count.getRowObjectsJS()[0]?.n ?? 0);
            objectMs[name.replace(/\.csv$/, '')] = performance.now() - t0;
        }
    } finally {
        conn.closeSync();
        db.closeSync();
    }
    return { rows, objectMs };
}

async function audit(dir: string): Promise<Pick<MeasureResult, 'rows' | 'checks'>> {
    const rules = await loadRulesConfig();
    const report = await runAudit({
        snapshotDir: dir,
        rules,
        asOf: BENCH_AS_OF,
        governedLeadSources: await loadGovernedLeadSources(),
        convertedStatuses: rules.convertedLeadStatuses
    });
    return summariseReport(report);
}

async function main(mode: string | undefined, dir: string | undefined): Promise<void> {
    if ((mode !== 'floor' && mode !== 'audit') || !dir) {
        throw new Error('usage: measure.ts floor|audit <snapshotDir>');
    }
    const loadAvg = os.loadavg()[0] ?? 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    const measured = mode === 'floor' ? await floor(resolve(dir)) : await audit(resolve(dir));
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpu0);
    const result: MeasureResult = {
        mode,
        wallMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
        loadAvg,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        ...measured
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main(process.argv[2], process.argv[3]).catch((err: unknown) => {
        console.error(err instanceof Error ? (err.stack ?? err.message) : err);
        process.exit(1);
    });
}
