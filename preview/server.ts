/**
 * The preview's HTTP server (127.0.0.1 only): the record-page frame, the built bundle, SLDS from npm, and the
 * stubbed platform: UI API routes (`/services/data/v66.0/ui-api/...`), Apex (`/preview/apex/<Class>.<method>`),
 * plus `/preview/log` (every stub call, toast and navigation, for the browser tests) and `/preview/reset`.
 *
 * Faults and latency come from the page's URL: the client stubs send them as `x-preview-fault`/`x-preview-latency`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadRulesConfig } from '../src/audit/config.js';
import { answerConvert, answerPreflight } from './convert.js';
import { loadObjectFields } from './metadata.js';
import { chooseRecord, parsePreviewParams, type Fault, FAULTS } from './scenarios.js';
import { loadSnapshot, type Snapshot } from './snapshot.js';
import { PreviewStore, recordError, type ApiResponse } from './ui-api.js';
import {
    getCampaignInfluence,
    getDealContext,
    loadDealRules,
    removeContactRole,
    saveContactRole,
    type DealRules
} from './deal-apex.js';

export const UI_API = '/services/data/v66.0/ui-api';
const SLDS_DIR = 'node_modules/@salesforce-ux/design-system/assets';

export interface LogEntry {
    kind: string;
    method: string;
    path: string;
    status: number;
    /** What the page sent (a save's `{ fields }`, an Apex call's parameters, a toast). */
    request?: unknown;
    body?: unknown;
    fault: Fault[];
}

/** Apex methods the preview answers (`@salesforce/apex/<Class>.<method>`); add one line per new method. */
export type ApexHandler = (
    params: unknown,
    ctx: { projectDir: string; store: PreviewStore; fault: readonly Fault[] }
) => Promise<ApiResponse>;
/** The deal stand-ins' configuration, read once per project directory. */
const dealRules = new Map<string, Promise<DealRules>>();
function dealRulesOf(projectDir: string): Promise<DealRules> {
    let rules = dealRules.get(projectDir);
    if (!rules) {
        rules = loadRulesConfig({ projectDir }).then((config) => loadDealRules(projectDir, config));
        dealRules.set(projectDir, rules);
    }
    return rules;
}
const deal =
    (fn: (store: PreviewStore, params: unknown, config: DealRules) => ApiResponse): ApexHandler =>
    async (params, { projectDir, store }) =>
        fn(store, params, await dealRulesOf(projectDir));
export const APEX_HANDLERS: Readonly<Record<string, ApexHandler>> = {
    'AttributionRulesController.getRules': async (_params, { projectDir }) => ({
        status: 200,
        body: await loadRulesConfig({ projectDir })
    }),
    'AttributionLeadConvertController.getPreflight': (params, { projectDir, store }) =>
        answerPreflight(params, store, projectDir),
    'AttributionLeadConvertController.convertLead': async (params, { projectDir, store, fault }) =>
        answerConvert(params, store, fault, projectDir),
    'AttributionDealController.getDealContext': deal(getDealContext),
    'AttributionDealController.saveContactRole': deal(saveContactRole),
    'AttributionDealController.removeContactRole': deal(removeContactRole),
    'AttributionInfluenceController.getCampaignInfluence': deal(getCampaignInfluence)
};

const TYPES: Readonly<Record<string, string>> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.html': 'text/html; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.png': 'image/png',
    '.map': 'application/json'
};

export interface PreviewServer {
    url: string;
    server: Server;
    log: LogEntry[];
    close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? JSON.parse(text) : null;
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
}

