/** Shared by the org CLI tests: the CLI run against a started mock org, and a fake TTY for progress output. */
import { PassThrough } from 'node:stream';
import { expect } from 'vitest';
import { main } from '../../src/audit/cli.js';
import { TOKEN } from './fixtures.js';
import type { MockServer } from './mock-server.js';

/** Runs the audit CLI with `--org-from-env` against `server`; the token must never reach stdout or stderr. */
export async function runOrgCli(server: MockServer, args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main(['--org-from-env', '--as-of', '2026-11-01', ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url }
    });
    expect(`${stdout}\n${stderr}`).not.toContain(TOKEN);
    return { code, stdout, stderr, server };
}

/** A write stream that claims to be a 120-column terminal and collects what is written to it. */
export function fakeTty(): { stream: NodeJS.WriteStream; output: () => string } {
    const pass = new PassThrough();
    let out = '';
    pass.on('data', (c: Buffer) => (out += c.toString()));
    const stream = Object.assign(pass, {
        isTTY: true,
        columns: 120,
        cursorTo: () => true,
        clearLine: () => true,
        moveCursor: () => true
    }) as unknown as NodeJS.WriteStream;
    return { stream, output: () => out };
}
