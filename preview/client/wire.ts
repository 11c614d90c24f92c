/**
 * A wire adapter factory for the stubs, and the registry `refreshApex`, `notifyRecordUpdateAvailable` and the
 * page's refresh use to fetch again. Each adapter emits `{ data, error }` as LDS does, once per answer.
 */
export interface WireResult<T> {
    data?: T;
    error?: unknown;
}

type DataCallback<T> = (value: WireResult<T>) => void;

export interface LiveAdapter {
    readonly kind: string;
    config: Record<string, unknown> | null;
    refresh(): Promise<void>;
}

const live = new Set<LiveAdapter>();
const byValue = new WeakMap<object, LiveAdapter>();

export function liveAdapters(): LiveAdapter[] {
    return [...live];
}

/** Fetches again the adapter that emitted `value` (the object a component got from `@wire`). */
export function adapterOf(value: unknown): LiveAdapter | undefined {
    return value && typeof value === 'object' ? byValue.get(value) : undefined;
}

export function wireAdapter<C extends Record<string, unknown>, T>(
    kind: string,
    load: (config: C) => Promise<T>,
    ready: (config: C) => boolean = () => true
) {
    return class implements LiveAdapter {
        readonly kind = kind;
        config: C | null = null;
        private connected = false;
        private generation = 0;

        constructor(private readonly emit: DataCallback<T>) {}

        connect(): void {
            this.connected = true;
            live.add(this);
        }

        disconnect(): void {
            this.connected = false;
            live.delete(this);
        }

        update(config: C): void {
            this.config = config;
            if (ready(config)) void this.refresh();
        }

        async refresh(): Promise<void> {
            const config = this.config;
            if (!config || !ready(config)) return;
            const generation = ++this.generation;
            let value: WireResult<T>;
            try {
                value = { data: await load(config), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            if (!this.connected || generation !== this.generation) return;
            byValue.set(value, this);
            this.emit(value);
        }
    };
}

/** `{ objectApiName, fieldApiName }` or `'Object.Field'` → `'Object.Field'`. */
export function qualifiedName(field: unknown): string {
    if (typeof field === 'string') return field;
    const ref = field as { objectApiName?: string; fieldApiName?: string } | null;
    if (ref?.objectApiName && ref.fieldApiName) return `${ref.objectApiName}.${ref.fieldApiName}`;
    throw new Error(`preview: not a field reference: ${JSON.stringify(field)}`);
}

export function objectName(value: unknown): string {
    if (typeof value === 'string') return value;
    const ref = value as { objectApiName?: string } | null;
    if (ref?.objectApiName) return ref.objectApiName;
    throw new Error(`preview: not an object reference: ${JSON.stringify(value)}`);
}

export const fieldList = (fields: unknown): string[] =>
    fields === undefined || fields === null ? [] : [fields].flat().map(qualifiedName);
