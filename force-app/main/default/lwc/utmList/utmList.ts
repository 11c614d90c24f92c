import { LightningElement, api } from 'lwc';
import type { UtmRow } from 'c/attributionUtils';

/** The UTM values of a record (rows from `utmRows`), or `emptyText` when none was captured. */
export default class UtmList extends LightningElement {
    @api rows: UtmRow[] = [];
    @api emptyText = '';

    get hasValues(): boolean {
        return (this.rows ?? []).some((row) => !row.isEmpty);
    }
}
