/**
 * `npm run audit` — the RevOps conversion audit over an export snapshot (default: the bundled sample) or an org.
 * Exit codes: 0 ran and within --fail-on; 1 findings over --fail-on; 2 bad usage or bad input; 3 org/API failure.
 */
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { contextNote, readContext, writeContext } from './baseline/context.js';
import { readBaseline } from './baseline/schema.js';
import { computeTrend } from './baseline/trend.js';
import { PROJECT_DIR, loadRulesConfig } from './config.js';
import { runAudit, type AuditReport } from './engine.js';
import { installSignalCleanup, sweepStale } from './cleanup.js';
import { InputError, UsageError, exitCodeOf } from './errors.js';
import { pullFromOrg, cleanupPull, type OrgPull } from './org-run.js';
import { buildFixes, checkFixesDir, writeFixList } from './fixes/index.js';
import { checkOutPath, inside, writeAtomic } from './out.js';
import {
    checksOverThreshold,
    parseAsOf,
    parseFailOn,
    parseFormat,
    parseList,
    parsePositiveInt,
    parseSeconds,
    redactSecrets,
    type Format
} from './options.js';
import { renderCsv } from './report/csv.js';
import { extrasOf, type ExtendedReport } from './report/extras.js';
import { renderHtml } from './report/html.js';
import { renderJson } from './report/json.js';
import { apiUsageLine, renderTerminal } from './report/terminal.js';

export const DEFAULT_SNAPSHOT = path.join(PROJECT_DIR, 'data', 'sample-snapshot');

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void; env: NodeJS.ProcessEnv };

type RawOptions = {
    snapshot?: string;
    targetOrg?: string;
    orgFromEnv?: boolean;
    saveSnapshot?: string;
    maxApiRequests?: string;
    requestTimeout?: string;
    asOf?: string;
    format: string;
    out?: string;
    failOn: string;
    rules?: string;
    governedLeadSources?: string;
    fixes?: string;
    baseline?: string;
    quiet?: boolean;
};

