/**
 * One audit run from parsed options, shared by the npm CLI (`src/audit/cli.ts`) and the `sf attribution audit`
 * plugin (`src/plugin`). The engine (DuckDB), the org source (jsforce), the rules reader and the report renderers
 * load only here, on first use, so `--help` and bad usage answer without them.
 */
import os from 'node:os';
import path from 'node:path';
import type { AuditReport } from './engine.js';
import { sweepStale } from './cleanup.js';
import { InputError, UsageError } from './errors.js';
import { DEFAULT_REQUEST_TIMEOUT_S, type RawOptions } from './flags.js';
import type { OrgPull } from './org-run.js';
import { checkOutPath, inside, writeAtomic } from './out.js';
import {
    checksOverThreshold,
    parseAsOf,
    parseFailOn,
    parseFormat,
    parseList,
    parsePositiveInt,
    parseSeconds,
    type Format
} from './options.js';
import { DEFAULT_SNAPSHOT } from './paths.js';
import type { ExtendedReport } from './report/extras.js';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void; env: NodeJS.ProcessEnv };

export async function render(report: AuditReport, format: Format): Promise<string> {
    switch (format) {
        case 'json':
            return (await import('./report/json.js')).renderJson(report);
        case 'csv':
            return (await import('./report/csv.js')).renderCsv(report);
        case 'html':
            return (await import('./report/html.js')).renderHtml(report);
        case 'terminal':
            return (await import('./report/terminal.js')).renderTerminal(report);
    }
}

/** Runs the audit the options describe; throws the audit's errors (exit 2/3), returns exit code 0 or 1 and the report. */
export async function runCli(opts: RawOptions, io: CliIo): Promise<{ code: 0 | 1; report: AuditReport }> {
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
    const fixesLib = opts.fixes === undefined ? undefined : await import('./fixes/index.js');
    if (fixesLib && opts.fixes !== undefined) {
        fixesLib.checkFixesDir(opts.fixes, guarded);
        if (opts.out !== undefined && inside(opts.out, opts.fixes))
            throw new UsageError(
                `--out ${opts.out} is inside --fixes ${opts.fixes}, which is replaced as a whole: write the report elsewhere`
            );
    }
    const baseline =
        opts.baseline === undefined
            ? undefined
            : await (await import('./baseline/schema.js')).readBaseline(opts.baseline);
    // a saved org snapshot carries the rules, governed values and date its org run used (baseline/context.ts)
    const contextLib = await import('./baseline/context.js');
    const context = fromOrg ? undefined : await contextLib.readContext(snapshotDir);
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
    const [{ loadRulesConfig }, { runAudit }] = await Promise.all([import('./config.js'), import('./engine.js')]);
    let pull: OrgPull | undefined;
    let report: AuditReport;
    try {
        if (fromOrg) {
            const { pullFromOrg } = await import('./org-run.js');
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
            extras.context = contextLib.contextNote(context, {
                rules: opts.rules !== undefined,
                governed: governed !== undefined,
                asOf: opts.asOf !== undefined
            });
        }
        if (baseline && opts.baseline !== undefined)
            extras.trend = (await import('./baseline/trend.js')).computeTrend(report, baseline, opts.baseline);
        if (fixesLib && opts.fixes !== undefined)
            extras.fixes = await fixesLib.writeFixList(
                opts.fixes,
                await fixesLib.buildFixes(report, pull?.dir ?? snapshotDir)
            );
        // the saved snapshot records what this run used, so that re-auditing it later gives the same answer
        if (pull && !pull.temporary) await contextLib.writeContext(pull.dir, report);
        if (pull) {
            report.source.kind = 'org';
            report.source.org = pull.info;
            report.warnings.push(...pull.warnings);
            if (pull.temporary) report.source.dir = opts.targetOrg ?? io.env.SF_INSTANCE_URL ?? 'the environment login';
        }
    } finally {
        if (pull) await (await import('./org-run.js')).cleanupPull(pull);
    }
    if (opts.out !== undefined) {
        try {
            await writeAtomic(opts.out, await render(report, format));
        } catch (err) {
            const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
            throw new InputError(`--out ${opts.out}: cannot write the report (${code}); nothing was written`, {
                cause: err
            });
        }
    }
    if (!opts.quiet) {
        const { apiUsageLine, renderTerminal } = await import('./report/terminal.js');
        if (opts.out !== undefined || format === 'terminal') {
            io.stdout(renderTerminal(report));
            if (opts.out !== undefined) io.stdout(`Report written to ${opts.out} (${format})\n`);
        } else {
            // Machine formats on stdout stay parseable: the org's request count goes to stderr (it is in the report too).
            io.stdout(await render(report, format));
            const usage = apiUsageLine(report);
            if (usage) io.stderr(`${usage}\n`);
            const fixes = (report as ExtendedReport).fixes;
            if (fixes)
                io.stderr(
                    `Fix list written to ${fixes.dir} (${fixes.certain} certain, ${fixes.suggested} to confirm); load: ${fixes.load.command}\n`
                );
        }
    }
    const over = checksOverThreshold(report, failOn);
    if (over.length > 0) {
        if (!opts.quiet) io.stderr(`Over --fail-on ${opts.failOn}: ${over.join(', ')}\n`);
        return { code: 1, report };
    }
    return { code: 0, report };
}
