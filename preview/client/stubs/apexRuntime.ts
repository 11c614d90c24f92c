/**
 * Stub of `@salesforce/apex` (refreshApex, getSObjectValue) and the runtime of every `@salesforce/apex/<C>.<m>`
 * import: a function that calls the method imperatively and, as `.adapter`, its wire adapter.
 */
import { callOrThrow } from '../transport';
import { adapterOf, wireAdapter } from '../wire';

export function apexMethod(name: string) {
    const invoke = (params?: Record<string, unknown>): Promise<unknown> =>
        callOrThrow('POST', `/preview/apex/${name}`, params ?? {});
    const adapter = wireAdapter<Record<string, unknown>, unknown>(`apex:${name}`, (config) => invoke(config));
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
