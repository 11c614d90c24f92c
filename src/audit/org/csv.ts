/**
 * CSV the way Bulk API 2.0 query results are written (comma, LF, every value double-quoted, quotes doubled), so
 * that REST-pulled and Bulk-pulled objects land in the snapshot in one format. Pure functions, no I/O.
 */

/** One REST JSON value as a Bulk-style CSV field: null → empty, booleans true/false, other values quoted as-is. */
export function csvField(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'boolean') return value ? '"true"' : '"false"';
    if (typeof value === 'number' || typeof value === 'bigint') return `"${String(value)}"`;
    if (typeof value === 'string') return `"${value.replace(/"/g, '""')}"`;
    return `"${JSON.stringify(value).replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
    return `${values.map(csvField).join(',')}\n`;
}

export function csvHeader(fields: readonly string[]): string {
    return `${fields.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')}\n`;
}

/**
 * Counts the records (rows after the header) of a CSV text, honouring quoted fields that contain newlines.
 * A trailing newline does not start a record.
 */
export function countCsvRecords(text: string): number {
    let rows = 0;
    let inQuotes = false;
    let rowHasContent = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text.charCodeAt(i);
        if (ch === 34 /* " */) {
            inQuotes = !inQuotes;
            rowHasContent = true;
        } else if (ch === 10 /* \n */ && !inQuotes) {
            if (rowHasContent) rows++;
            rowHasContent = false;
        } else if (ch !== 13 /* \r */) {
            rowHasContent = true;
        }
    }
    if (rowHasContent) rows++;
    return Math.max(0, rows - 1);
}

/** Splits a CSV page into its header line and the rest (the header holds field names only, never newlines). */
export function splitHeader(page: string): { header: string; body: string } {
    const newline = page.indexOf('\n');
    if (newline < 0) return { header: page.replace(/\r$/, ''), body: '' };
    return { header: page.slice(0, newline).replace(/\r$/, ''), body: page.slice(newline + 1) };
}

/** The field names of a CSV header line (`"Id","Name"` or `Id,Name`). */
export function parseHeaderLine(line: string): string[] {
    return line.split(',').map((f) =>
        f
            .trim()
            .replace(/^"(.*)"$/, '$1')
            .replace(/""/g, '"')
    );
}
