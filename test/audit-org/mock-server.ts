/**
 * A local mock of the Salesforce APIs the audit's org source uses, on 127.0.0.1 (ephemeral port):
 * - REST: `/sobjects/<Object>/describe`, `/query?q=` (SELECT … FROM … [WHERE f = v | f IN ('a', …)], `SELECT COUNT()`) with
 *   `nextRecordsUrl` paging (2,000 records per page);
 * - Bulk API 2.0 query: `POST /jobs/query` (create), `GET /jobs/query/<id>` (UploadComplete → InProgress →
 *   JobComplete), `GET /jobs/query/<id>/results?maxRecords=&locator=` (CSV pages chained by `Sforce-Locator`);
 * - `Sforce-Limit-Info: api-usage=used/limit` on every response; a bearer token check;
 * - faults: 401 INVALID_SESSION_ID, 403 REQUEST_LIMIT_EXCEEDED after N requests, a destroyed socket (once or always),
 *   a failed Bulk job, a 5xx, a request never answered (a hung org), Bulk result pages smaller than `maxRecords`
 *   asks for, a `COUNT()` that differs from the records a query returns.
 * Any write (POST anywhere but `/jobs/query`, any PUT/PATCH/DELETE) is answered 405 and recorded as a violation.
 * The server is bounded: it closes itself after `maxLifetimeMs` and refuses requests beyond `maxRequests`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type MockValue = string | number | boolean | null;
export type MockField = { name: string; type?: string; picklistValues?: { value: string; active: boolean }[] };
export type MockObject = {
    name: string;
    fields: MockField[];
    count: number;
    /** The i-th record (0-based), field name → value; `Id` included. */
    record: (i: number) => Record<string, MockValue>;
};

export type Faults = {
    unauthorized?: boolean;
    /** Answer 403 REQUEST_LIMIT_EXCEEDED once this many requests have been served. */
    limitExceededAfter?: number;
    /** Destroy the socket of requests whose path+query matches, this many times (Infinity: always). */
    drop?: { match: RegExp; times: number };
    /** Answer 503 to requests matching, this many times. */
    serverError?: { match: RegExp; times: number };
    /** Bulk jobs on this object end `Failed`. */
    failJobFor?: string;
    /** Never answer requests whose path+query matches, this many times (Infinity: always): a hung org. */
    hang?: { match: RegExp; times: number };
    /** Bulk result pages hold at most this many records, whatever `maxRecords` asks for. */
    bulkPageCap?: number;
    /** `SELECT COUNT()` answers the object's count plus this (per object name). */
    countOffset?: Record<string, number>;
};

export type MockOptions = {
    objects: MockObject[];
    token: string;
    apiVersion?: string;
    /** Polls a job answers InProgress before JobComplete. */
    pollsBeforeComplete?: number;
    apiUsage?: { used: number; limit: number };
    maxRequests?: number;
    maxLifetimeMs?: number;
    faults?: Faults;
    /** Answer every request this many milliseconds late (an org across the internet; the pull's concurrency test). */
    latencyMs?: number;
    /** Extra routes (path without query → JSON body), e.g. for @salesforce/core's login calls. */
    extraJson?: Record<string, unknown>;
};

export type LoggedRequest = { method: string; path: string; status: number };

export type MockServer = {
    url: string;
    requests: LoggedRequest[];
    violations: string[];
    faults: Faults;
    /** Requests answered with a status (destroyed sockets excluded) counted by API kind. */
    count: (match: RegExp) => number;
    close: () => Promise<void>;
};

type Cursor = { object: MockObject; fields: string[]; rows: number[] };
type Job = { id: string; object: MockObject; fields: string[]; rows: number[]; polls: number; failed: boolean };

const QUERY_RE =
    /^SELECT\s+(.+?)\s+FROM\s+(\w+)(?:\s+WHERE\s+(\w+)\s*(?:=\s*('(?:[^']*)'|true|false|null)|IN\s*\(((?:\s*'[^']*'\s*,?)+)\)))?\s*$/i;

