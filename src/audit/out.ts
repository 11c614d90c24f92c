/**
 * The report file (`--out`): checked before the run (not a directory, not inside the snapshot it audits, where the
 * next run would read it as an object's CSV) and written atomically through a temp file beside it that never
 * outlives the run (removed on failure and on a signal; named `.<file>.attribution-audit-<pid>-….tmp`).
 */
import { realpathSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempTag, trackTemp } from './cleanup.js';
import { UsageError } from './errors.js';

/** Resolves symlinks of the longest existing prefix, so a path and its link compare equal. */
function real(p: string): string {
    const abs = path.resolve(p);
    let dir = abs;
    const rest: string[] = [];
    for (;;) {
        try {
            return path.join(realpathSync(dir), ...rest);
        } catch {
            const parent = path.dirname(dir);
            if (parent === dir) return abs;
            rest.unshift(path.basename(dir));
            dir = parent;
        }
    }
}

/** `child` is `dir` or inside it (symlinks resolved). */
export function inside(child: string, dir: string): boolean {
    const rel = path.relative(real(dir), real(child));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Refuses an `--out` that is a directory, or inside a snapshot directory the run reads or writes. */
export function checkOutPath(out: string, snapshotDirs: readonly { flag: string; dir: string }[]): void {
    let isDir = false;
    try {
        isDir = statSync(out).isDirectory();
    } catch {
        // does not exist yet: fine
    }
    if (isDir || /[\\/]$/.test(out)) {
        throw new UsageError(
            `--out ${out} is a directory; name the report file, e.g. --out ${path.join(out, 'audit-report.html')}`
        );
    }
    for (const { flag, dir } of snapshotDirs) {
        if (inside(out, dir)) {
            throw new UsageError(
                `--out ${out} is inside the snapshot directory (${flag} ${dir}); the next audit of it would read the ` +
                    'report as an object file: write the report elsewhere'
            );
        }
    }
}

/** Writes a file atomically: a temp file beside it, then rename; the temp file is removed if anything fails. */
export async function writeAtomic(file: string, text: string): Promise<void> {
    const dir = path.dirname(path.resolve(file));
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.${path.basename(file)}.${tempTag()}${Date.now()}.tmp`);
    const untrack = trackTemp(tmp);
    try {
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, file);
    } catch (err) {
        await rm(tmp, { force: true });
        throw err;
    } finally {
        untrack();
    }
}
