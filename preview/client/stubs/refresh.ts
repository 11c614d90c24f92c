/**
 * Stub of `lightning/refresh`: RefreshEvent and the refresh handler registry. The frame answers a RefreshEvent the
 * way a record page does: it calls every registered handler and fetches every live wire again.
 */
export const REFRESH_COMPLETE = 'REFRESH_COMPLETE';
export const REFRESH_COMPLETE_WITH_ERRORS = 'REFRESH_COMPLETE_WITH_ERRORS';
export const REFRESH_ERROR = 'REFRESH_ERROR';

export class RefreshEvent extends CustomEvent<unknown> {
    constructor() {
        super('lightning__refreshevent', { bubbles: true, composed: true, cancelable: true });
    }
}

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

export function registerRefreshContainer(): number {
    return 0;
}

export function unregisterRefreshContainer(): void {}

/** Called by the frame on a RefreshEvent. */
export async function runRefreshHandlers(): Promise<void> {
    await Promise.all([...handlers.values()].map(({ handler }) => handler()));
}
