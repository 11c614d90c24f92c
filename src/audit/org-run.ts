/**
 * Wires the CLI's org flags to the org source (`src/audit/org`): connect, pull a read-only snapshot within the API
 * budget (progress bars on a TTY), then audit it with the same engine. Any failure of the org phase is an OrgError
 * (exit 3) unless it is already one of the audit's errors.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RulesConfig } from './config.js';
import { tempTag, trackTemp } from './cleanup.js';
import { AuditError, OrgError } from './errors.js';

export type OrgPull = {
    dir: string;
    temporary: boolean;
    rules?: Partial<RulesConfig>;
    governedLeadSources?: string[];
    convertedStatuses?: string[];
    /** For the report: records read that differ from the org's COUNT(). */
    warnings: string[];
    info: Record<string, unknown>;
};

export type OrgFlags = {
    targetOrg?: string;
    saveSnapshot?: string;
    maxApiRequests?: number;
    requestTimeoutMs?: number;
    env: NodeJS.ProcessEnv;
    quiet: boolean;
};

type OrgModule = typeof import('./org/index.js');

async function loadOrgModule(): Promise<OrgModule> {
    try {
        return await import('./org/index.js');
    } catch (err) {
        throw new OrgError(`the org source (src/audit/org) is not available in this build: ${(err as Error).message}`);
    }
}

export async function pullFromOrg(flags: OrgFlags): Promise<OrgPull> {
    const org = await loadOrgModule();
    const temporary = flags.saveSnapshot === undefined;
    // `attribution-audit-<pid>-XXXXXX` in the temp directory: removed after the run, on a signal, or swept later
    const outDir = flags.saveSnapshot ?? path.join(await mkdtemp(path.join(os.tmpdir(), tempTag())), 'snapshot');
    if (temporary) trackTemp(path.dirname(outDir));
    const progress = flags.quiet
        ? { onProgress: () => undefined, stop: () => undefined }
        : org.createProgressReporter(process.stderr);
    try {
        const conn = await org.connectToOrg({
            ...(flags.targetOrg !== undefined ? { targetOrg: flags.targetOrg } : {}),
            env: flags.env
        });
        const pulled = await org.pullOrgSnapshot(conn, {
            outDir,
            ...(flags.maxApiRequests !== undefined ? { maxApiRequests: flags.maxApiRequests } : {}),
            ...(flags.requestTimeoutMs !== undefined ? { requestTimeoutMs: flags.requestTimeoutMs } : {}),
            onProgress: progress.onProgress
        });
        return {
            dir: pulled.dir,
            temporary,
            ...(pulled.rules ? { rules: pulled.rules } : {}),
            ...(pulled.governedLeadSources ? { governedLeadSources: pulled.governedLeadSources } : {}),
            ...(pulled.convertedStatuses ? { convertedStatuses: pulled.convertedStatuses } : {}),
            warnings: pulled.warnings,
            info: {
                requestsUsed: pulled.requestsUsed,
                ...(pulled.apiUsage ? { apiUsage: pulled.apiUsage } : {}),
                ...(flags.maxApiRequests !== undefined ? { maxApiRequests: flags.maxApiRequests } : {}),
                objects: pulled.objects,
                skippedObjects: pulled.skippedObjects,
                savedSnapshot: temporary ? null : pulled.dir
            }
        };
    } catch (err) {
        if (temporary) await removeTemp(path.dirname(outDir));
        if (err instanceof AuditError || (err instanceof Error && err.name === 'OrgError')) throw err;
        throw new OrgError(`org pull failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
        progress.stop();
    }
}

/** Removes a temporary pull directory (kept when --save-snapshot named it). */
export async function cleanupPull(pull: OrgPull): Promise<void> {
    if (pull.temporary) await removeTemp(path.dirname(pull.dir));
}

async function removeTemp(dir: string): Promise<void> {
    await rm(dir, { recursive: true, force: true });
    trackTemp(dir)(); // no longer tracked
}
