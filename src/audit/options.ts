/**
 * Parsing and validation of the CLI's option values (pure; the CLI maps failures to exit code 2).
 */
import { UsageError } from './errors.js';
import type { AuditReport } from './engine.js';

export const FORMATS = ['terminal', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export type FailOn = { kind: 'none' } | { kind: 'count'; max: number } | { kind: 'share'; max: number };

/** `none` (default: never exit 1), `any` (any finding), `N` (a check with more than N findings), `P%` (a check over P%). */
export function parseFailOn(value: string): FailOn {
    const v = value.trim().toLowerCase();
    if (v === 'none') return { kind: 'none' };
    if (v === 'any') return { kind: 'count', max: 0 };
    if (/^\d+$/.test(v)) return { kind: 'count', max: Number(v) };
    const m = /^(\d+(?:\.\d+)?)%$/.exec(v);
    if (m && Number(m[1]) <= 100) return { kind: 'share', max: Number(m[1]) / 100 };
    throw new UsageError(
        `--fail-on "${value}": expected none, any, a number of findings (e.g. 10) or a share (e.g. 5%)`
    );
}

/** The checks over the threshold (empty when the run is within it). */
export function checksOverThreshold(report: AuditReport, failOn: FailOn): string[] {
    if (failOn.kind === 'none') return [];
    return report.checks
        .filter((c) => c.status === 'fail' && (failOn.kind === 'count' ? c.count > failOn.max : c.share > failOn.max))
        .map((c) => c.id);
}

/** `YYYY-MM-DD` (or a full ISO datetime) → a UTC date; default today (UTC). */
export function parseAsOf(value: string | undefined, now: Date = new Date()): Date {
    if (value === undefined) return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
    const v = value.trim();
    const m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(v);
    const d = m ? new Date(m[4] ? v : `${v}T00:00:00Z`) : new Date(NaN);
    if (Number.isNaN(d.getTime()) || (m && !m[4] && d.toISOString().slice(0, 10) !== v)) {
        throw new UsageError(`--as-of "${value}": expected a date as YYYY-MM-DD`);
    }
    return d;
}

export function parseFormat(value: string): Format {
    const v = value.trim().toLowerCase();
    if ((FORMATS as readonly string[]).includes(v)) return v as Format;
    throw new UsageError(`--format "${value}": expected one of ${FORMATS.join(', ')}`);
}

export function parsePositiveInt(flag: string, value: string): number {
    if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
        throw new UsageError(`${flag} "${value}": expected a positive whole number`);
    return Number(value);
}

/** A positive number of seconds (fractions allowed, at most a day). */
export function parseSeconds(flag: string, value: string): number {
    const v = value.trim();
    if (!/^\d+(?:\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 86_400)
        throw new UsageError(`${flag} "${value}": expected a number of seconds greater than 0 (e.g. 120)`);
    return Number(v);
}

/** A `,`- or `;`-separated list of values. */
export function parseList(flag: string, value: string): string[] {
    const list = value
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter(Boolean);
    if (list.length === 0) throw new UsageError(`${flag}: expected a comma-separated list of values`);
    return list;
}

/** Removes secrets (access tokens) from text before it is printed. */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv): string {
    let out = text;
    for (const secret of [env.SF_ACCESS_TOKEN]) {
        if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
    }
    return out.replace(/00D[0-9A-Za-z]{12,15}![0-9A-Za-z._-]{20,}/g, '[redacted]');
}
