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
import { checkOutPath, writeAtomic } from './out.js';
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
    const asOf = parseAsOf(opts.asOf);
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
    if (opts.out !== undefined) {
        checkOutPath(
            opts.out,
            fromOrg
                ? opts.saveSnapshot !== undefined
                    ? [{ flag: '--save-snapshot', dir: opts.saveSnapshot }]
                    : []
                : [{ flag: '--snapshot', dir: snapshotDir }]
        );
    }
    // temp files of earlier runs that were killed (SIGKILL, a crash) before they could clean up
    await sweepStale(os.tmpdir(), 'tmp');
    if (opts.out !== undefined) await sweepStale(path.dirname(path.resolve(opts.out)), 'beside');
    if (opts.saveSnapshot !== undefined) await sweepStale(path.dirname(path.resolve(opts.saveSnapshot)), 'beside');
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
            ...(pull?.rules ? { orgRules: pull.rules } : {})
        });
        const governedLeadSources = governed ?? pull?.governedLeadSources;
        report = await runAudit({
            snapshotDir: pull?.dir ?? snapshotDir,
            rules,
            asOf,
            ...(governedLeadSources ? { governedLeadSources } : {}),
            ...(pull?.convertedStatuses ? { convertedStatuses: pull.convertedStatuses } : {})
        });
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
        }
    }
    const over = checksOverThreshold(report, failOn);
    if (over.length > 0) {
        if (!opts.quiet) io.stderr(`Over --fail-on ${opts.failOn}: ${over.join(', ')}\n`);
        return { code: 1, report };
    }
    return { code: 0, report };
}
