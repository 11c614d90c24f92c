/**
 * `npm run bench [-- --scale 1 --seed 42 --runs 1 --reuse --keep]`: the audit benchmark.
 *
 * 1. Generates `bench/out/snapshot-<scale>/` (or reuses it with `--reuse` when its plan.json matches).
 * 2. In a child process each: the parse floor (DuckDB reading every CSV fully) and the full audit (`runAudit`),
 *    `--runs` times each, keeping the fastest run (the machine is shared) and the highest peak RSS.
 * 3. Asserts the audit's counts equal the planted counts, prints a table, writes `bench/out/results.json`, and says
 *    whether the targets (≤ 2× the floor, ≤ 1.5 GB RSS, ≤ 1 org API request per 10,000 records) are met.
 * Exit 1 when a count differs or a measurement fails; the targets only inform.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Table from 'cli-table3';
import { z } from 'zod';
import { compareCounts, type CountRow } from './compare.js';
import { generateSnapshot, PLAN_FILE } from './generate.js';
import { CLI_JS, type MeasureMode, type MeasureResult } from './measure.js';
import { estimateOrgRequests } from './org-estimate.js';
import { makePlan, type Plan } from './plan.js';

const BENCH_DIR = import.meta.dirname;
const OUT_DIR = join(BENCH_DIR, 'out');
export const TARGETS = { floorRatio: 2, maxRssBytes: 1.5 * 1024 ** 3 } as const;

const argsSchema = z.object({
    scale: z.number().positive().max(4),
    seed: z.number().int().nonnegative(),
    runs: z.number().int().min(1).max(5),
    reuse: z.boolean(),
    keep: z.boolean()
});
type Args = z.infer<typeof argsSchema>;

export function parseArgs(argv: readonly string[]): Args {
    const raw: Record<string, unknown> = { scale: 1, seed: 42, runs: 1, reuse: false, keep: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--reuse' || arg === '--keep') raw[arg.slice(2)] = true;
        else if (arg === '--scale' || arg === '--seed' || arg === '--runs') {
            const value = argv[++i];
            if (value === undefined || Number.isNaN(Number(value))) throw new Error(`${arg} needs a number`);
            raw[arg.slice(2)] = Number(value);
        } else throw new Error(`unknown option ${arg} (use --scale <n> --seed <n> --runs <n> --reuse --keep)`);
    }
    const parsed = argsSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
}

const measureSchema = z.object({
    mode: z.enum(['floor', 'audit', 'cli']),
    phases: z.record(z.number()).optional(),
    wallMs: z.number(),
    cpuMs: z.number(),
    loadAvg: z.number(),
    maxRssBytes: z.number(),
    rows: z.record(z.number()),
    checks: z
        .array(
            z.object({
                id: z.string(),
                status: z.string(),
                count: z.number(),
                details: z.record(z.unknown()).optional()
            })
        )
        .optional()
});

/** Runs `bench/measure.ts <mode> <dir>` in a fresh Node process and returns its JSON line. */
export function measure(mode: MeasureMode, dir: string): Promise<MeasureResult> {
    return new Promise((resolvePromise, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'measure.ts'), mode, dir], {
            stdio: ['ignore', 'pipe', 'inherit']
        });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
        child.on('error', reject);
        child.on('close', (code) => {
            const line = stdout.trim().split('\n').pop() ?? '';
            if (code !== 0) return reject(new Error(`${mode} measurement exited with code ${code}`));
            try {
                resolvePromise(measureSchema.parse(JSON.parse(line)) as MeasureResult);
            } catch (err) {
                reject(new Error(`${mode} measurement printed no result line: ${(err as Error).message}`));
            }
        });
    });
}

