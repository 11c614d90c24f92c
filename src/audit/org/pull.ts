/**
 * `pullOrgSnapshot`: reads the audit's objects from an org into a snapshot directory (`<Object>.csv` per object,
 * the same format as an export snapshot), read-only and within an API request budget.
 *
 * First a plan: per object a describe (fields wanted ∩ fields the org has) and a `SELECT COUNT()`, choosing REST for
 * small objects and Bulk API 2.0 for large ones; if the records cannot be read within what is left of the request
 * budget the pull stops before reading any. Then each object is read into its CSV page by page. Also read: the
 * `Attribution_Rules__mdt.Default` record (rules override), the converted Lead Statuses and the active Lead Source
 * values (governed values). Everything is written into a temp directory beside `outDir` and moved there only when the
 * whole pull succeeded; on any failure nothing is left behind.
 */
import { mkdir, mkdtemp, open, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Connection } from '@jsforce/jsforce-node';
import { tempTag, trackTemp } from '../cleanup.js';
import { OrgHttp } from './http.js';
import { PULL_CONCURRENCY, mapLimit } from './limit.js';
import { DEFAULT_OBJECTS, RULES_RECORD, RULES_TYPE } from './objects.js';
import { RULE_FIELDS } from '../config.js';
import { OrgError, UsageError } from '../errors.js';
import {
    activePicklistValues,
    chooseVia,
    convertedStatusesFrom,
    countSoql,
    describeSchema,
    parseResponse,
    rulesFromRecord,
    selectFields,
    selectSoql,
    type Describe,
    type Via
} from './plan.js';
import { bulkToCsv, restCount, restQueryAll, restToCsv, type BulkOptions } from './readers.js';
import type { OrgObjectSpec, PullOptions, PullProgress, PullResult } from './types.js';

const REST_PAGE = 2_000;
/** The file beside the CSVs recording what was pulled, how, and the org's rules and governed values. */
export const MANIFEST_FILE = 'org-source.json';

async function assertUsableOutDir(outDir: string): Promise<void> {
    let entries: string[];
    try {
        entries = await readdir(outDir);
    } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw new UsageError(`cannot use snapshot directory ${outDir}: ${(err as Error).message}`);
    }
    if (entries.length > 0) {
        throw new UsageError(`snapshot directory ${outDir} already exists and is not empty; choose a new directory`);
    }
}

async function describe(http: OrgHttp, object: string): Promise<Describe | undefined> {
    const what = `describe ${object}`;
    const res = await http.getJsonIfExists<unknown>(http.dataPath(`/sobjects/${object}/describe`), what);
    return res ? parseResponse(describeSchema, res.body, what) : undefined;
}

/** Requests a pull needs at the least: REST pages, or job create + one poll + result pages. */
export function minimumRequests(
    via: 'rest' | 'bulk2',
    records: number,
    bulkPageSize: number,
    restPageSize: number = REST_PAGE
): number {
    return via === 'rest'
        ? Math.max(1, Math.ceil(records / restPageSize))
        : 2 + Math.max(1, Math.ceil(records / bulkPageSize));
}

/** Records per page: asked for (Bulk `maxRecords`) or documented (REST 2,000), lowered to what the org returns. */
type PageSizes = { rest: number; bulk2: number };

/**
 * After a page: when the org returned fewer records than a page was assumed to hold (and more are to come), the
 * estimate of the requests still needed is redone with the size it actually returns; a pull that can no longer fit
 * `--max-api-requests` stops now, not after spending the budget. Pure apart from the error.
 */
export function checkBudgetAfterPage(args: {
    object: string;
    via: Via;
    total: number;
    written: number;
    pageRecords: number;
    pages: PageSizes;
    later: readonly { via: Via; total: number }[];
    remaining: number;
    maxApiRequests: number | undefined;
}): void {
    const { via, pages } = args;
    if (args.written >= args.total || args.pageRecords <= 0 || args.pageRecords >= pages[via]) return;
    const asked = pages[via];
    pages[via] = args.pageRecords;
    if (args.maxApiRequests === undefined) return;
    const rest = Math.ceil((args.total - args.written) / args.pageRecords);
    const needed =
        rest + args.later.reduce((sum, p) => sum + minimumRequests(p.via, p.total, pages.bulk2, pages.rest), 0);
    if (needed > args.remaining) {
        throw new OrgError(
            `API request budget: the org returns ${args.pageRecords.toLocaleString('en-US')} ${args.object} records per ` +
                `${via === 'rest' ? 'REST' : 'Bulk API 2.0 result'} page (${asked.toLocaleString('en-US')} were assumed); ` +
                `reading the rest needs at least ${needed} more requests but only ${args.remaining} of ` +
                `--max-api-requests ${args.maxApiRequests} remain`
        );
    }
}

