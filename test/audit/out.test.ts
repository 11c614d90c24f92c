/**
 * `--out` and temp files: a directory is refused with a clear error, a path inside the audited snapshot is refused
 * (the next run would read the report as an object file), a failed write leaves nothing, and temp files of an
 * earlier run that was killed are swept by the next one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT, main } from '../../src/audit/cli.js';
import { sweepStale, tempTag } from '../../src/audit/cleanup.js';
import { writeAtomic } from '../../src/audit/out.js';

const dirs: string[] = [];
afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function workDir(): string {
    const d = mkdtempSync(path.join(tmpdir(), 'audit-out-'));
    dirs.push(d);
    return d;
}

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(['--as-of', '2026-11-22', '--quiet', ...args], {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        env: {}
    });
    return { code, stdout, stderr };
}

/** A pid that surely does not run: a child that has exited. */
function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
        encoding: 'utf8'
    });
    return Number(child.stdout);
}

describe('--out', () => {
    it('naming a directory is a clear usage error (exit 2), before the run', async () => {
        const dir = workDir();
        const { code, stderr } = await cli(['--out', dir]);
        expect(code).toBe(2);
        expect(stderr).toContain(
            `--out ${dir} is a directory; name the report file, e.g. --out ${path.join(dir, 'audit-report.html')}`
        );
        expect(readdirSync(dir)).toEqual([]);
    });

    it('inside the snapshot directory is refused (the next run would read it as a CSV)', async () => {
        const inSample = path.join(DEFAULT_SNAPSHOT, 'report.csv');
        const { code, stderr } = await cli(['--format', 'csv', '--out', inSample]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/--out .*report\.csv is inside the snapshot directory \(--snapshot /);
        expect(existsSync(inSample)).toBe(false);
        // also through a relative path and a nested directory
        const snap = workDir();
        writeFileSync(path.join(snap, 'Lead.csv'), 'Id,LastName\n00Q000000000001,A\n');
        const nested = await cli(['--snapshot', snap, '--out', path.join(snap, 'reports', '..', 'x', 'r.json')]);
        expect(nested.code).toBe(2);
        expect(readdirSync(snap)).toEqual(['Lead.csv']);
    });

    it('a failed write exits 2 with the reason and leaves no temp file', async () => {
        const dir = workDir();
        writeFileSync(path.join(dir, 'not-a-dir'), 'x');
        const { code, stderr } = await cli(['--out', path.join(dir, 'not-a-dir', 'report.html')]);
        expect(code).toBe(2);
        expect(stderr).toMatch(
            /--out .*report\.html: cannot write the report \(E(NOTDIR|EXIST)\); nothing was written/
        );
        expect(readdirSync(dir)).toEqual(['not-a-dir']);
    });

    it('writeAtomic removes its temp file when the rename fails', async () => {
        const dir = workDir();
        const target = path.join(dir, 'taken');
        mkdirSync(path.join(target, 'inside'), { recursive: true }); // a non-empty directory: rename onto it fails
        await expect(writeAtomic(target, 'report')).rejects.toThrow();
        expect(readdirSync(dir)).toEqual(['taken']);
    });

    it('writes the report and nothing else beside it', async () => {
        const dir = workDir();
        const { code } = await cli(['--format', 'json', '--out', path.join(dir, 'report.json')]);
        expect(code).toBe(0);
        expect(readdirSync(dir)).toEqual(['report.json']);
    });
});

describe('stale temp files of killed runs', () => {
    it('are recognisable and swept when their process is gone, never while it runs', async () => {
        const dir = workDir();
        const dead = deadPid();
        const staleTmp = [`attribution-audit-${dead}-Ab12Cd`, `attribution-audit-${dead}-duckdb-1`];
        const staleBeside = [
            `.report.html.attribution-audit-${dead}-1764600000000.tmp`,
            `.saved.attribution-audit-${dead}-partial-x9Y8z7`
        ];
        for (const name of [...staleTmp, staleBeside[1] ?? '']) mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, staleBeside[0] ?? ''), 'half a report');
        const live = `${tempTag()}Kp3Qr9`; // this process's own
        mkdirSync(path.join(dir, live));
        // a user's own files that merely look alike are never touched
        const lookalikes = [
            `attribution-audit-${dead}-report.html`,
            `attribution-audit-${dead}-notes`,
            'attribution-audit-notes.txt'
        ];
        for (const name of lookalikes) writeFileSync(path.join(dir, name), 'mine');
        expect((await sweepStale(dir, 'tmp')).map((p) => path.basename(p)).sort()).toEqual([...staleTmp].sort());
        expect((await sweepStale(dir, 'beside')).map((p) => path.basename(p)).sort()).toEqual([...staleBeside].sort());
        expect(readdirSync(dir).sort()).toEqual([live, ...lookalikes].sort());
    });

    it('the next run with --out sweeps the directory of the report', async () => {
        const dir = workDir();
        const stale = `.report.json.attribution-audit-${deadPid()}-1764600000000.tmp`;
        writeFileSync(path.join(dir, stale), '{"half":');
        const { code } = await cli(['--format', 'json', '--out', path.join(dir, 'report.json')]);
        expect(code).toBe(0);
        expect(readdirSync(dir)).toEqual(['report.json']);
    });
});