/** Best-of-n wall time of `node dist/audit/cli.js --help` and of the bundled sample audit (JSON to /dev/null). */
async function measureStartup(n: number): Promise<{ helpMs: number; sampleMs: number }> {
    const time = (args: string[]): number => {
        const t0 = performance.now();
        execFileSync(process.execPath, [CLI_JS, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
        return performance.now() - t0;
    };
    let helpMs = Infinity;
    let sampleMs = Infinity;
    for (let i = 0; i < n; i++) {
        helpMs = Math.min(helpMs, time(['--help']));
        sampleMs = Math.min(sampleMs, time(['--format', 'json']));
    }
    return { helpMs, sampleMs };
}

async function snapshotFor(
    args: Args,
    log: (s: string) => void
): Promise<{ dir: string; plan: Plan; generatedMs?: number; bytes?: number }> {
    const dir = join(OUT_DIR, `snapshot-${args.scale}`);
    const plan = makePlan({ scale: args.scale, seed: args.seed });
    if (args.reuse && existsSync(join(dir, PLAN_FILE))) {
        const saved = JSON.parse(await readFile(join(dir, PLAN_FILE), 'utf8')) as Partial<Plan>;
        if (saved.seed === plan.seed && JSON.stringify(saved.planted) === JSON.stringify(plan.planted)) {
            log(`reusing ${dir}`);
            return { dir, plan };
        }
        log(`${dir} was generated with another plan; regenerating`);
    }
    log(`generating scale ${args.scale} (seed ${args.seed}) into ${dir}`);
    const generated = await generateSnapshot(dir, { scale: args.scale, seed: args.seed }, log);
    log(`generated ${(generated.bytes / 1e6).toFixed(0)} MB in ${(generated.ms / 1000).toFixed(1)} s`);
    return { dir, plan, generatedMs: generated.ms, bytes: generated.bytes };
}

/** The commit measured and whether the audit sources differed from it (the tree is shared while people work). */
function gitState(): { head: string; auditSourcesModified: boolean } | undefined {
    try {
        const git = (...args: string[]): string =>
            execFileSync('git', args, { cwd: join(BENCH_DIR, '..'), encoding: 'utf8' }).trim();
        return {
            head: git('rev-parse', 'HEAD'),
            auditSourcesModified: git('status', '--porcelain', '--', 'src/audit') !== ''
        };
    } catch {
        return undefined;
    }
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
const sec = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

async function main(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv);
    const log = (s: string): void => console.log(s);
    await mkdir(OUT_DIR, { recursive: true });
    const { dir, plan, generatedMs, bytes } = await snapshotFor(args, log);
    const startup = await measureStartup(5);
    const floors: MeasureResult[] = [];
    const audits: MeasureResult[] = [];
    for (let run = 1; run <= args.runs; run++) {
        log(`run ${run}/${args.runs}: read floor…`);
        floors.push(await measure('floor', dir));
        log(`run ${run}/${args.runs}: the CLI process (node dist/audit/cli.js)…`);
        audits.push(await measure('cli', dir));
    }
    const best = (ms: MeasureResult[]): MeasureResult => ms.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const floor = best(floors);
    const audit = best(audits);
    const peakRss = Math.max(...audits.map((a) => a.maxRssBytes));
    const ratio = audit.wallMs / floor.wallMs;
    const cpuRatio = Math.min(...audits.map((a) => a.cpuMs)) / Math.min(...floors.map((f) => f.cpuMs));
    const paired = audits.map((a, i) => a.wallMs / (floors[i]?.wallMs ?? NaN)).sort((a, b) => a - b);
    const pairedMedian = paired[Math.floor(paired.length / 2)] ?? ratio;
    const counts: CountRow[] = compareCounts(plan, audit.checks ?? []);
    const rowMismatches = Object.entries(plan.rows).filter(([object, n]) => floor.rows[object] !== n);
    const org = estimateOrgRequests(plan.rows);

    const table = new Table({ head: ['check', 'planted', 'audit', ''], style: { head: [], border: [] } });
    for (const c of counts) table.push([c.id, c.expected, c.actual ?? 'missing', c.ok ? 'ok' : 'MISMATCH']);
    console.log(table.toString());
    const perf = new Table({
        head: ['measurement (fastest run)', 'wall', 'CPU', 'peak RSS', 'load avg'],
        style: { head: [], border: [] }
    });
    const row = (label: string, m: MeasureResult, rss: number): string[] => [
        label,
        sec(m.wallMs),
        sec(m.cpuMs),
        mb(rss),
        m.loadAvg.toFixed(1)
    ];
    perf.push(row('read floor (DuckDB all_varchar, 2 threads)', floor, floor.maxRssBytes));
    perf.push(row('audit CLI process (start to report written)', audit, peakRss));
    console.log(perf.toString());
    const p = audit.phases ?? {};
    const engineMs = p.totalMs ?? 0;
    console.log(
        `phases of the fastest CLI run: load ${sec(p.loadMs ?? 0)}, checks ${sec(p.checksMs ?? 0)}, funnel ` +
            `${sec(p.funnelMs ?? 0)}, start-up + report ${sec(audit.wallMs - engineMs)}`
    );
    console.log(
        `start-up: --help ${sec(startup.helpMs)} (target ≤ 0.3 s: ${startup.helpMs <= 300 ? 'MET' : 'NOT MET'}), ` +
            `bundled sample ${sec(startup.sampleMs)} (target ≤ 1.5 s: ${startup.sampleMs <= 1500 ? 'MET' : 'NOT MET'}), best of 5`
    );
    const ratioOk = ratio <= TARGETS.floorRatio;
    const rssOk = peakRss <= TARGETS.maxRssBytes;
    console.log(
        `audit / floor = ${ratio.toFixed(2)}× wall (fastest runs; median of paired runs ${pairedMedian.toFixed(2)}×) — ` +
            `target ≤ ${TARGETS.floorRatio}×: ${ratioOk ? 'MET' : 'NOT MET'}`
    );
    console.log(
        `audit / floor = ${cpuRatio.toFixed(2)}× CPU time (robust when the machine is shared) — ` +
            `${cpuRatio <= TARGETS.floorRatio ? 'within' : 'over'} ${TARGETS.floorRatio}×`
    );
    console.log(`peak RSS ${mb(peakRss)} — target ≤ 1.5 GiB: ${rssOk ? 'MET' : 'NOT MET'}`);
    console.log(
        `org mode: ${org.requests} API requests (${org.requestsConservative} with ${org.objects.filter((o) => o.via === 'bulk2').length} ` +
            `slow Bulk jobs) for ${org.records.toLocaleString('en-US')} records; budget 1 per 10,000 = ${org.budget}: ` +
            `${org.meetsTarget ? 'MET' : 'NOT MET'}`
    );
    const results = {
        date: new Date().toISOString(),
        machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model,
            memoryBytes: os.totalmem(),
            node: process.version,
            loadavg: os.loadavg()
        },
        git: gitState(),
        scale: plan.scale,
        seed: plan.seed,
        rows: plan.rows,
        snapshotBytes: bytes,
        generateMs: generatedMs,
        startup,
        floor: floors,
        audit: audits,
        ratio,
        pairedMedianRatio: pairedMedian,
        cpuRatio,
        peakRssBytes: peakRss,
        targets: { floorRatio: TARGETS.floorRatio, ratioMet: ratioOk, maxRssBytes: TARGETS.maxRssBytes, rssMet: rssOk },
        counts,
        org
    };
    await writeFile(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${resolve(OUT_DIR, 'results.json')}`);
    if (!args.keep) await rm(dir, { recursive: true, force: true });
    const bad = counts.filter((c) => !c.ok);
    if (rowMismatches.length > 0) {
        console.error(
            `rows read differ from the plan: ${rowMismatches.map(([o, n]) => `${o} planned ${n}, read ${floor.rows[o]}`).join('; ')}`
        );
    }
    if (bad.length > 0)
        console.error(`${bad.length} count(s) differ from the planted defects: ${bad.map((c) => c.id).join(', ')}`);
    return bad.length > 0 || rowMismatches.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    main(process.argv.slice(2)).then(
        (code) => process.exit(code),
        (err: unknown) => {
            console.error(err instanceof Error ? err.message : err);
            process.exit(1);
        }
    );
}
