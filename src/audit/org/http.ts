/**
 * The org source's only way to talk to Salesforce: a thin layer over jsforce's `HttpApi` (the same class
 * `Connection.request` uses) that
 * - refuses anything but GET, plus POST to the Bulk API 2.0 query-job endpoint (creating a query job reads data);
 * - counts every HTTP request it sends and refuses to send one that would exceed the `--max-api-requests` budget;
 * - exposes response headers (`Sforce-Locator`, `Sforce-Limit-Info`) that `Connection.request` hides;
 * - retries idempotent GETs on a dropped connection or a 5xx a bounded number of times (jsforce's own silent retries
 *   are switched off so that every request is counted);
 * - turns failures into `OrgError`s that never contain the access token.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Connection } from '@jsforce/jsforce-node';
import { HttpApi } from '@jsforce/jsforce-node/lib/http-api.js';
import type { HttpMethods, HttpResponse } from '@jsforce/jsforce-node/lib/types/common.js';
import { OrgError } from '../errors.js';

export type ApiUsage = { used: number; limit: number };

export type RetryPolicy = {
    /** Extra attempts after the first one for an idempotent GET that hit a dropped connection or a 5xx. */
    attempts: number;
    /** Delay before the first retry; doubled for each further retry. */
    baseDelayMs: number;
    /** Extra attempts for an idempotent GET the org did not answer within the request timeout. */
    timeoutAttempts: number;
};

/**
 * Default time the org has to start answering one request. Salesforce ends a REST/SOAP call after 10 minutes, a query
 * call after the SOQL limit of 120 s (QUERY_TIMEOUT), and a Bulk API 2.0 result page starts streaming once the
 * page is ready (the job itself is polled, not waited on): 120 s without a byte is a hung org or network, not a
 * slow query. A body that streams slowly is not cut off (the limit covers the wait for the response's headers).
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

export type OrgHttpOptions = {
    maxApiRequests?: number;
    requestTimeoutMs?: number;
    retry?: Partial<RetryPolicy>;
    sleep?: (ms: number) => Promise<void>;
};

export type RawResponse<T> = { status: number; headers: Record<string, string>; body: T };

const JOBS_QUERY_PATH = /^\/services\/data\/v\d+\.\d+\/jobs\/query$/;
const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, timeoutAttempts: 1 };

/** Parses `api-usage=123/15000` out of a `Sforce-Limit-Info` header value. */
export function parseLimitInfo(header: string | undefined): ApiUsage | undefined {
    const match = header ? /api-usage=(\d+)\/(\d+)/.exec(header) : null;
    if (!match?.[1] || !match[2]) return undefined;
    return { used: Number(match[1]), limit: Number(match[2]) };
}

/** Replaces every occurrence of each secret in `text` with `***`. */
export function redact(text: string, secrets: readonly (string | undefined | null)[]): string {
    let out = text;
    for (const secret of secrets) {
        if (secret && secret.length >= 4) out = out.split(secret).join('***');
    }
    return out;
}

type ErrorLike = { errorCode?: unknown; name?: unknown; message?: unknown; cause?: unknown };

function errorCodeOf(err: unknown): string | undefined {
    const e = err as ErrorLike | null;
    if (e && typeof e.errorCode === 'string') return e.errorCode;
    return undefined;
}

function messageOf(err: unknown): string {
    const e = err as ErrorLike | null;
    const base = e && typeof e.message === 'string' ? e.message : String(err);
    const cause = e?.cause as ErrorLike | undefined;
    const causeCode =
        cause && typeof (cause as { code?: unknown }).code === 'string' ? (cause as { code: string }).code : '';
    const causeMessage = cause && typeof cause.message === 'string' ? cause.message : '';
    return [base, causeCode, causeMessage].filter(Boolean).join(': ');
}

/** A request jsforce aborted after its `timeout` (an AbortError, or its own "Request Timeout"). */
function isTimeout(err: unknown): boolean {
    const e = err as ErrorLike | null;
    const name = typeof e?.name === 'string' ? e.name : '';
    const message = typeof e?.message === 'string' ? e.message : '';
    return name === 'AbortError' || name === 'TimeoutError' || /Request Timeout|aborted due to timeout/i.test(message);
}

