/**
 * The two ways records leave the org: REST query (`nextRecordsUrl` paging, JSON turned into Bulk-style CSV rows) and
 * Bulk API 2.0 query jobs (create, poll with backoff, CSV result pages chained by `Sforce-Locator`). Both append to an
 * open snapshot file page by page, so no more than one page is ever held in memory. Jobs are never aborted or
 * deleted (that would be a write); a finished job's results expire on their own after 7 days.
 */
import type { FileHandle } from 'node:fs/promises';
import { countCsvRecords, csvHeader, csvRow, parseHeaderLine, splitHeader } from './csv.js';
import type { OrgHttp, RawResponse } from './http.js';
import { OrgError } from '../errors.js';
import { jobInfoSchema, parseResponse, queryResultSchema, type JobInfo, type QueryResult } from './plan.js';

export type PageCallback = (recordsSoFar: number) => void;

/** Runs a REST query and returns every record (for the few small lookups: LeadStatus, custom metadata). */
export async function restQueryAll(http: OrgHttp, soql: string, what: string): Promise<Record<string, unknown>[]> {
    const records: Record<string, unknown>[] = [];
    let path: string | undefined = http.dataPath(`/query?q=${encodeURIComponent(soql)}`);
    while (path) {
        const res: RawResponse<unknown> = await http.getJson<unknown>(path, what);
        const page: QueryResult = parseResponse(queryResultSchema, res.body, what);
        records.push(...page.records);
        path = page.done ? undefined : page.nextRecordsUrl;
        if (!page.done && !path)
            throw new OrgError(`${what}: the org said more records follow but sent no nextRecordsUrl`);
    }
    return records;
}

/** `SELECT COUNT() FROM …` → the number of records (one request). */
export async function restCount(http: OrgHttp, soql: string, what: string): Promise<number> {
    const res = await http.getJson<unknown>(http.dataPath(`/query?q=${encodeURIComponent(soql)}`), what);
    return parseResponse(queryResultSchema, res.body, what).totalSize;
}

function valueOf(record: Record<string, unknown>, field: string): unknown {
    if (field in record) return record[field];
    const lower = field.toLowerCase();
    for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === lower) return value;
    return undefined;
}

/** REST query → CSV rows appended to `out` (header written first). Returns the number of records. */
export async function restToCsv(
    http: OrgHttp,
    out: FileHandle,
    soql: string,
    fields: readonly string[],
    what: string,
    onPage?: PageCallback,
    onRecords?: (records: readonly Record<string, unknown>[]) => void
): Promise<number> {
    await out.write(csvHeader(fields));
    let written = 0;
    let path: string | undefined = http.dataPath(`/query?q=${encodeURIComponent(soql)}`);
    while (path) {
        const res: RawResponse<unknown> = await http.getJson<unknown>(path, what);
        const page: QueryResult = parseResponse(queryResultSchema, res.body, what);
        let chunk = '';
        for (const record of page.records) chunk += csvRow(fields.map((f) => valueOf(record, f)));
        await out.write(chunk);
        onRecords?.(page.records);
        written += page.records.length;
        onPage?.(written);
        path = page.done ? undefined : page.nextRecordsUrl;
        if (!page.done && !path)
            throw new OrgError(`${what}: the org said more records follow but sent no nextRecordsUrl`);
    }
    return written;
}

export type BulkOptions = {
    pageSize: number;
    pollIntervalMs: number;
    pollTimeoutMs: number;
    sleep: (ms: number) => Promise<void>;
    now: () => number;
};

const MAX_POLL_INTERVAL_MS = 10_000;

async function waitForJob(http: OrgHttp, job: JobInfo, object: string, opts: BulkOptions): Promise<JobInfo> {
    const started = opts.now();
    let delay = opts.pollIntervalMs;
    let info = job;
    for (;;) {
        if (info.state === 'JobComplete') return info;
        if (info.state === 'Failed' || info.state === 'Aborted') {
            throw new OrgError(
                `Bulk API 2.0 query job ${info.id} for ${object} ended ${info.state}: ${info.errorMessage ?? 'no error message'}`
            );
        }
        if (opts.now() - started > opts.pollTimeoutMs) {
            throw new OrgError(
                `Bulk API 2.0 query job ${info.id} for ${object} still ${info.state} after ` +
                    `${Math.round(opts.pollTimeoutMs / 1000)} s; it was left running (the audit never aborts jobs)`
            );
        }
        await opts.sleep(delay);
        delay = Math.min(MAX_POLL_INTERVAL_MS, Math.ceil(delay * 1.5));
        const res = await http.getJson<unknown>(
            http.dataPath(`/jobs/query/${info.id}`),
            `poll the ${object} query job`
        );
        info = parseResponse(jobInfoSchema, res.body, `poll the ${object} query job`);
    }
}

/**
 * Bulk API 2.0 query → CSV pages appended to `out`: the first page's header once, the rest of each page as is.
 * The header the org returns must match `fields` (the snapshot's header must name the API fields).
 */
export async function bulkToCsv(
    http: OrgHttp,
    out: FileHandle,
    object: string,
    soql: string,
    fields: readonly string[],
    opts: BulkOptions,
    onPage?: PageCallback
): Promise<number> {
    const created = await http.createQueryJob<unknown>(
        { operation: 'query', query: soql, contentType: 'CSV', columnDelimiter: 'COMMA', lineEnding: 'LF' },
        `create the ${object} query job`
    );
    const job = await waitForJob(
        http,
        parseResponse(jobInfoSchema, created.body, `create the ${object} query job`),
        object,
        opts
    );
    const expected = fields.map((f) => f.toLowerCase()).join(',');
    let written = 0;
    let locator: string | undefined;
    let first = true;
    do {
        const query = `maxRecords=${opts.pageSize}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
        const what = `read the ${object} query job results (page after ${written} records)`;
        const res = await http.getText(http.dataPath(`/jobs/query/${job.id}/results?${query}`), what);
        const text = typeof res.body === 'string' ? res.body : String(res.body ?? '');
        const { header, body } = splitHeader(text);
        const got = parseHeaderLine(header)
            .map((f) => f.toLowerCase())
            .join(',');
        if (text.length > 0 && got !== expected) {
            throw new OrgError(
                `${what}: the CSV header "${header}" does not match the fields queried (${fields.join(',')})`
            );
        }
        if (first) await out.write(csvHeader(fields));
        first = false;
        if (body.length > 0) await out.write(body.endsWith('\n') ? body : `${body}\n`);
        const counted = res.headers['sforce-numberofrecords'];
        written += counted !== undefined && /^\d+$/.test(counted) ? Number(counted) : countCsvRecords(text);
        onPage?.(written);
        const next = res.headers['sforce-locator'];
        locator = next && next !== 'null' ? next : undefined;
    } while (locator);
    return written;
}
