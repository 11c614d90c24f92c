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

export type StatementTiming = { ms: number; sql: string };

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
            depth++;
            try {
                return await original.apply(this, args);
            } finally {
                depth--;
                if (depth === 0) timings.push({ ms: performance.now() - t0, sql: String(args[0]) });
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
    const sum = timings.reduce((s, t) => s + t.ms, 0);
    const sorted = [...timings].sort((a, b) => b.ms - a.ms);
    console.log(
        `runAudit ${(total / 1000).toFixed(2)} s; ${timings.length} statements, ${(sum / 1000).toFixed(2)} s in DuckDB`
    );
    for (const t of sorted.slice(0, top)) {
        console.log(
            `${(t.ms / 1000).toFixed(2).padStart(7)} s  ${((100 * t.ms) / total).toFixed(1).padStart(5)}%  ${shorten(t.sql)}`
        );
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
