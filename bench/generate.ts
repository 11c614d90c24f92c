/**
 * Deterministic benchmark snapshot generator: `<Object>.csv` files in the Bulk API 2.0 layout (every value
 * double-quoted, nulls empty, `true`/`false`, ISO datetimes with `.000+0000`, 18-character Ids) plus `plan.json`
 * holding the exact planted-defect counts. Rows are produced by DuckDB `COPY (SELECT …) TO`, in parallel.
 *
 *   npx tsx bench/generate.ts --scale 0.01 --seed 42 --out bench/out/snapshot-0.01
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { ID_SQL_MACROS } from './ids.js';
import { makePlan, type Plan, type PlanOptions } from './plan.js';
import { OBJECT_ORDER, objectSelects, planMacros } from './sql.js';

export const PLAN_FILE = 'plan.json';

export type GeneratedFile = { object: string; rows: number; bytes: number; ms: number };
export type GenerateResult = { dir: string; plan: Plan; files: GeneratedFile[]; ms: number; bytes: number };

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Writes the snapshot of `options` into `dir` (replacing it) and returns what was written. */
export async function generateSnapshot(
    dir: string,
    options: PlanOptions,
    log: (line: string) => void = () => undefined
): Promise<GenerateResult> {
    const plan = makePlan(options);
    const out = resolve(dir);
    await rm(out, { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const started = performance.now();
    const db = await DuckDBInstance.create(':memory:', { threads: '2', preserve_insertion_order: 'true' });
    const conn = await db.connect();
    const files: GeneratedFile[] = [];
    try {
        for (const sql of [...ID_SQL_MACROS, ...planMacros(plan)]) await conn.run(sql);
        const selects = objectSelects(plan);
        for (const object of OBJECT_ORDER) {
            const select = selects[object];
            if (!select) throw new Error(`internal error: no SELECT for ${object}`);
            const file = join(out, `${object}.csv`);
            const t0 = performance.now();
            const result = await conn.run(
                `COPY (${select}) TO ${sqlString(file)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ` +
                    `ESCAPE '"', FORCE_QUOTE *, NEW_LINE '\\n')`
            );
            const rows = Number(result.rowsChanged);
            const expected = plan.rows[object];
            if (rows !== expected) {
                throw new Error(`${object}.csv: wrote ${rows} rows, the plan says ${expected}`);
            }
            const bytes = (await stat(file)).size;
            const ms = performance.now() - t0;
            files.push({ object, rows, bytes, ms });
            log(
                `  ${object}.csv  ${rows.toLocaleString('en-US')} rows  ${(bytes / 1e6).toFixed(1)} MB  ${(ms / 1000).toFixed(1)} s`
            );
        }
    } finally {
        conn.closeSync();
        db.closeSync();
    }
    await writeFile(join(out, PLAN_FILE), `${JSON.stringify(plan, null, 2)}\n`);
    const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
    return { dir: out, plan, files, ms: performance.now() - started, bytes };
}

function argValue(args: readonly string[], name: string): string | undefined {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
}

async function main(args: readonly string[]): Promise<void> {
    const scale = Number(argValue(args, '--scale') ?? '1');
    const seed = Number(argValue(args, '--seed') ?? '42');
    const dir = argValue(args, '--out') ?? join('bench', 'out', `snapshot-${scale}`);
    const result = await generateSnapshot(dir, { scale, seed }, (line) => console.log(line));
    console.log(
        `wrote ${(result.bytes / 1e6).toFixed(0)} MB to ${result.dir} in ${(result.ms / 1000).toFixed(1)} s; planted:`
    );
    for (const [check, count] of Object.entries(result.plan.planted)) console.log(`  ${check}: ${count}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main(process.argv.slice(2)).catch((err: unknown) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
    });
}
