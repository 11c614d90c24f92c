/**
 * Temporary files and directories of a run, removed whatever ends it: success, failure, Ctrl-C (SIGINT), a kill
 * (SIGTERM, SIGHUP). Every temp name contains `attribution-audit-<pid>-`, so a later run can sweep what a run killed
 * with SIGKILL (or a crash) left behind: entries whose pid no longer runs.
 */
import { rmSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';

const tracked = new Set<string>();

/** The recognisable part of every temp name of this process. */
export function tempTag(pid: number = process.pid): string {
    return `attribution-audit-${pid}-`;
}

/** Tracks a temp path for removal on a signal; returns the function that stops tracking it. */
export function trackTemp(p: string): () => void {
    tracked.add(p);
    return () => {
        tracked.delete(p);
    };
}

/** Removes every tracked temp path now (synchronously: it runs in signal handlers). */
export function removeTrackedSync(): void {
    for (const p of tracked) {
        try {
            rmSync(p, { recursive: true, force: true });
        } catch {
            // best effort: the process is ending
        }
    }
    tracked.clear();
}

export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** On SIGINT/SIGTERM/SIGHUP: remove the temp paths, print one line, exit 128 + the signal number. */
export function installSignalCleanup(onSignal: (signal: string) => void = () => undefined): void {
    for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
        process.once(signal as NodeJS.Signals, () => {
            removeTrackedSync();
            onSignal(signal);
            process.exit(code);
        });
    }
}

function alive(pid: number): boolean {
    if (pid === process.pid) return true;
    try {
        process.kill(pid, 0);
        return true;
    } catch (err) {
        return (err as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/**
 * Names this module's temp paths take, strictly (a user's own `attribution-audit-2024-report.html` never matches):
 * in the temp directory `attribution-audit-<pid>-XXXXXX` (mkdtemp) and `attribution-audit-<pid>-duckdb-<n>`; beside
 * `--out` / `--save-snapshot`, `.<name>.attribution-audit-<pid>-<ms>.tmp` and `.<name>.attribution-audit-<pid>-partial-XXXXXX`.
 */
const STALE = {
    tmp: /^attribution-audit-(\d+)-(?:[A-Za-z0-9]{6}|duckdb-\d+)$/,
    beside: /^\..+\.attribution-audit-(\d+)-(?:\d{10,}\.tmp|partial-[A-Za-z0-9]{6})$/
} as const;

/**
 * Removes entries of `dir` named by an earlier run whose process is gone: `tmp` names in the temp directory,
 * `beside` names next to a report or saved snapshot. Returns the paths removed.
 */
export async function sweepStale(dir: string, kind: keyof typeof STALE): Promise<string[]> {
    let entries: string[];
    try {
        entries = await readdir(dir);
    } catch {
        return [];
    }
    const removed: string[] = [];
    for (const name of entries) {
        const m = STALE[kind].exec(name);
        if (!m || alive(Number(m[1]))) continue;
        const full = path.join(dir, name);
        await rm(full, { recursive: true, force: true }).then(
            () => removed.push(full),
            () => undefined
        );
    }
    return removed;
}
