#!/usr/bin/env node
/**
 * `attribution-audit` (`npm run audit`) — the RevOps conversion audit over an export snapshot (default: the bundled
 * sample) or an org. Exit codes: 0 ran and within --fail-on; 1 findings over --fail-on; 2 bad usage or bad input;
 * 3 org/API failure. The flags are `src/audit/flags.ts`; the run is `src/audit/run.ts` (shared with `sf attribution
 * audit`); this file only parses argv and loads nothing heavy, so `--help` answers at once.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { installSignalCleanup } from './cleanup.js';
import { exitCodeOf } from './errors.js';
import { AUDIT_FLAGS, auditMessage, type RawOptions } from './flags.js';
import { redactSecrets } from './options.js';
import { runCli, type CliIo } from './run.js';

export { DEFAULT_SNAPSHOT } from './paths.js';
export { DEFAULT_REQUEST_TIMEOUT_S } from './flags.js';
export { writeAtomic } from './out.js';
export { render, type CliIo } from './run.js';

function program(io: CliIo): Command {
    const cmd = new Command('attribution-audit').description(auditMessage('summary'));
    for (const flag of AUDIT_FLAGS) {
        const spec = `--${flag.name}${flag.value ? ` <${flag.value}>` : ''}`;
        const option = new Option(spec, auditMessage(`flags.${flag.name}.summary`));
        if (flag.choices) option.choices(flag.choices);
        if (flag.default !== undefined) option.default(flag.default);
        cmd.addOption(option);
    }
    return cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
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
        return (await runCli(cmd.opts<RawOptions>(), io)).code;
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

/** True when this module is the process's entry point (also through the `node_modules/.bin` symlink of the bin). */
function isEntryPoint(): boolean {
    const entry = process.argv[1];
    if (!entry) return false;
    try {
        return import.meta.url === pathToFileURL(realpathSync(entry)).href;
    } catch {
        return false;
    }
}

if (isEntryPoint()) {
    const stderr = pipeSafe(process.stderr);
    installSignalCleanup((signal) => stderr(`\ninterrupted (${signal}): temporary files removed, no report written\n`));
    const code = await main(process.argv.slice(2), { stdout: pipeSafe(process.stdout), stderr, env: process.env });
    process.exitCode = code;
}
