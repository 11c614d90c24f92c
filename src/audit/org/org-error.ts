/**
 * The org source's error type. Until `src/audit/errors.ts` (owned by the audit core) exists this module defines a
 * compatible `OrgError` (exit code 3); it is reconciled with the shared one before release.
 */
export class OrgError extends Error {
    readonly exitCode = 3;
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'OrgError';
    }
}
