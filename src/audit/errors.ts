/**
 * The audit's error types. The CLI maps each to an exit code: usage and input errors → 2, org/API errors → 3.
 * Messages name the file, line, field or object involved so a user can fix the input without reading code.
 */
export abstract class AuditError extends Error {
    abstract readonly exitCode: 2 | 3;
}

/** Bad command-line usage (unknown flag value, conflicting flags). Exit code 2. */
export class UsageError extends AuditError {
    readonly exitCode = 2;
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'UsageError';
    }
}

/** Bad input: a malformed or truncated CSV, an unreadable rules file, a snapshot directory without objects. Exit 2. */
export class InputError extends AuditError {
    readonly exitCode = 2;
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'InputError';
    }
}

/** The org or its API failed (login, REQUEST_LIMIT_EXCEEDED, dropped connection, failed Bulk job). Exit code 3. */
export class OrgError extends AuditError {
    readonly exitCode = 3;
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'OrgError';
    }
}

/** The exit code an error maps to: its own `exitCode` (2 or 3, also for the org source's own error class), else 2. */
export function exitCodeOf(err: unknown): 2 | 3 {
    if (typeof err === 'object' && err !== null && 'exitCode' in err) {
        const code = (err as { exitCode: unknown }).exitCode;
        if (code === 3) return 3;
        if (code === 2) return 2;
    }
    if (err instanceof Error && err.name === 'OrgError') return 3;
    return 2;
}