function program(io: CliIo): Command {
    return new Command('audit')
        .description('Audit attribution in existing Salesforce records (export snapshot or org) and report the funnel.')
        .option('--snapshot <dir>', 'snapshot directory: one <Object>.csv per object (default: data/sample-snapshot)')
        .option('--target-org <alias|username>', 'read an org logged in with `sf org login` (read-only)')
        .option('--org-from-env', 'read the org given by SF_ACCESS_TOKEN and SF_INSTANCE_URL (CI)')
        .option('--save-snapshot <dir>', 'with an org: keep the pulled CSVs in <dir>')
        .option('--max-api-requests <n>', 'with an org: stop cleanly before sending more than n API requests')
        .option(
            '--request-timeout <seconds>',
            'with an org: seconds the org has to answer one request before it is retried once, then the run exits 3',
            String(DEFAULT_REQUEST_TIMEOUT_S)
        )
        .option('--as-of <date>', 'reference date for aged Leads, YYYY-MM-DD (default: today, UTC)')
        .addOption(
            new Option('--format <format>', 'report format')
                .choices(['terminal', 'json', 'csv', 'html'])
                .default('terminal')
        )
        .option(
            '--out <path>',
            'write the report to <path> (atomically); the terminal summary still prints unless --quiet'
        )
        .option(
            '--fail-on <threshold>',
            'exit 1 when a check is over: none | any | N findings | P% of its records',
            'none'
        )
        .option(
            '--rules <file.json>',
            'JSON overrides of the Attribution_Rules__mdt values (e.g. {"agedLeadDays": 45})'
        )
        .option(
            '--governed-lead-sources <list>',
            'comma-separated governed Lead Source values (default: demo-org LeadSource value set)'
        )
        .option(
            '--fixes <dir>',
            'write a fix list into <dir>: fixes.csv (every proposed change), <Object>.csv (certain changes, for Data Loader or `sf data update bulk`) and <Object>.undo.csv'
        )
        .option(
            '--baseline <report.json>',
            'compare with an earlier --format json report: per check the count then and now, records newly broken and fixed'
        )
        .option('--quiet', 'print nothing but errors')
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

export { writeAtomic } from './out.js';

/** `DEFAULT_REQUEST_TIMEOUT_MS` of the org source (120 s; why: src/audit/org/http.ts), without loading it. */
export const DEFAULT_REQUEST_TIMEOUT_S = 120;

export function render(report: AuditReport, format: Format): string {
    switch (format) {
        case 'json':
            return renderJson(report);
        case 'csv':
            return renderCsv(report);
        case 'html':
            return renderHtml(report);
        case 'terminal':
            return renderTerminal(report);
    }
}

async function run(opts: RawOptions, io: CliIo): Promise<number> {
    const format = parseFormat(opts.format);
    const failOn = parseFailOn(opts.failOn);
    const fromOrg = opts.targetOrg !== undefined || opts.orgFromEnv === true;
    if (opts.targetOrg !== undefined && opts.orgFromEnv === true) {
        throw new UsageError(
            '--target-org and --org-from-env are exclusive: read the org of an `sf org login` (--target-org) or the ' +
                'one SF_ACCESS_TOKEN + SF_INSTANCE_URL name (--org-from-env), not both'
        );
    }
    if (fromOrg && opts.snapshot !== undefined)
        throw new UsageError('--snapshot and --target-org/--org-from-env are exclusive: audit one source');
    if (!fromOrg && (opts.saveSnapshot !== undefined || opts.maxApiRequests !== undefined)) {
        throw new UsageError('--save-snapshot and --max-api-requests need an org (--target-org or --org-from-env)');
    }
    const maxApiRequests =
        opts.maxApiRequests === undefined ? undefined : parsePositiveInt('--max-api-requests', opts.maxApiRequests);
    const requestTimeoutMs =
        1000 * parseSeconds('--request-timeout', opts.requestTimeout ?? String(DEFAULT_REQUEST_TIMEOUT_S));
    const snapshotDir = opts.snapshot ?? DEFAULT_SNAPSHOT;
    const guarded = fromOrg
        ? opts.saveSnapshot !== undefined
            ? [{ flag: '--save-snapshot', dir: opts.saveSnapshot }]
            : []
        : [{ flag: '--snapshot', dir: snapshotDir }];
    if (opts.out !== undefined) checkOutPath(opts.out, guarded);
    if (opts.fixes !== undefined) {
        checkFixesDir(opts.fixes, guarded);
        if (opts.out !== undefined && inside(opts.out, opts.fixes))
            throw new UsageError(
                `--out ${opts.out} is inside --fixes ${opts.fixes}, which is replaced as a whole: write the report elsewhere`
            );
    }
    const baseline = opts.baseline === undefined ? undefined : await readBaseline(opts.baseline);
    // a saved org snapshot carries the rules, governed values and date its org run used (baseline/context.ts)
    const context = fromOrg ? undefined : await readContext(snapshotDir);
    const asOf = opts.asOf === undefined && context ? parseAsOf(context.asOf) : parseAsOf(opts.asOf);
    // temp files of earlier runs that were killed (SIGKILL, a crash) before they could clean up
    await sweepStale(os.tmpdir(), 'tmp');
    if (opts.out !== undefined) await sweepStale(path.dirname(path.resolve(opts.out)), 'beside');
    if (opts.saveSnapshot !== undefined) await sweepStale(path.dirname(path.resolve(opts.saveSnapshot)), 'beside');
    if (opts.fixes !== undefined) await sweepStale(path.dirname(path.resolve(opts.fixes)), 'beside');
    const governed =
        opts.governedLeadSources === undefined
            ? undefined
            : parseList('--governed-lead-sources', opts.governedLeadSources);
    let pull: OrgPull | undefined;
    let report: AuditReport;
    try {
        if (fromOrg) {
            pull = await pullFromOrg({
                ...(opts.targetOrg !== undefined ? { targetOrg: opts.targetOrg } : {}),
                ...(opts.saveSnapshot !== undefined ? { saveSnapshot: opts.saveSnapshot } : {}),
                ...(maxApiRequests !== undefined ? { maxApiRequests } : {}),
                requestTimeoutMs,
                env: io.env,
                quiet: opts.quiet === true
            });
        }
        const rules = await loadRulesConfig({
            ...(opts.rules ? { rulesFile: opts.rules } : {}),
            ...(pull?.rules ? { orgRules: pull.rules } : context ? { orgRules: context.rules } : {})
        });
        const governedLeadSources = governed ?? pull?.governedLeadSources ?? context?.governedLeadSources;
        const convertedStatuses = pull?.convertedStatuses ?? context?.convertedStatuses;
        report = await runAudit({
            snapshotDir: pull?.dir ?? snapshotDir,
            rules,
            asOf,
            ...(governedLeadSources ? { governedLeadSources } : {}),
            ...(convertedStatuses ? { convertedStatuses } : {})
        });
        const extras = report as ExtendedReport;
        if (context) {
            extras.context = contextNote(context, {
                rules: opts.rules !== undefined,
                governed: governed !== undefined,
                asOf: opts.asOf !== undefined
            });
        }
        if (baseline && opts.baseline !== undefined) extras.trend = computeTrend(report, baseline, opts.baseline);
        if (opts.fixes !== undefined)
            extras.fixes = await writeFixList(opts.fixes, await buildFixes(report, pull?.dir ?? snapshotDir));
        // the saved snapshot records what this run used, so that re-auditing it later gives the same answer
        if (pull && !pull.temporary) await writeContext(pull.dir, report);
        if (pull) {
            report.source.kind = 'org';
            report.source.org = pull.info;
            report.warnings.push(...pull.warnings);
            if (pull.temporary) report.source.dir = opts.targetOrg ?? io.env.SF_INSTANCE_URL ?? 'the environment login';
        }
    } finally {
        if (pull) await cleanupPull(pull);
    }
    if (opts.out !== undefined) {
        try {
            await writeAtomic(opts.out, render(report, format));
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
            throw new InputError(`--out ${opts.out}: cannot write the report (${code}); nothing was written`, {
                cause: err
            });
        }
    }
    if (!opts.quiet) {
        if (opts.out !== undefined || format === 'terminal') {
            io.stdout(renderTerminal(report));
            if (opts.out !== undefined) io.stdout(`Report written to ${opts.out} (${format})\n`);
        } else {
            // Machine formats on stdout stay parseable: the org's request count goes to stderr (it is in the report too).
            io.stdout(render(report, format));
            const usage = apiUsageLine(report);
            if (usage) io.stderr(`${usage}\n`);
            const fixes = extrasOf(report).fixes;
            if (fixes)
                io.stderr(
                    `Fix list written to ${fixes.dir} (${fixes.certain} certain, ${fixes.suggested} to confirm); load: ${fixes.load.command}\n`
                );
        }
    }
    const over = checksOverThreshold(report, failOn);
    if (over.length > 0) {
        if (!opts.quiet) io.stderr(`Over --fail-on ${opts.failOn}: ${over.join(', ')}\n`);
        return 1;
    }
    return 0;
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
    const cmd = program(io);
    try {
        cmd.parse(argv, { from: 'user' });
    } catch (err) {
        if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
        throw err;
    }
    try {
        return await run(cmd.opts<RawOptions>(), io);
    } catch (err) {
        const code = exitCodeOf(err);
        const message = err instanceof Error ? err.message : String(err);
        io.stderr(`error: ${redactSecrets(message, io.env)}\n`);
        return code;
    }
}

/**
 * Standard streams a reader may close early (`| head`): EPIPE ends the writing quietly, the run keeps its exit code
 * (0 when within --fail-on) and prints no stack trace.
 */
export function pipeSafe(stream: NodeJS.WriteStream): (text: string) => void {
    let open = true;
    stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') open = false;
        else throw err;
    });
    return (text) => {
        if (open) stream.write(text);
    };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const stderr = pipeSafe(process.stderr);
    installSignalCleanup((signal) => stderr(`\ninterrupted (${signal}): temporary files removed, no report written\n`));
    const code = await main(process.argv.slice(2), { stdout: pipeSafe(process.stdout), stderr, env: process.env });
    process.exitCode = code;
}
