/**
 * Stub of `lightning/actions`: CloseActionScreenEvent is the event a screen quick action dispatches to close its
 * modal; the preview frame listens for it on the action's element (preview/client/main.ts).
 */
export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor() {
        super('close', { detail: null });
    }
}
