/**
 * The stubs' one way to the preview server: every call carries the page's `fault` and `latency` URL parameters, and
 * a failed answer becomes the error object LDS hands to components (`{ status, ok: false, statusText, body }`).
 */
const search = new URLSearchParams(window.location.search);

export interface ServerAnswer {
    status: number;
    ok: boolean;
    statusText: string;
    body: unknown;
}

/** The error LDS gives a component for a failed UI API or Apex call (a plain object, not an Error). */
export interface LdsError {
    status: number;
    ok: false;
    statusText: string;
    body: unknown;
    headers: Record<string, string>;
}

export function ldsError(answer: ServerAnswer): LdsError {
    return { status: answer.status, ok: false, statusText: answer.statusText, body: answer.body, headers: {} };
}

export async function call(method: string, url: string, body?: unknown): Promise<ServerAnswer> {
    const res = await fetch(url, {
        method,
        headers: {
            'content-type': 'application/json',
            'x-preview-fault': search.get('fault') ?? '',
            'x-preview-latency': search.get('latency') ?? ''
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await res.text();
    return { status: res.status, ok: res.ok, statusText: res.statusText, body: text ? JSON.parse(text) : null };
}

/** Resolves with the body, or rejects with the LDS-shaped error. */
export async function callOrThrow(method: string, url: string, body?: unknown): Promise<unknown> {
    const answer = await call(method, url, body);
    if (!answer.ok) throw ldsError(answer);
    return answer.body;
}

/** Records a page event (toast, navigation, refresh) in the server's request log. */
export function logEvent(kind: string, body: unknown): void {
    void fetch('/preview/log', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind, body })
    });
}

export const UI_API = '/services/data/v66.0/ui-api';