function sendFile(res: ServerResponse, root: string, rel: string): void {
    const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
    if (!file.startsWith(path.resolve(root)) || !existsSync(file) || !statSync(file).isFile()) {
        send(res, 404, `not found: ${rel}`, 'text/plain');
        return;
    }
    send(res, 200, readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
}

const list = (v: string | null): string[] => (v ? v.split(',').filter((s) => s.length > 0) : []);

/** Starts the server on 127.0.0.1 (port 0: any free port). `bundleDir` holds the rollup output and index.html. */
export async function startPreviewServer(opts: {
    projectDir: string;
    bundleDir: string;
    port?: number;
}): Promise<PreviewServer> {
    const objects = loadObjectFields(opts.projectDir);
    const snapshot: Snapshot = await loadSnapshot(opts.projectDir, objects);
    let store = new PreviewStore(structuredClone(snapshot), objects);
    const log: LogEntry[] = [];

    async function api(
        req: IncomingMessage,
        url: URL,
        fault: Fault[]
    ): Promise<{ kind: string; answer: ApiResponse; request?: unknown }> {
        const method = req.method ?? 'GET';
        const p = url.pathname;
        let m: RegExpMatchArray | null;
        if ((m = p.match(/^\/services\/data\/v66\.0\/ui-api\/records\/(\w+)$/))) {
            const id = m[1] as string;
            if (method === 'PATCH') {
                const body = (await readBody(req)) as { fields?: Record<string, unknown> } | null;
                const fields = { ...(body?.fields ?? {}) };
                delete fields.Id;
                const field = Object.keys(fields)[0] ?? null;
                const answer = fault.includes('save')
                    ? recordError(
                          'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                          'This record cannot be saved right now (preview fault=save).',
                          field,
                          field ? (objects[store.objectOf(id) ?? '']?.[field]?.label ?? null) : null
                      )
                    : store.updateRecord(id, fields);
                return { kind: 'updateRecord', answer, request: body };
            }
            const answer = fault.includes('record')
                ? { status: 404, body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] }
                : store.getRecord(
                      id,
                      list(url.searchParams.get('fields')),
                      list(url.searchParams.get('optionalFields'))
                  );
            return { kind: 'getRecord', answer };
        }
        if ((m = p.match(/^\/services\/data\/v66\.0\/ui-api\/related-list-records\/(\w+)\/(\w+)$/))) {
            const q = url.searchParams;
            const answer = fault.includes('relatedList')
                ? {
                      status: 403,
                      body: [{ errorCode: 'INSUFFICIENT_ACCESS', message: `You don't have access to ${m[2]}.` }]
                  }
                : store.getRelatedListRecords(
                      m[1] as string,
                      m[2] as string,
                      list(q.get('fields')),
                      list(q.get('optionalFields')),
                      Number(q.get('pageSize') ?? 50),
                      q.get('pageToken')
                  );
            return { kind: 'getRelatedListRecords', answer };
        }
        if ((m = p.match(/^\/services\/data\/v66\.0\/ui-api\/object-info\/(\w+)$/))) {
            return { kind: 'getObjectInfo', answer: store.getObjectInfo(m[1] as string) };
        }
        if ((m = p.match(/^\/preview\/apex\/(\w+\.\w+)$/))) {
            const handler = APEX_HANDLERS[m[1] as string];
            const params = await readBody(req);
            const answer = handler
                ? await handler(params, { projectDir: opts.projectDir, store, fault })
                : {
                      status: 500,
                      body: {
                          message: `preview: no stub for Apex ${m[1]} (add it to APEX_HANDLERS in preview/server.ts)`
                      }
                  };
            return { kind: `apex:${m[1]}`, answer, request: params };
        }
        return { kind: 'unknown', answer: { status: 404, body: [{ errorCode: 'NOT_FOUND', message: p }] } };
    }

    async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const p = url.pathname;
        if (p === '/' || p === '/index.html') return sendFile(res, opts.bundleDir, 'index.html');
        if (p.startsWith('/bundle/')) return sendFile(res, opts.bundleDir, p.slice('/bundle/'.length));
        if (p.startsWith('/slds/')) {
            return sendFile(res, path.join(opts.projectDir, SLDS_DIR), p.slice('/slds/'.length));
        }
        if (p === '/preview/page') {
            try {
                const params = parsePreviewParams(url.searchParams);
                const recordId = chooseRecord(store, params);
                return send(res, 200, { objectApiName: params.object, recordId, params });
            } catch (err) {
                return send(res, 400, { message: (err as Error).message });
            }
        }
        if (p === '/preview/log') {
            if (req.method === 'POST') {
                const event = (await readBody(req)) as { kind?: string; body?: unknown } | null;
                log.push({
                    kind: event?.kind ?? 'client',
                    method: 'POST',
                    path: p,
                    status: 200,
                    request: event?.body,
                    fault: []
                });
                return send(res, 200, { ok: true });
            }
            return send(res, 200, log);
        }
        if (p === '/preview/reset' && req.method === 'POST') {
            store = new PreviewStore(structuredClone(snapshot), objects);
            log.length = 0;
            return send(res, 200, { ok: true });
        }
        const fault = list(String(req.headers['x-preview-fault'] ?? '')).filter((f): f is Fault =>
            (FAULTS as readonly string[]).includes(f)
        );
        const latency = Math.min(Number(req.headers['x-preview-latency'] ?? 0) || 0, 60_000);
        if (latency > 0) await new Promise((r) => setTimeout(r, latency));
        const { kind, answer, request } = await api(req, url, fault);
        log.push({
            kind,
            method: req.method ?? 'GET',
            path: p + url.search,
            status: answer.status,
            request,
            body: answer.body,
            fault
        });
        send(res, answer.status, answer.body);
    }

    const server = createServer((req, res) => {
        handle(req, res).catch((err: unknown) => send(res, 500, { message: (err as Error).message }));
    });
    await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
        url: `http://127.0.0.1:${port}/`,
        server,
        log,
        close: () => new Promise((resolve) => server.close(() => resolve()))
    };
}
