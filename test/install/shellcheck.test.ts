/**
 * ShellCheck on the project's shell scripts. CI installs Debian's shellcheck (.ci/run sets REQUIRE_SHELLCHECK=1);
 * a machine without it skips with the reason, CI fails instead.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCRIPTS = [
    ...readdirSync(join(REPO, 'scripts'))
        .filter((f) => f.endsWith('.sh'))
        .map((f) => join('scripts', f)),
    'test/install/fixtures/fake-sf/sf',
    '.ci/run'
];
const available = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
const required = process.env.REQUIRE_SHELLCHECK === '1';

function shellcheck(files: string[]): { status: number; out: string } {
    const res = spawnSync('shellcheck', ['--format=gcc', ...files], { cwd: REPO, encoding: 'utf8' });
    return { status: res.status ?? -1, out: `${res.stdout}${res.stderr}` };
}

const tmp: string[] = [];
afterAll(() => {
    for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('shellcheck', () => {
    it('is installed where CI requires it', () => {
        expect(available || !required, 'REQUIRE_SHELLCHECK=1 but shellcheck is not on PATH').toBe(true);
    });

    it.skipIf(!available)('finds nothing in the shell scripts', () => {
        expect(SCRIPTS).toContain('scripts/org-init.sh');
        const { status, out } = shellcheck(SCRIPTS);
        expect(out).toBe('');
        expect(status).toBe(0);
    });

    it.skipIf(!available)('reports a seeded defect (unquoted temp directory in the cleanup trap)', () => {
        const dir = mkdtempSync(join(tmpdir(), 'shellcheck-'));
        tmp.push(dir);
        const copy = join(dir, 'org-init.sh');
        const script = readFileSync(join(REPO, 'scripts/org-init.sh'), 'utf8');
        const broken = script
            .replace(`rm -rf "$WORK"' EXIT`, `rm -rf $WORK' EXIT`)
            .replace('cd "$(dirname "$0")/.."', 'cd $(dirname $0)/..');
        expect(broken).not.toBe(script);
        writeFileSync(copy, broken);
        const { status, out } = shellcheck([copy]);
        expect(status).not.toBe(0);
        expect(out).toMatch(/SC2046|SC2086/);
    });
});
