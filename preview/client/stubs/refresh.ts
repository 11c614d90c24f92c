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

// The registry lives in a module of its own: the LWC resolver loads this file under its specifier
// (`refresh.ts?specifier=lightning/refresh`), the frame under its path, so state here would exist twice.
export { registerRefreshHandler, unregisterRefreshHandler } from '../refreshRegistry';

export function registerRefreshContainer(): number {
    return 0;
}

export function unregisterRefreshContainer(): void {}
