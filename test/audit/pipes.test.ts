/**
 * The CLI as a shell runs it: the report is the only thing on stdout (`npm run --silent audit`, as the README shows),
 * a reader that closes the pipe early (`| head`) ends the run quietly with exit 0, and a Ctrl-C or a kill leaves no
 * temporary files behind (the org pull is held on a request that never gets an answer while the signal arrives).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../src/audit/config.js';
import { CHECK_IDS } from '../../src/audit/vocabulary.js';
import { TOKEN, mockOrg } from '../audit-org/fixtures.js';
import { startMockServer, type MockServer } from '../audit-org/mock-server.js';

const TSX = path.join(PROJECT_DIR, 'node_modules', '.bin', 'tsx');
const CLI = path.join(PROJECT_DIR, 'src', 'audit', 'cli.ts');

let server: MockServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
    await server?.close();
    server = undefined;
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function workDir(): string {
    const d = mkdtempSync(path.join(tmpdir(), 'audit-pipes-'));
    dirs.push(d);
    return d;
}

describe('stdout holds only the report', () => {
    it('`npm run --silent audit -- --format json` (the README example) prints parseable JSON and nothing else', () => {
        const run = spawnSync('npm', ['run', '--silent', 'audit', '--', '--format', 'json', '--as-of', '2026-11-22'], {
            cwd: PROJECT_DIR,
            encoding: 'utf8'
        });
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect((JSON.parse(run.stdout) as { checks: unknown[] }).checks).toHaveLength(CHECK_IDS.length);
        // why the README says --silent: without it npm prints its own "> audit" banner on stdout
        const loud = spawnSync('npm', ['run', 'audit', '--', '--format', 'json', '--as-of', '2026-11-22'], {
            cwd: PROJECT_DIR,
            encoding: 'utf8'
        });
        expect(loud.stdout).toMatch(/^\s*> attribution-guardrails@/);
    }, 60_000);

    it('`… --format csv | head -n 3` through a shell pipe exits 0 with no error output', () => {
        const run = spawnSync(
            'bash',
            ['-c', 'set -o pipefail; npm run --silent audit -- --format csv --as-of 2026-11-22 | head -n 3'],
            { cwd: PROJECT_DIR, encoding: 'utf8' }
        );
        expect(run.status).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout.trimEnd().split('\n')).toHaveLength(3);
    }, 60_000);

    it('a reader that closed the pipe before the report (EPIPE) ends the run quietly with exit 0', async () => {
        const child = spawn(TSX, [CLI, '--format', 'json', '--as-of', '2026-11-22'], { cwd: PROJECT_DIR });
        child.stdout.destroy(); // the read end is closed before the report is written: its write gets EPIPE
        let stderr = '';
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
        expect(stderr).toBe('');
        expect(code).toBe(0);
    }, 60_000);
});

/** What is in a temp directory apart from tsx's own compile cache (`tsx-<uid>`). */
const leftovers = (dir: string): string[] => readdirSync(dir).filter((e) => !/^tsx-\d+$/.test(e));

async function hungPull(signal: NodeJS.Signals, extra: string[], tmp: string) {
    server = await startMockServer({
        objects: mockOrg({ leads: 50 }),
        token: TOKEN,
        faults: { hang: { match: /\/sobjects\/Opportunity\/describe/, times: Infinity } }
    });
    const child = spawn(TSX, [CLI, '--org-from-env', ...extra], {
        cwd: PROJECT_DIR,
        env: { ...process.env, TMPDIR: tmp, SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url }
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const mock = server;
    // wait until the pull is held on the request that never gets an answer (its temp directories exist by then)
    for (let i = 0; i < 400 && mock.count(/\/sobjects\/Opportunity\/describe/) === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
    expect(mock.count(/\/sobjects\/Opportunity\/describe/)).toBe(1);
    const during = readdirSync(tmp);
    child.kill(signal);
    const code = await closed;
    return { code, stderr, during };
}

/** The pipe examples of the README and docs/audit.md (`npm run --silent audit …`), comment stripped. */
function documentedPipes(): string[] {
    return ['README.md', path.join('docs', 'audit.md')].flatMap((f) =>
        readFileSync(path.join(PROJECT_DIR, f), 'utf8')
            .split('\n')
            .filter((l) => l.startsWith('npm run --silent audit') && l.includes(' | '))
            .map((l) => l.replace(/\s+#.*$/, ''))
    );
}

describe('the documented pipe examples work as written', () => {
    const hasJq = spawnSync('jq', ['--version']).status === 0;
    it.each(documentedPipes())(
        '%s',
        (line) => {
            // without jq on the machine, the part before `| jq` must still print what jq needs: one JSON document
            const command = !hasJq && line.includes('| jq') ? line.slice(0, line.indexOf('| jq')) : line;
            const run = spawnSync('bash', ['-c', `set -o pipefail; ${command}`], {
                cwd: PROJECT_DIR,
                encoding: 'utf8'
            });
            expect(run.stderr).toBe('');
            expect(run.status).toBe(0);
            expect(run.stdout.trim()).not.toBe('');
            if (command !== line) JSON.parse(run.stdout);
        },
        60_000
    );

    it('there are such examples in both files', () => {
        expect(documentedPipes().length).toBeGreaterThanOrEqual(3);
    });
});

describe('signals leave no temporary files', () => {
    it('Ctrl-C (SIGINT) during an org pull: exit 130, the temp snapshot removed', async () => {
        const tmp = workDir();
        const { code, stderr, during } = await hungPull('SIGINT', [], tmp);
        expect(during.some((e) => /^attribution-audit-\d+-/.test(e))).toBe(true); // the seeded state: it existed
        expect(code).toBe(130);
        expect(stderr).toMatch(/interrupted \(SIGINT\): temporary files removed/);
        expect(leftovers(tmp)).toEqual([]);
    }, 60_000);

    it('a kill (SIGTERM) with --save-snapshot: exit 143, no partial snapshot, no saved directory', async () => {
        const tmp = workDir();
        const saved = path.join(tmp, 'saved');
        const { code, during } = await hungPull('SIGTERM', ['--save-snapshot', saved], tmp);
        expect(during.some((e) => /^\.saved\.attribution-audit-\d+-partial-/.test(e))).toBe(true);
        expect(code).toBe(143);
        expect(existsSync(saved)).toBe(false);
        expect(leftovers(tmp)).toEqual([]);
    }, 60_000);
});
