/**
 * Which SQL statements of the audit dominate: runs `runAudit` on a snapshot with DuckDB's `run` /
 * `runAndReadAll` wrapped to time every statement, then prints them slowest first.
 *
 *   npx tsx bench/profile.ts bench/out/snapshot-1 [--top 25] [--json bench/out/profile.json]
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBConnection } from '@duckdb/node-api';
import { loadGovernedLeadSources, loadRulesConfig } from '../src/audit/config.js';
import { runAudit } from '../src/audit/engine.js';
import { BENCH_AS_OF } from './plan.js';

export type StatementTiming = { ms: number; cpuMs: number; sql: string };

/** One-line, shortened form of a statement for the report. */
export function shorten(sql: string, max = 160): string {
    const flat = sql.replace(/\s+/g, ' ').trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Wraps the connection prototype so every statement's wall time lands in `timings`; returns the undo. */
export function instrument(timings: StatementTiming[]): () => void {
    const proto = DuckDBConnection.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const originals: [string, (...args: unknown[]) => Promise<unknown>][] = [];
    let depth = 0; // runAndReadAll calls run: time the outermost call only
    for (const name of ['run', 'runAndReadAll']) {
        const original = proto[name];
        if (!original) continue;
        originals.push([name, original]);
        proto[name] = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
            const t0 = performance.now();
            const cpu0 = depth === 0 ? process.cpuUsage() : undefined;
            depth++;
            try {
                return await original.apply(this, args);
            } finally {
                depth--;
                if (depth === 0 && cpu0) {
                    const cpu = process.cpuUsage(cpu0);
                    timings.push({
                        ms: performance.now() - t0,
                        cpuMs: (cpu.user + cpu.system) / 1000,
                        sql: String(args[0])
                    });
                }
            }
        };
    }
    return () => {
        for (const [name, original] of originals) proto[name] = original;
    };
}

async function main(argv: readonly string[]): Promise<void> {
    const dir = argv.find((a) => !a.startsWith('--'));
    if (!dir) throw new Error('usage: profile.ts <snapshotDir> [--top N] [--json file]');
    const topAt = argv.indexOf('--top');
    const top = topAt >= 0 ? Number(argv[topAt + 1]) : 25;
    const jsonAt = argv.indexOf('--json');
    const timings: StatementTiming[] = [];
    const undo = instrument(timings);
    const rules = await loadRulesConfig();
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    try {
        await runAudit({
            snapshotDir: resolve(dir),
            rules,
            asOf: BENCH_AS_OF,
            governedLeadSources: await loadGovernedLeadSources()
        });
    } finally {
        undo();
    }
    const total = performance.now() - started;
    const cpuAll = process.cpuUsage(cpuStart);
    const cpuTotal = (cpuAll.user + cpuAll.system) / 1000;
    const sum = (key: 'ms' | 'cpuMs', list: StatementTiming[]): number => list.reduce((s, t) => s + t[key], 0);
    const loads = timings.filter((t) => /^CREATE OR REPLACE TABLE /.test(t.sql));
    const sorted = [...timings].sort((a, b) => b.cpuMs - a.cpuMs);
    const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
    console.log(
        `runAudit ${s(total)} wall, ${s(cpuTotal)} CPU; ${timings.length} statements: ${s(sum('ms', timings))} wall / ` +
            `${s(sum('cpuMs', timings))} CPU in DuckDB, of which loading the CSVs ${s(sum('ms', loads))} / ${s(sum('cpuMs', loads))}`
    );
    console.log('    CPU     wall  statement (slowest CPU first)');
    for (const t of sorted.slice(0, top)) {
        console.log(`${s(t.cpuMs).padStart(7)}  ${s(t.ms).padStart(7)}  ${shorten(t.sql)}`);
    }
    if (jsonAt >= 0 && argv[jsonAt + 1]) {
        await writeFile(
            argv[jsonAt + 1] as string,
            `${JSON.stringify({ totalMs: total, statements: sorted }, null, 2)}\n`
        );
    }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main(process.argv.slice(2)).catch((err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
    });
}