function bulkCsvValue(v: MockValue | undefined): string {
    if (v === null || v === undefined) return '';
    return `"${String(v).replace(/"/g, '""')}"`;
}

export async function startMockServer(opts: MockOptions): Promise<MockServer> {
    const version = opts.apiVersion ?? '66.0';
    const base = `/services/data/v${version}`;
    const objects = new Map(opts.objects.map((o) => [o.name.toLowerCase(), o]));
    const faults: Faults = { ...opts.faults };
    const usage = { ...(opts.apiUsage ?? { used: 1_000, limit: 15_000 }) };
    const requests: LoggedRequest[] = [];
    const violations: string[] = [];
    const cursors = new Map<string, Cursor>();
    const jobs = new Map<string, Job>();
    const sockets = new Set<Socket>();
    let served = 0;
    let seq = 0;

    function send(
        res: ServerResponse,
        log: LoggedRequest,
        status: number,
        body: unknown,
        type = 'application/json',
        extra: Record<string, string> = {}
    ): void {
        log.status = status;
        usage.used++;
        res.writeHead(status, {
            'Content-Type': type === 'application/json' ? 'application/json;charset=UTF-8' : type,
            'Sforce-Limit-Info': `api-usage=${usage.used}/${usage.limit}`,
            ...extra
        });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
    }
    const apiError = (
        res: ServerResponse,
        log: LoggedRequest,
        status: number,
        errorCode: string,
        message: string
    ): void => send(res, log, status, [{ message, errorCode }]);

    function parseQuery(soql: string): { object: MockObject; fields: string[]; rows: number[] | number } | string {
        const m = QUERY_RE.exec(soql.trim());
        if (!m) return `MALFORMED_QUERY: mock cannot parse ${soql}`;
        const object = objects.get((m[2] ?? '').toLowerCase());
        if (!object) return `INVALID_TYPE: sObject type '${m[2]}' is not supported.`;
        const known = new Map(object.fields.map((f) => [f.name.toLowerCase(), f.name]));
        const list = (m[1] ?? '').split(',').map((f) => f.trim());
        const isCount = list.length === 1 && /^COUNT\(\)$/i.test(list[0] ?? '');
        const fields: string[] = [];
        if (!isCount) {
            for (const f of list) {
                const name = known.get(f.toLowerCase());
                if (!name) return `INVALID_FIELD: No such column '${f}' on entity '${object.name}'.`;
                fields.push(name);
            }
        }
        let rows: number[] | number = object.count;
        if (m[3]) {
            const field = known.get(m[3].toLowerCase());
            if (!field) return `INVALID_FIELD: No such column '${m[3]}' on entity '${object.name}'.`;
            const raw = m[4] ?? '';
            const want: MockValue[] = m[5]
                ? [...m[5].matchAll(/'([^']*)'/g)].map((x) => x[1] ?? '')
                : [raw.startsWith("'") ? raw.slice(1, -1) : raw === 'null' ? null : raw === 'true'];
            rows = [];
            for (let i = 0; i < object.count; i++) if (want.includes(object.record(i)[field] ?? null)) rows.push(i);
        }
        return { object, fields: isCount ? [] : fields, rows };
    }

    const rowList = (rows: number[] | number): number[] =>
        typeof rows === 'number' ? Array.from({ length: rows }, (_, i) => i) : rows;

    function restPage(res: ServerResponse, log: LoggedRequest, cursorId: string, offset: number): void {
        const cursor = cursors.get(cursorId);
        if (!cursor) return apiError(res, log, 400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        const slice = cursor.rows.slice(offset, offset + 2000);
        const records = slice.map((i) => {
            const r = cursor.object.record(i);
            const out: Record<string, unknown> = {
                attributes: { type: cursor.object.name, url: `${base}/sobjects/${cursor.object.name}/${String(r.Id)}` }
            };
            for (const f of cursor.fields) out[f] = r[f] ?? null;
            return out;
        });
        const done = offset + slice.length >= cursor.rows.length;
        send(res, log, 200, {
            totalSize: cursor.rows.length,
            done,
            ...(done ? {} : { nextRecordsUrl: `${base}/query/${cursorId}-${offset + slice.length}` }),
            records
        });
    }

    function handle(req: IncomingMessage, res: ServerResponse, bodyText: string): void {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const method = req.method ?? 'GET';
        const log: LoggedRequest = { method, path: url.pathname + url.search, status: 0 };
        requests.push(log);
        served++;
        if (opts.maxRequests !== undefined && served > opts.maxRequests) {
            violations.push(`more than ${opts.maxRequests} requests`);
            return apiError(res, log, 503, 'SERVER_UNAVAILABLE', 'mock request bound exceeded');
        }
        const isJobCreate = method === 'POST' && url.pathname === `${base}/jobs/query`;
        if (method !== 'GET' && !isJobCreate && !(method === 'POST' && url.pathname === '/services/oauth2/token')) {
            violations.push(`write request: ${method} ${url.pathname}`);
            return apiError(res, log, 405, 'METHOD_NOT_ALLOWED', 'the mock org is read-only');
        }
        if (faults.drop && faults.drop.times > 0 && faults.drop.match.test(log.path)) {
            faults.drop.times--;
            log.status = -1;
            req.socket.destroy();
            return;
        }
        if (faults.hang && faults.hang.times > 0 && faults.hang.match.test(log.path)) {
            faults.hang.times--;
            log.status = -2;
            return; // no answer: the socket stays open until the client gives up or the server closes
        }
        if (faults.serverError && faults.serverError.times > 0 && faults.serverError.match.test(log.path)) {
            faults.serverError.times--;
            return apiError(res, log, 503, 'SERVER_UNAVAILABLE', 'temporarily unavailable');
        }
        const extra = opts.extraJson?.[url.pathname];
        if (extra !== undefined) return send(res, log, 200, extra);
        if (faults.unauthorized || req.headers.authorization !== `Bearer ${opts.token}`) {
            return apiError(res, log, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        }
        if (faults.limitExceededAfter !== undefined && served > faults.limitExceededAfter) {
            return apiError(res, log, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
        }
        if (!url.pathname.startsWith(`${base}/`))
            return apiError(res, log, 404, 'NOT_FOUND', 'The requested resource does not exist');
        const rest = url.pathname.slice(base.length);
        let m: RegExpExecArray | null;
        if ((m = /^\/sobjects\/(\w+)\/describe$/.exec(rest))) {
            const object = objects.get((m[1] ?? '').toLowerCase());
            if (!object) return apiError(res, log, 404, 'NOT_FOUND', 'The requested resource does not exist');
            return send(res, log, 200, {
                name: object.name,
                queryable: true,
                fields: object.fields.map((f) => ({ type: 'string', ...f }))
            });
        }
        if (rest === '/query') {
            const parsed = parseQuery(url.searchParams.get('q') ?? '');
            if (typeof parsed === 'string') return apiError(res, log, 400, parsed.split(':')[0] ?? 'ERROR', parsed);
            if (parsed.fields.length === 0) {
                const total =
                    (typeof parsed.rows === 'number' ? parsed.rows : parsed.rows.length) +
                    (faults.countOffset?.[parsed.object.name] ?? 0);
                return send(res, log, 200, { totalSize: total, done: true, records: [] });
            }
            const id = `01gMOCK${String(++seq).padStart(8, '0')}`;
            cursors.set(id, { object: parsed.object, fields: parsed.fields, rows: rowList(parsed.rows) });
            return restPage(res, log, id, 0);
        }
        if ((m = /^\/query\/(01gMOCK\d+)-(\d+)$/.exec(rest))) return restPage(res, log, m[1] ?? '', Number(m[2]));
        if (rest === '/jobs/query' && isJobCreate) {
            let body: { operation?: string; query?: string };
            try {
                body = JSON.parse(bodyText) as typeof body;
            } catch {
                return apiError(res, log, 400, 'InvalidJob', 'body is not JSON');
            }
            if (body.operation !== 'query') {
                violations.push(`job operation ${String(body.operation)}`);
                return apiError(res, log, 400, 'InvalidJob', 'only query jobs');
            }
            const parsed = parseQuery(body.query ?? '');
            if (typeof parsed === 'string' || parsed.fields.length === 0) {
                return apiError(
                    res,
                    log,
                    400,
                    'INVALIDJOB',
                    typeof parsed === 'string' ? parsed : 'aggregates are not supported'
                );
            }
            const id = `750MOCK${String(++seq).padStart(11, '0')}`;
            const failed = faults.failJobFor?.toLowerCase() === parsed.object.name.toLowerCase();
            jobs.set(id, {
                id,
                object: parsed.object,
                fields: parsed.fields,
                rows: rowList(parsed.rows),
                polls: 0,
                failed
            });
            return send(res, log, 200, { id, operation: 'query', object: parsed.object.name, state: 'UploadComplete' });
        }
        if ((m = /^\/jobs\/query\/(750MOCK\d+)$/.exec(rest))) {
            const job = jobs.get(m[1] ?? '');
            if (!job) return apiError(res, log, 404, 'NOT_FOUND', 'no such job');
            job.polls++;
            const complete = job.polls > (opts.pollsBeforeComplete ?? 1);
            const state = !complete ? 'InProgress' : job.failed ? 'Failed' : 'JobComplete';
            return send(res, log, 200, {
                id: job.id,
                object: job.object.name,
                state,
                ...(state === 'Failed' ? { errorMessage: 'INVALID_FIELD: mock job failure' } : {}),
                numberRecordsProcessed: complete ? job.rows.length : 0
            });
        }
        if ((m = /^\/jobs\/query\/(750MOCK\d+)\/results$/.exec(rest))) {
            const job = jobs.get(m[1] ?? '');
            if (!job || job.polls <= (opts.pollsBeforeComplete ?? 1) || job.failed) {
                return apiError(res, log, 400, 'InvalidJobState', 'job not complete');
            }
            const accept = req.headers.accept ?? '*/*';
            if (!accept.includes('text/csv') && !accept.includes('*/*')) {
                return apiError(res, log, 406, 'NOT_ACCEPTABLE', `results are CSV; Accept was ${accept}`);
            }
            const max = Math.min(Number(url.searchParams.get('maxRecords') ?? '10000'), faults.bulkPageCap ?? Infinity);
            const locator = url.searchParams.get('locator');
            const offset = locator ? Number(Buffer.from(locator, 'base64url').toString()) : 0;
            const slice = job.rows.slice(offset, offset + max);
            let csv = `${job.fields.map((f) => `"${f}"`).join(',')}\n`;
            for (const i of slice) {
                const r = job.object.record(i);
                csv += `${job.fields.map((f) => bulkCsvValue(r[f])).join(',')}\n`;
            }
            const next = offset + slice.length;
            return send(res, log, 200, csv, 'text/csv', {
                'Sforce-Locator': next >= job.rows.length ? 'null' : Buffer.from(String(next)).toString('base64url'),
                'Sforce-NumberOfRecords': String(slice.length)
            });
        }
        return apiError(res, log, 404, 'NOT_FOUND', 'The requested resource does not exist');
    }

    const server = createServer((req, res) => {
        let body = '';
        req.setEncoding('utf8');
        req.on('data', (chunk: string) => (body += chunk));
        req.on('end', () => {
            if (opts.latencyMs) setTimeout(() => handle(req, res, body), opts.latencyMs);
            else handle(req, res, body);
        });
    });
    server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    let closed: Promise<void> | undefined;
    const close = (): Promise<void> =>
        (closed ??= new Promise<void>((resolve) => {
            clearTimeout(lifetime);
            for (const s of sockets) s.destroy();
            server.close(() => resolve());
        }));
    const lifetime = setTimeout(() => {
        violations.push('mock server lifetime exceeded');
        void close();
    }, opts.maxLifetimeMs ?? 60_000);
    lifetime.unref();
    return {
        url: `http://127.0.0.1:${port}`,
        requests,
        violations,
        faults,
        count: (match) => requests.filter((r) => match.test(r.path)).length,
        close
    };
}