export class OrgHttp {
    /** Per-task request counters (`counted`): right also while several objects are pulled concurrently. */
    readonly #scope = new AsyncLocalStorage<{ requests: number }>();
    readonly #conn: Connection;
    readonly #maxApiRequests: number | undefined;
    readonly #retry: RetryPolicy;
    readonly #sleep: (ms: number) => Promise<void>;
    readonly #timeoutMs: number;
    #requestsUsed = 0;
    #apiUsage: ApiUsage | undefined;

    constructor(conn: Connection, options: OrgHttpOptions = {}) {
        if (!conn.instanceUrl) throw new OrgError('the connection has no instance URL; log in to the org first');
        this.#conn = conn;
        this.#maxApiRequests = options.maxApiRequests;
        this.#retry = { ...DEFAULT_RETRY, ...options.retry };
        this.#timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.#sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    }

    /** Runs `task`, counting the requests it (and only it) sends, also while other tasks send their own. */
    async counted<T>(task: () => Promise<T>): Promise<{ value: T; requests: number }> {
        const counter = { requests: 0 };
        const value = await this.#scope.run(counter, task);
        return { value, requests: counter.requests };
    }

    #countRequest(): void {
        this.#requestsUsed++;
        const counter = this.#scope.getStore();
        if (counter) counter.requests++;
    }

    /** HTTP requests sent to the org by this run (retries included). */
    get requestsUsed(): number {
        return this.#requestsUsed;
    }

    /** The org's rolling 24-hour API usage: the highest `Sforce-Limit-Info` seen (requests run concurrently). */
    get apiUsage(): ApiUsage | undefined {
        return this.#apiUsage;
    }

    /** Requests still allowed by the budget (Infinity without one). */
    get remainingBudget(): number {
        return this.#maxApiRequests === undefined ? Infinity : this.#maxApiRequests - this.#requestsUsed;
    }

    get apiVersion(): string {
        return this.#conn.version;
    }

    /** `/services/data/vXX.X` + `path` for paths relative to the versioned REST root. */
    dataPath(path: string): string {
        return `/services/data/v${this.#conn.version}${path}`;
    }

    async getJson<T>(path: string, what: string): Promise<RawResponse<T>> {
        return (await this.#send<T>('GET', path, what, 'application/json'))!;
    }

    /** Like `getJson`, but `undefined` when the org answers 404 / NOT_FOUND / INVALID_TYPE (no such object). */
    async getJsonIfExists<T>(path: string, what: string): Promise<RawResponse<T> | undefined> {
        return this.#send<T>('GET', path, what, 'application/json', undefined, true);
    }

    async getText(path: string, what: string): Promise<RawResponse<string>> {
        return (await this.#send<string>('GET', path, what, 'text/plain'))!;
    }

    /** The only non-GET request the org source makes: create a Bulk API 2.0 query job (reads, never writes). */
    async createQueryJob<T>(body: unknown, what: string): Promise<RawResponse<T>> {
        return (await this.#send<T>(
            'POST',
            this.dataPath('/jobs/query'),
            what,
            'application/json',
            JSON.stringify(body)
        ))!;
    }

    #absoluteUrl(path: string): string {
        const instanceUrl = this.#conn.instanceUrl.replace(/\/+$/, '');
        // an absolute URL (never expected, but a nextRecordsUrl could be one) must stay on the org's own origin
        if (/^https?:\/\//i.test(path) && new URL(path).origin === new URL(instanceUrl).origin) return path;
        if (path.startsWith('/services/')) return instanceUrl + path;
        if (path.startsWith('/')) return instanceUrl + this.dataPath(path);
        throw new OrgError(`internal error: unexpected request path "${path}"`);
    }

    #assertReadOnly(method: HttpMethods, url: string): void {
        if (method === 'GET') return;
        const path = new URL(url).pathname;
        if (method === 'POST' && JOBS_QUERY_PATH.test(path)) return;
        throw new OrgError(`refusing ${method} ${path}: the audit never writes to the org`);
    }

