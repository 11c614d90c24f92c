/** Refresh handlers registered through `lightning/refresh` (one registry for the stubs and the frame). */
type Handler = () => Promise<unknown> | unknown;
const handlers = new Map<number, { element: EventTarget; handler: Handler }>();
let nextId = 1;

export function registerRefreshHandler(element: EventTarget, handler: Handler): number {
    const id = nextId++;
    handlers.set(id, { element, handler });
    return id;
}

export function unregisterRefreshHandler(id: number): void {
    handlers.delete(id);
}

/** Called by the frame on a RefreshEvent. */
export async function runRefreshHandlers(): Promise<void> {
    await Promise.all([...handlers.values()].map(({ handler }) => handler()));
}
