/** Stub of `lightning/platformShowToastEvent`: the event the record-page frame turns into a toast. */
export class ShowToastEvent extends CustomEvent<unknown> {
    constructor(toast: unknown) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
