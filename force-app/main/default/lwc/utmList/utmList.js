import { LightningElement, api } from 'lwc';
/** The UTM values of a record (rows from `utmRows`), or `emptyText` when none was captured. */
export default class UtmList extends LightningElement {
    @api
    rows = [];
    @api
    emptyText = '';
    get hasValues() {
        return (this.rows ?? []).some((row) => !row.isEmpty);
    }
}
