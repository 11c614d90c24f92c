/**
 * Partial success (`Database.insert(records, false)`, Bulk/Data Loader): Salesforce rolls the batch back, removes
 * the failing rows and retries the rest, up to two retries with limits reset, so automation of a failing row leaves
 * no trace. Rows still failing after the last retry — or all rows of a third failure — are reported as failures.
 */
import { DmlException } from './engine.js';
import type { Database } from './engine.js';
import type { Fields } from './store.js';
import type { RecordError } from './types.js';

export interface SaveResult {
    readonly success: boolean;
    readonly id: string | null;
    readonly errors: readonly RecordError[];
}

const MAX_ATTEMPTS = 3;

export function saveAllowingPartial(
    db: Database,
    operation: 'insert' | 'update' | 'delete',
    objectName: string,
    rows: Fields[]
): SaveResult[] {
    const results: Array<SaveResult | undefined> = rows.map(() => undefined);
    let active = rows.map((_row, index) => index);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && active.length > 0; attempt++) {
        const batch = active;
        try {
            const ids = db.transaction(() =>
                db.dml(
                    operation,
                    objectName,
                    batch.map((i) => rows[i] ?? {}),
                    `P${attempt}`
                )
            );
            batch.forEach((index, n) => (results[index] = { success: true, id: ids[n] ?? null, errors: [] }));
            active = [];
        } catch (error) {
            if (!(error instanceof DmlException)) {
                throw error;
            }
            const failing = new Set(error.rowErrors.map((e) => e.index));
            for (const position of failing) {
                const index = batch[position];
                if (index !== undefined) {
                    const errors = error.rowErrors
                        .filter((e) => e.index === position)
                        .map(({ message, field }) => (field ? { message, field } : { message }));
                    results[index] = { success: false, id: null, errors };
                }
            }
            active = attempt === MAX_ATTEMPTS ? [] : batch.filter((_index, position) => !failing.has(position));
            if (attempt === MAX_ATTEMPTS) {
                batch
                    .filter((_index, position) => !failing.has(position))
                    .forEach((index) => {
                        results[index] = {
                            success: false,
                            id: null,
                            errors: [{ message: 'not saved: the batch still failed after the last retry' }]
                        };
                    });
            }
        }
    }
    return results.map((r) => r ?? { success: false, id: null, errors: [{ message: 'not attempted' }] });
}
