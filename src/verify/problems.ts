/** A single finding of the metadata gate: one line of output, naming file, line and element path. */
export type CheckName =
    | 'schema'
    | 'js-meta'
    | 'packaging'
    | 'references'
    | 'docs'
    | 'history'
    | 'preconditions'
    | 'project'
    | 'apex'
    | 'reports'
    | 'path';

export interface Problem {
    check: CheckName;
    /** Path of the offending file, relative to the project root when possible. */
    file: string;
    /** 1-based line of the offending element, when known. */
    line?: number;
    /** Slash-separated element path inside the file, e.g. `Flow/customErrors[2]/name`. */
    path?: string;
    message: string;
}

export function problem(
    check: CheckName,
    file: string,
    message: string,
    where: { line?: number; path?: string } = {}
): Problem {
    const p: Problem = { check, file, message };
    if (where.line !== undefined) p.line = where.line;
    if (where.path !== undefined) p.path = where.path;
    return p;
}

/** `file:line: [check] path: message` — the format every problem is printed in. */
export function formatProblem(p: Problem): string {
    const location = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
    const path = p.path ? ` ${p.path}:` : '';
    return `${location}: [${p.check}]${path} ${p.message}`;
}

/** Sorted by file, line, check and message, with exact duplicates removed. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
    const unique = new Map(problems.map((p) => [formatProblem(p), p]));
    return [...unique.values()].sort(
        (a, b) =>
            a.file.localeCompare(b.file) ||
            (a.line ?? 0) - (b.line ?? 0) ||
            a.check.localeCompare(b.check) ||
            a.message.localeCompare(b.message)
    );
}