    #fail(what: string, detail: string, cause?: unknown): OrgError {
        return new OrgError(redact(`${what}: ${detail}`, [this.#conn.accessToken, this.#conn.refreshToken]), {
            cause: undefined === cause ? undefined : new Error(redact(messageOf(cause), [this.#conn.accessToken]))
        });
    }

    #usageText(): string {
        const u = this.#apiUsage;
        return u
            ? `the org has used ${u.used} of its ${u.limit} daily API requests`
            : 'no Sforce-Limit-Info was returned';
    }

    async #send<T>(
        method: HttpMethods,
        path: string,
        what: string,
        responseType: string,
        body?: string,
        missingOk = false
    ): Promise<RawResponse<T> | undefined> {
        const url = this.#absoluteUrl(path);
        this.#assertReadOnly(method, url);
        const retryable = method === 'GET';
        let timeouts = 0;
        for (let attempt = 0; ; attempt++) {
            if (this.#maxApiRequests !== undefined && this.#requestsUsed >= this.#maxApiRequests) {
                throw new OrgError(
                    `API request budget exhausted: ${what} needs another request but --max-api-requests ${this.#maxApiRequests} ` +
                        `were already used`
                );
            }
            this.#countRequest();
            let response: HttpResponse | undefined;
            const api = new HttpApi(this.#conn, {
                responseType,
                retry: { maxRetries: 0 },
                timeout: this.#timeoutMs
            });
            // jsforce re-sends once by itself after refreshing an expired session (stored logins with a refresh token)
            let sent = 0;
            api.on('request', () => {
                if (sent++ > 0) this.#countRequest();
            });
            api.on('response', (res: HttpResponse) => {
                response = res;
                const usage = parseLimitInfo(res.headers['sforce-limit-info']);
                // responses of concurrent requests arrive in any order: the org's usage only grows, keep the highest
                if (usage && (this.#apiUsage === undefined || usage.used >= this.#apiUsage.used))
                    this.#apiUsage = usage;
            });
            try {
                // result pages are asked for as CSV but taken as text (jsforce would otherwise parse them)
                const accept = responseType === 'text/plain' ? 'text/csv' : responseType;
                const headers: Record<string, string> =
                    body === undefined ? { Accept: accept } : { Accept: accept, 'Content-Type': 'application/json' };
                const result = await api.request<T>({ method, url, headers, ...(body === undefined ? {} : { body }) });
                return { status: response?.statusCode ?? 200, headers: response?.headers ?? {}, body: result };
            } catch (err) {
                const code = errorCodeOf(err);
                const status = response?.statusCode;
                if (status === undefined && isTimeout(err)) {
                    timeouts++;
                    if (retryable && timeouts <= this.#retry.timeoutAttempts) continue;
                    const seconds = this.#timeoutMs / 1000;
                    throw this.#fail(
                        what,
                        `the org did not answer within ${seconds} s (--request-timeout ${seconds}) ` +
                            `${timeouts > 1 ? `on ${timeouts} attempts` : 'on the only attempt (a job create is not re-sent)'}; ` +
                            'the org or the network is not responding: retry later, or raise --request-timeout'
                    );
                }
                if (status === 401 || code === 'INVALID_SESSION_ID') {
                    throw this.#fail(
                        what,
                        'session expired or invalid (HTTP 401); run `sf org login web --alias <alias>` again ' +
                            '(or refresh SF_ACCESS_TOKEN) and retry'
                    );
                }
                // text endpoints (Bulk results) surface the JSON error body as the message, not as an error code
                if (
                    code === 'REQUEST_LIMIT_EXCEEDED' ||
                    (status === 403 && messageOf(err).includes('REQUEST_LIMIT_EXCEEDED'))
                ) {
                    throw this.#fail(
                        what,
                        `the org refused the request: REQUEST_LIMIT_EXCEEDED (${messageOf(err)}); ${this.#usageText()}; ` +
                            'wait for the rolling 24-hour allowance to recover'
                    );
                }
                if (missingOk && (status === 404 || code === 'NOT_FOUND' || code === 'INVALID_TYPE')) return undefined;
                const transient =
                    status === undefined
                        ? !code || code.startsWith('ERROR_HTTP_5') || err instanceof TypeError
                        : status >= 500;
                if (retryable && transient && attempt < this.#retry.attempts) {
                    await this.#sleep(this.#retry.baseDelayMs * 2 ** attempt);
                    continue;
                }
                const tries = attempt + 1;
                const detail =
                    status === undefined
                        ? `connection failed (${messageOf(err)})`
                        : `HTTP ${status} ${code ?? ''}: ${messageOf(err)}`.replace(/\s+:/, ':');
                throw this.#fail(what, `${detail}${tries > 1 ? ` after ${tries} attempts` : ''}`, err);
            }
        }
    }
}
