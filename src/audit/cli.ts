/**
 * `npm run audit` — the RevOps conversion audit over an export snapshot (default: the bundled sample) or an org.
 * Exit codes: 0 ran and within --fail-on; 1 findings over --fail-on; 2 bad usage or bad input; 3 org/API failure.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { PROJECT_DIR, loadRulesConfig } from './config.js';
import { runAudit, type AuditReport } from './engine.js';
import { UsageError, exitCodeOf } from './errors.js';
import { pullFromOrg, cleanupPull, type OrgPull } from './org-run.js';
import {
    checksOverThreshold,
    parseAsOf,
    parseFailOn,
    parseFormat,
    parseList,
    parsePositiveInt,
    redactSecrets,
    type Format
} from './options.js';
import { renderCsv } from './report/csv.js';
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
    asOf?: string;
    format: string;
    out?: string;
    failOn: string;
    rules?: string;
    governedLeadSources?: string;
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
        .option('--quiet', 'print nothing but errors')
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}

/** Writes a file atomically: a temp file beside it, then rename. */
export async function writeAtomic(file: string, text: string): Promise<void> {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
}

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
    const asOf = parseAsOf(opts.asOf);
    const fromOrg = opts.targetOrg !== undefined || opts.orgFromEnv === true;
    if (fromOrg && opts.snapshot !== undefined)
        throw new UsageError('--snapshot and --target-org/--org-from-env are exclusive: audit one source');
    if (!fromOrg && (opts.saveSnapshot !== undefined || opts.maxApiRequests !== undefined)) {
        throw new UsageError('--save-snapshot and --max-api-requests need an org (--target-org or --org-from-env)');
    }
    const maxApiRequests =
        opts.maxApiRequests === undefined ? undefined : parsePositiveInt('--max-api-requests', opts.maxApiRequests);
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
            snapshotDir: pull?.dir ?? opts.snapshot ?? DEFAULT_SNAPSHOT,
            rules,
            asOf,
            ...(governedLeadSources ? { governedLeadSources } : {}),
            ...(pull?.convertedStatuses ? { convertedStatuses: pull.convertedStatuses } : {})
        });
        if (pull) {
            report.source.kind = 'org';
            report.source.org = pull.info;
            if (pull.temporary) report.source.dir = opts.targetOrg ?? io.env.SF_INSTANCE_URL ?? 'the environment login';
        }
    } finally {
        if (pull) await cleanupPull(pull);
    }
    if (opts.out !== undefined) await writeAtomic(opts.out, render(report, format));
    if (!opts.quiet) {
        if (opts.out !== undefined || format === 'terminal') {
            io.stdout(renderTerminal(report));
            if (opts.out !== undefined) io.stdout(`Report written to ${opts.out} (${format})\n`);
        } else {
            // Machine formats on stdout stay parseable: the org's request count goes to stderr (it is in the report too).
            io.stdout(render(report, format));
            const usage = apiUsageLine(report);
            if (usage) io.stderr(`${usage}\n`);
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    const code = await main(process.argv.slice(2), {
        stdout: (t) => process.stdout.write(t),
        stderr: (t) => process.stderr.write(t),
        env: process.env
    });
    process.exitCode = code;
}
