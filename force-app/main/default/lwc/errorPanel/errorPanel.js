import { LightningElement, api } from 'lwc';
import { LABELS, formatLabel } from 'c/attributionLabels';
import { reduceErrors } from 'c/attributionUtils';
/**
 * An error a rep can read: `summary` (a Custom Label with `{0}` for the server messages) filled with the messages
 * `reduceErrors` finds in `errors` (UI API, Apex, JavaScript errors or strings). Announced as an alert.
 */
export default class ErrorPanel extends LightningElement {
    @api
    summary = '{0}';
    @api
    errors;
    errorAlt = LABELS.errorAlt;
    get message() {
        return formatLabel(this.summary, reduceErrors(this.errors).join(' '));
    }
}