async function readRules(http: OrgHttp): Promise<PullResult['rules']> {
    const desc = await describe(http, RULES_TYPE);
    if (!desc) return undefined;
    const have = new Set(desc.fields.map((f) => f.name));
    const fields = Object.values(RULE_FIELDS).filter((f) => have.has(f));
    if (fields.length === 0) return undefined;
    const what = `read ${RULES_TYPE}.${RULES_RECORD}`;
    const records = await restQueryAll(
        http,
        selectSoql(RULES_TYPE, ['DeveloperName', ...fields], `DeveloperName = '${RULES_RECORD}'`),
        what
    );
    const record = records[0];
    return record ? rulesFromRecord(record, what) : undefined;
}

function describePulled(result: PullResult): string {
    const done = Object.entries(result.objects).map(
        ([name, o]) => `${name} ${o.records.toLocaleString('en-US')} records (${o.via})`
    );
    return done.length > 0 ? done.join(', ') : 'nothing';
}

type ObjectPlan = {
    object: string;
    fields: string[];
    missingFields: string[];
    total: number;
    via: Via;
    where?: string;
    /** Requests spent planning it (describe + count). */
    planRequests: number;
};

/** Describe + COUNT() of one object; `undefined` (recorded in `skippedObjects`) for an absent optional object. */
async function planObject(
    http: OrgHttp,
    spec: OrgObjectSpec,
    result: PullResult,
    restMaxRecords: number,
    progress: (event: PullProgress) => void,
    position: { step: number; steps: number }
): Promise<ObjectPlan | undefined> {
    const object = spec.name;
    progress({ object, phase: 'plan', records: 0, requestsUsed: http.requestsUsed, ...position });
    const skip = (reason: string): undefined => {
        result.skippedObjects[object] = reason;
        progress({ object, phase: 'skipped', records: 0, requestsUsed: http.requestsUsed, ...position });
        return undefined;
    };
    const desc = await describe(http, object);
    if (!desc) {
        if (!spec.optionalObject) {
            throw new OrgError(`${object}: the org has no such object or the running user cannot read it`);
        }
        return skip('not in the org or not readable by the running user');
    }
    const selection = selectFields(spec, desc);
    if (selection.missingRequired.length > 0) {
        const missing = selection.missingRequired.map((f) => `${object}.${f}`).join(', ');
        if (!spec.optionalObject) {
            throw new OrgError(`${object}: the running user cannot read required field(s) ${missing}`);
        }
        return skip(`missing field(s) ${missing}`);
    }
    if (object === 'Lead') {
        const sources = activePicklistValues(desc, 'LeadSource');
        if (sources) result.governedLeadSources = sources;
    }
    const total = await restCount(http, countSoql(object, spec.where), `count ${object} records`);
    return {
        object,
        fields: selection.fields,
        missingFields: selection.missingOptional,
        total,
        via: chooseVia(total, restMaxRecords),
        ...(spec.where ? { where: spec.where } : {}),
        planRequests: 0 // the caller counts them (http.counted), right also while objects are planned concurrently
    };
}

