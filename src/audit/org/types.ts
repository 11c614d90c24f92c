/**
 * Types of the org source's public interface (`pullOrgSnapshot`), shared with the audit CLI.
 */
import type { RulesConfig } from '../config.js';
import type { ApiUsage } from './http.js';
import type { Via } from './plan.js';

/** One object the audit reads: fields it cannot do without, and fields whose absence only skips some checks. */
export type OrgObjectSpec = {
    name: string;
    required: readonly string[];
    optional: readonly string[];
    /** The whole object may be absent (not enabled, not readable): it is then left out of the snapshot. */
    optionalObject?: boolean;
    /** SOQL condition on the rows pulled (field history: only the attribution fields' rows). */
    where?: string;
};

export type PullProgress = {
    object: string;
    phase: 'plan' | 'pull' | 'done' | 'skipped';
    via?: Via;
    records: number;
    /** Expected records (the COUNT()) once known. */
    total?: number;
    requestsUsed: number;
    /** Planning: the object's position (1-based) among the objects planned, and how many there are. */
    step?: number;
    steps?: number;
};

export type PullOptions = {
    /** Where the snapshot ends up; written via a temp dir and moved here only when the whole pull succeeded. */
    outDir: string;
    /** Never send more HTTP requests than this (retries and polls included). */
    maxApiRequests?: number;
    onProgress?: (event: PullProgress) => void;
    /** Objects to read (default: the audit's schema). */
    objects?: readonly OrgObjectSpec[];
    /** Objects with fewer records go over REST, others over Bulk API 2.0 (default 10,000). */
    restMaxRecords?: number;
    /** Records per Bulk API 2.0 results page (`maxRecords`, default 50,000). */
    bulkPageSize?: number;
    /** First Bulk job poll delay; later polls back off ×1.5 up to 10 s (default 1,000 ms). */
    pollIntervalMs?: number;
    /** Give up on a Bulk job still running after this long (default 15 minutes). */
    pollTimeoutMs?: number;
    /** Retries for a dropped connection / 5xx on GETs (default 3 retries, 500 ms doubling; 1 after a timeout). */
    retry?: { attempts?: number; baseDelayMs?: number; timeoutAttempts?: number };
    /** Per-request time limit for the org's answer, in milliseconds (default `DEFAULT_REQUEST_TIMEOUT_MS`). */
    requestTimeoutMs?: number;
    /** Objects planned and pulled at once (default `PULL_CONCURRENCY`, 3: why in src/audit/org/limit.ts). */
    concurrency?: number;
};

export type PulledObject = {
    records: number;
    via: Via;
    fields: string[];
    /** Wanted fields the org does not have (or the user cannot read); checks needing them are skipped. */
    missingFields: string[];
    /** API requests spent on this object (describe, count, query pages or job create/polls/result pages). */
    requests: number;
};

export type PullResult = {
    dir: string;
    requestsUsed: number;
    apiUsage?: ApiUsage;
    objects: Record<string, PulledObject>;
    /** Objects the org does not have or the user cannot read (optional objects only). */
    skippedObjects: Record<string, string>;
    rules?: Partial<RulesConfig>;
    governedLeadSources?: string[];
    convertedStatuses?: string[];
    /** Differences the report must show: records read that differ from the org's COUNT(), page sizes. */
    warnings: string[];
};
