/**
 * `sf attribution audit`: the conversion audit as a Salesforce CLI plugin command. Same flags (`src/audit/flags.ts`),
 * same messages (`messages/attribution.audit.md`), same run (`src/audit/run.ts`) as the `attribution-audit` npm CLI.
 *
 * - `--json`: the standard envelope `{ status, result, warnings }` with the report as `result`; `status` and the
 *   process exit code are the audit's (0 within --fail-on, 1 over it, 2 bad usage/input, 3 org/API failure).
 * - `-o/--target-org` names an `sf org login` alias or username. It is a plain string flag on purpose: a configured
 *   default `target-org` does not silently turn a snapshot audit into an org pull; without it the audit reads
 *   `--snapshot` (default: the bundled sample).
 */
import { Messages, SfError } from '@salesforce/core';
import type { Interfaces } from '@oclif/core';
import { Flags, SfCommand } from '@salesforce/sf-plugins-core';
import { exitCodeOf } from '../../../audit/errors.js';
import { AUDIT_FLAGS, camelCase, type RawOptions } from '../../../audit/flags.js';
import { redactSecrets } from '../../../audit/options.js';
import type { AuditReport } from '../../../audit/engine.js';

Messages.importMessagesDirectoryFromMetaUrl(import.meta.url);
const messages = Messages.loadMessages('attribution-guardrails', 'attribution.audit');

/** The oclif flags of AUDIT_FLAGS (built in a loop, so their value types are the RawOptions the run checks). */
function auditFlags(): Interfaces.FlagInput {
    const flags: Record<string, unknown> = {};
    for (const def of AUDIT_FLAGS) {
        const summary = messages.getMessage(`flags.${def.name}.summary`);
        const char = def.char ? { char: def.char } : {};
        flags[def.name] =
            def.value === undefined
                ? Flags.boolean({ summary, ...char })
                : Flags.string({
                      summary,
                      ...char,
                      helpValue: `<${def.value}>`,
                      ...(def.default !== undefined ? { default: def.default } : {}),
                      ...(def.choices ? { options: [...def.choices] } : {})
                  });
    }
    return flags as Interfaces.FlagInput;
}

export default class AttributionAudit extends SfCommand<AuditReport> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');
    public static override readonly flags = auditFlags();

    public async run(): Promise<AuditReport> {
        let flags: Record<string, unknown>;
        try {
            ({ flags } = await this.parse(AttributionAudit));
        } catch (err) {
            // oclif exits 1 on a flag it cannot parse; the audit's contract is 2 for bad usage (1 = findings)
            throw new SfError(err instanceof Error ? err.message : String(err), 'UsageError', undefined, 2);
        }
        const opts: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(flags)) {
            if (name !== 'json' && name !== 'flags-dir' && value !== undefined) opts[camelCase(name)] = value;
        }
        const json = this.jsonEnabled();
        const { runCli } = await import('../../../audit/run.js');
        try {
            const { code, report } = await runCli(opts as RawOptions, {
                // with --json the envelope is the only thing on stdout; the report is its `result`
                stdout: (text) => {
                    if (!json) process.stdout.write(text);
                },
                stderr: (text) => {
                    if (!json) process.stderr.write(text);
                },
                env: process.env
            });
            for (const warning of report.warnings) this.warn(warning);
            process.exitCode = code;
            return report;
        } catch (err) {
            const message = redactSecrets(err instanceof Error ? err.message : String(err), process.env);
            const name = err instanceof Error ? err.name : 'AuditError';
            throw new SfError(message, name, undefined, exitCodeOf(err), err instanceof Error ? err : undefined);
        }
    }
}