export async function pullOrgSnapshot(conn: Connection, options: PullOptions): Promise<PullResult> {
    const outDir = resolve(options.outDir);
    const specs: readonly OrgObjectSpec[] = options.objects ?? DEFAULT_OBJECTS;
    const restMaxRecords = options.restMaxRecords ?? 10_000;
    const bulk: BulkOptions = {
        pageSize: options.bulkPageSize ?? 50_000,
        pollIntervalMs: options.pollIntervalMs ?? 1_000,
        pollTimeoutMs: options.pollTimeoutMs ?? 15 * 60_000,
        sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
        now: () => Date.now()
    };
    if (
        options.maxApiRequests !== undefined &&
        !(Number.isInteger(options.maxApiRequests) && options.maxApiRequests > 0)
    ) {
        throw new UsageError(`--max-api-requests must be a positive whole number, got ${options.maxApiRequests}`);
    }
    await assertUsableOutDir(outDir);
    const http = new OrgHttp(conn, {
        ...(options.maxApiRequests === undefined ? {} : { maxApiRequests: options.maxApiRequests }),
        ...(options.retry ? { retry: options.retry } : {}),
        ...(options.requestTimeoutMs === undefined ? {} : { requestTimeoutMs: options.requestTimeoutMs })
    });
    const progress = options.onProgress ?? (() => undefined);
    const result: PullResult = { dir: outDir, requestsUsed: 0, objects: {}, skippedObjects: {}, warnings: [] };
    await mkdir(dirname(outDir), { recursive: true });
    // `.<name>.attribution-audit-<pid>-partial-XXXXXX`: removed on any failure or signal, swept if a kill left it
    const tmp = await mkdtemp(join(dirname(outDir), `.${basename(outDir)}.${tempTag()}partial-`));
    const untrack = trackTemp(tmp);
    const pages: PageSizes = { rest: REST_PAGE, bulk2: bulk.pageSize };
    try {
        // 1. plan: describe + COUNT() per object (and the rules record), then check the whole pull fits the budget
        const concurrency = options.concurrency ?? PULL_CONCURRENCY;
        const planned = await mapLimit(specs, concurrency, async (spec, i) => {
            const { value: plan, requests } = await http.counted(() =>
                planObject(http, spec, result, restMaxRecords, progress, { step: i + 1, steps: specs.length })
            );
            return plan ? { ...plan, planRequests: requests } : undefined;
        });
        const plans = planned.filter((p): p is ObjectPlan => p !== undefined);
        const rules = await readRules(http);
        if (rules) result.rules = rules;
        const needed = plans.reduce((sum, p) => sum + minimumRequests(p.via, p.total, pages.bulk2, pages.rest), 0);
        if (needed > http.remainingBudget) {
            const largest = [...plans]
                .sort((a, b) => b.total - a.total)
                .slice(0, 3)
                .map((p) => `${p.object} ${p.total.toLocaleString('en-US')} records over ${p.via}`)
                .join(', ');
            throw new OrgError(
                `API request budget: reading the records needs at least ${needed} more requests (${largest}) but only ` +
                    `${http.remainingBudget} of --max-api-requests ${options.maxApiRequests} remain after planning`
            );
        }
        // 2. pull: each object into its CSV, page by page, `concurrency` objects at once
        const notStarted = new Set(plans);
        await mapLimit(plans, concurrency, async (plan) => {
            notStarted.delete(plan);
            const { value: records, requests } = await http.counted(() => pullObject(plan));
            // set as each object completes, so a later failure still names what was pulled
            result.objects[plan.object] = {
                records,
                via: plan.via,
                fields: plan.fields,
                missingFields: plan.missingFields,
                requests: plan.planRequests + requests
            };
        });
        // the objects in plan order, whichever finished first
        const done = result.objects;
        result.objects = {};
        for (const p of plans) {
            const pulledObject = done[p.object];
            if (pulledObject) result.objects[p.object] = pulledObject;
        }
        async function pullObject(plan: ObjectPlan): Promise<number> {
            const { object, via, total, fields } = plan;
            const soql = selectSoql(object, fields, plan.where);
            let previous = 0;
            const onPage = (records: number): void => {
                checkBudgetAfterPage({
                    object,
                    via,
                    total,
                    written: records,
                    pageRecords: records - previous,
                    pages,
                    // objects still to start; those in flight are held to the hard budget of OrgHttp itself
                    later: [...notStarted],
                    remaining: http.remainingBudget,
                    maxApiRequests: options.maxApiRequests
                });
                previous = records;
                progress({ object, phase: 'pull', via, records, total, requestsUsed: http.requestsUsed });
            };
            const file = await open(join(tmp, `${object}.csv`), 'w');
            let records: number;
            try {
                if (via === 'rest') {
                    const collected: Record<string, unknown>[] = [];
                    const collect =
                        object === 'LeadStatus'
                            ? (rs: readonly Record<string, unknown>[]) => collected.push(...rs)
                            : undefined;
                    records = await restToCsv(http, file, soql, fields, `query ${object}`, onPage, collect);
                    if (collect) result.convertedStatuses = convertedStatusesFrom(collected);
                } else {
                    records = await bulkToCsv(http, file, object, soql, fields, bulk, onPage);
                }
            } finally {
                await file.close();
            }
            if (records !== total) {
                result.warnings.push(
                    `${object}: the org's COUNT() said ${total.toLocaleString('en-US')} records but ` +
                        `${records.toLocaleString('en-US')} were read over ${via === 'rest' ? 'REST' : 'Bulk API 2.0'} ` +
                        `(records created or deleted during the pull, or rows the ${via === 'rest' ? 'query' : 'job'} ` +
                        'did not return); the audit used the records read'
                );
            }
            progress({ object, phase: 'done', via, records, total, requestsUsed: http.requestsUsed });
            return records;
        }
        result.requestsUsed = http.requestsUsed;
        if (http.apiUsage) result.apiUsage = http.apiUsage;
        const manifest = { apiVersion: http.apiVersion, pulledAt: new Date().toISOString(), ...result, dir: undefined };
        await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
        await rmdir(outDir).catch((err: NodeJS.ErrnoException) => {
            if (err.code !== 'ENOENT') throw err;
        });
        await rename(tmp, outDir);
        untrack();
        return result;
    } catch (err) {
        await rm(tmp, { recursive: true, force: true });
        untrack();
        result.requestsUsed = http.requestsUsed;
        if (err instanceof OrgError) {
            const usage = http.apiUsage ? `; org API usage ${http.apiUsage.used}/${http.apiUsage.limit}` : '';
            throw new OrgError(
                `${err.message}. Pulled before stopping: ${describePulled(result)}; ${http.requestsUsed} API requests ` +
                    `used${usage}; nothing was saved to ${outDir}`,
                { cause: err }
            );
        }
        throw err;
    }
}
