/**
 * Stub of `@salesforce/apex` (refreshApex, getSObjectValue) and the runtime of every `@salesforce/apex/<C>.<m>`
 * import: a function that calls the method imperatively and, as `.adapter`, its wire adapter.
 */
import { callOrThrow } from '../transport';
import { adapterOf, wireAdapter } from '../wire';

/**
 * Wired loads of the same method with the same parameters that are in flight at once share one request, as Lightning
 * Data Service serves two components wiring one cacheable method (the real cache also answers later loads; this stub
 * only coalesces concurrent ones, so the request log never undercounts).
 */
const inFlight = new Map<string, Promise<unknown>>();

export function apexMethod(name: string) {
    const invoke = (params?: Record<string, unknown>): Promise<unknown> =>
        callOrThrow('POST', `/preview/apex/${name}`, params ?? {});
    const wired = (config: Record<string, unknown>): Promise<unknown> => {
        const key = `${name} ${JSON.stringify(config)}`;
        let pending = inFlight.get(key);
        if (!pending) {
            pending = invoke(config).finally(() => inFlight.delete(key));
            inFlight.set(key, pending);
        }
        return pending;
    };
    const adapter = wireAdapter<Record<string, unknown>, unknown>(`apex:${name}`, wired);
    return Object.assign(invoke, { adapter });
}

/** Fetches again the wire that gave `value` (any stubbed adapter: Apex, getRecord, related lists). */
export async function refreshApex(value: unknown): Promise<void> {
    await adapterOf(value)?.refresh();
}

export function getSObjectValue(record: Record<string, unknown>, field: unknown): unknown {
    const name = typeof field === 'string' ? field : (field as { fieldApiName?: string }).fieldApiName;
    return name?.split('.').reduce<unknown>((v, part) => (v as Record<string, unknown> | null)?.[part], record);
}
