/**
 * Helpers of the package and plugin tests: run a command and capture it, pack the project, install the real
 * Salesforce CLI into a cache folder (once; it is not a project dependency), and an isolated `sf` environment
 * (temporary HOME and XDG folders, no telemetry, no update checks) so a test never sees a developer's logins.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_DIR } from '../../src/audit/paths.js';

/** The Salesforce CLI release the plugin is proven against (its @oclif/core is 4.14.0, the one we build with). */
export const SF_CLI_VERSION = '2.150.6';

export type Run = { code: number | null; stdout: string; stderr: string; ms: number };

export function run(
    cmd: string,
    args: readonly string[],
    opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}
): Promise<Run> {
    return new Promise((resolve, reject) => {
        const started = performance.now();
        const child = spawn(cmd, args, {
            cwd: opts.cwd ?? PROJECT_DIR,
            env: opts.env ?? process.env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
        const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr, ms: performance.now() - started });
        });
    });
}

/** Fails with the command's output when it did not exit 0. */
export async function runOk(cmd: string, args: readonly string[], opts: Parameters<typeof run>[2] = {}): Promise<Run> {
    const r = await run(cmd, args, opts);
    if (r.code !== 0) {
        throw new Error(
            `${cmd} ${args.join(' ')} exited ${r.code}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-4000)}`
        );
    }
    return r;
}

/** `npm pack` of the project (runs `prepare`, i.e. the build) into `dest`; returns the tarball's path. */
export async function packProject(dest: string): Promise<string> {
    const r = await runOk('npm', ['pack', '--json', '--pack-destination', dest], { timeoutMs: 300_000 });
    const parsed = JSON.parse(r.stdout.slice(r.stdout.indexOf('['))) as { filename: string }[];
    const file = parsed[0]?.filename;
    if (!file) throw new Error(`npm pack printed no file name: ${r.stdout}`);
    return path.join(dest, file);
}

/** The cache folder of the real `sf` (outside node_modules, which may be shared): SF_CLI_CACHE or ~/.cache. */
export function sfCacheDir(): string {
    return (
        process.env.SF_CLI_CACHE ??
        path.join(os.homedir(), '.cache', 'attribution-guardrails', `sf-cli-${SF_CLI_VERSION}`)
    );
}

/** Installs `@salesforce/cli@SF_CLI_VERSION` into the cache on first use (about 40 s); returns the `sf` binary. */
export async function ensureSfCli(): Promise<string> {
    const dir = sfCacheDir();
    const bin = path.join(dir, 'node_modules', '.bin', 'sf');
    if (existsSync(bin)) return bin;
    await mkdir(path.dirname(dir), { recursive: true });
    // installed beside the cache and renamed into place, so an interrupted install never looks complete
    const partial = await mkdtemp(`${dir}.partial-`);
    try {
        // the project's own overrides (undici 8 needs Node 22's zstd; 7.x keeps Node 20.19+ working) apply to sf too
        const { overrides } = await readJson<{ overrides?: Record<string, string> }>(
            path.join(PROJECT_DIR, 'package.json')
        );
        const manifest = { name: 'sf-cli-cache', private: true, dependencies: { '@salesforce/cli': SF_CLI_VERSION } };
        await writeFile(path.join(partial, 'package.json'), `${JSON.stringify({ ...manifest, overrides }, null, 2)}\n`);
        await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], {
            cwd: partial,
            timeoutMs: 600_000
        });
        await rename(partial, dir);
    } catch (err) {
        await rm(partial, { recursive: true, force: true });
        throw err;
    }
    return bin;
}

/** An environment for `sf` with its own HOME: logins, config, plugins and caches live in `home` only. */
export function sfEnv(home: string, sfBin: string): NodeJS.ProcessEnv {
    return {
        PATH: `${path.dirname(sfBin)}${path.delimiter}${process.env.PATH ?? ''}`,
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        XDG_DATA_HOME: path.join(home, '.local', 'share'),
        XDG_CACHE_HOME: path.join(home, '.cache'),
        TMPDIR: os.tmpdir(),
        SF_USE_GENERIC_UNIX_KEYCHAIN: 'true',
        SF_DISABLE_TELEMETRY: 'true',
        SF_AUTOUPDATE_DISABLE: 'true',
        SF_SKIP_NEW_VERSION_CHECK: 'true',
        SF_HIDE_RELEASE_NOTES: 'true',
        NODE_OPTIONS: ''
    };
}

export async function readJson<T>(file: string): Promise<T> {
    return JSON.parse(await readFile(file, 'utf8')) as T;
}
