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
import { execFileSync } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadGovernedLeadSources, loadRulesConfig } from '../src/audit/config.js';
import { runAudit } from '../src/audit/engine.js';
import { summariseReport, type CheckCount } from './compare.js';
import { BENCH_AS_OF } from './plan.js';

export type MeasureMode = 'floor' | 'audit' | 'cli';

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
    /** CLI only: the report's phase timings (load, checks, funnel, total inside the engine), ms. */
    phases?: Record<string, number>;
};

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** The read floor of issue #12: DuckDB reading every column of the CSV as text, auto-detected dialect. */
export function floorReadSql(file: string): string {
    return `read_csv(${sqlString(file)}, all_varchar=true)`;
}

async function floor(dir: string): Promise<Pick<MeasureResult, 'rows' | 'objectMs'>> {
    const files = (await readdir(dir)).filter((f) => f.endsWith('.csv')).sort();
    const db = await DuckDBInstance.create(':memory:', { threads: '2' });
    const conn = await db.connect();
    const rows: Record<string, number> = {};
    const objectMs: Record<string, number> = {};
    try {
        for (const name of files) {
            const t0 = performance.now();
            const file = join(dir, name);
            const table = `t_${name.replace(/\.csv$/, '').toLowerCase()}`;
            await conn.run(`CREATE TABLE ${table} AS SELECT * FROM ${floorReadSql(file)}`);
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

/**
 * The whole CLI process as a user runs it (`node dist/audit/cli.js`, start to report written), under `/usr/bin/time`
 * for the child's peak RSS and CPU; the counts come from the JSON report it wrote.
 */
async function cli(dir: string): Promise<Pick<MeasureResult, 'rows' | 'checks' | 'maxRssBytes' | 'cpuMs' | 'phases'>> {
    const out = join(os.tmpdir(), `bench-cli-${process.pid}.json`);
    const timeFile = `${out}.time`;
    const args = ['-f', '%M %U %S', '-o', timeFile, process.execPath, CLI_JS, '--snapshot', dir, '--format', 'json'];
    execFileSync('/usr/bin/time', [
        ...args,
        '--out',
        out,
        '--as-of',
        BENCH_AS_OF.toISOString().slice(0, 10),
        '--quiet'
    ]);
    const last = (await readFile(timeFile, 'utf8')).trim().split('\n').pop() ?? '';
    const [rssKb, user, sys] = last.split(' ').map(Number);
    const report = JSON.parse(await readFile(out, 'utf8')) as Parameters<typeof summariseReport>[0] & {
        timings: Record<string, number>;
    };
    await rm(out, { force: true });
    await rm(timeFile, { force: true });
    return {
        ...summariseReport(report),
        phases: report.timings,
        maxRssBytes: (rssKb ?? 0) * 1024,
        cpuMs: ((user ?? 0) + (sys ?? 0)) * 1000
    };
}

/** The compiled CLI (`npm run build`); the bench measures what users run. */
export const CLI_JS = resolve(import.meta.dirname, '..', 'dist', 'audit', 'cli.js');

async function main(mode: string | undefined, dir: string | undefined): Promise<void> {
    if ((mode !== 'floor' && mode !== 'audit' && mode !== 'cli') || !dir) {
        throw new Error('usage: measure.ts floor|audit|cli <snapshotDir>');
    }
    if (mode === 'cli') {
        const loadAvg = os.loadavg()[0] ?? 0;
        const started = performance.now();
        const measured = await cli(resolve(dir));
        const wallMs = performance.now() - started;
        process.stdout.write(`${JSON.stringify({ mode, wallMs, loadAvg, ...measured })}\n`);
        return;
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
