/** Stub of `lightning/uiRecordApi`: getRecord, updateRecord and the field readers, over the preview server. */
import { callOrThrow, UI_API } from '../transport';
import { fieldList, liveAdapters, wireAdapter } from '../wire';

interface FieldValue {
    value: unknown;
    displayValue: string | null;
}
interface RecordRep {
    apiName: string;
    id: string;
    fields: Record<string, FieldValue>;
}

interface GetRecordConfig extends Record<string, unknown> {
    recordId?: string;
    fields?: unknown;
    optionalFields?: unknown;
    layoutTypes?: unknown;
}

function recordUrl(config: GetRecordConfig): string {
    if (config.layoutTypes !== undefined) throw new Error('preview: getRecord with layoutTypes is not stubbed');
    const q = new URLSearchParams({
        fields: fieldList(config.fields).join(','),
        optionalFields: fieldList(config.optionalFields).join(',')
    });
    return `${UI_API}/records/${config.recordId ?? ''}?${q}`;
}

export const getRecord = wireAdapter<GetRecordConfig, RecordRep>(
    'getRecord',
    (config) => callOrThrow('GET', recordUrl(config)) as Promise<RecordRep>,
    (config) => Boolean(config.recordId)
);

/** Walks `Field` or `Rel.Field` of a record; undefined when the path was not loaded. */
function fieldAt(record: RecordRep | null | undefined, field: unknown): FieldValue | undefined {
    if (!record) return undefined;
    const names = fieldList(field)[0]?.split('.').slice(1) ?? [];
    let current: RecordRep | null = record;
    for (const [index, name] of names.entries()) {
        const entry: FieldValue | undefined = current?.fields[name];
        if (!entry) return undefined;
        if (index === names.length - 1) return entry;
        current = entry.value as RecordRep | null;
        if (!current) return { value: null, displayValue: null };
    }
    return undefined;
}

export function getFieldValue(record: RecordRep, field: unknown): unknown {
    return fieldAt(record, field)?.value;
}

export function getFieldDisplayValue(record: RecordRep, field: unknown): unknown {
    return fieldAt(record, field)?.displayValue;
}

async function refreshRecords(ids: readonly string[]): Promise<void> {
    await Promise.all(
        liveAdapters()
            .filter((a) => a.kind === 'getRecord' && ids.includes(String(a.config?.recordId)))
            .map((a) => a.refresh())
    );
}

/**
 * Saves and resolves with the saved record. Like LDS, every getRecord wire of the record then gets the new values
 * (here by fetching again; LDS merges the save response into its cache).
 */
export async function updateRecord(recordInput: { fields: Record<string, unknown> }): Promise<RecordRep> {
    const id = String(recordInput.fields.Id ?? '');
    const saved = (await callOrThrow('PATCH', `${UI_API}/records/${id}`, recordInput)) as RecordRep;
    await refreshRecords([id]);
    return saved;
}

export async function notifyRecordUpdateAvailable(items: readonly { recordId: string }[]): Promise<void> {
    await refreshRecords(items.map((i) => i.recordId));
}

/** Deprecated platform name of notifyRecordUpdateAvailable. */
export function getRecordNotifyChange(items: readonly { recordId: string }[]): void {
    void refreshRecords(items.map((i) => i.recordId));
}
