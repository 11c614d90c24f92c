/**
 * DuckDB macros that normalise what real Salesforce exports contain: booleans as true/false, TRUE/FALSE, 1/0 or
 * empty; datetimes as ISO 8601 with `+0000`, `Z` or `.000`, plain dates, Data Export `YYYY-MM-DD HH:MM:SS`, and the
 * US `M/D/YYYY [h:mm AM]` / `MM/DD/YY` of spreadsheet-edited exports; Ids joined on their case-sensitive first 15
 * characters; emails trimmed and lower-cased; Data Export's `000000000000000AAA` null lookups; trimmed blanks.
 */
import type { FieldKind } from './schema.js';

/** How exports spell a true boolean (any case, trimmed): `sf_bool` and the fix list read these alike. */
export const TRUE_SPELLINGS = ['true', '1', 'yes', 'y', 't'] as const;

/** True when an export's raw boolean text is one of `TRUE_SPELLINGS` (what `sf_bool` reads as true). */
export function isTrueText(value: string): boolean {
    return (TRUE_SPELLINGS as readonly string[]).includes(value.trim().toLowerCase());
}

export const MACROS: readonly string[] = [
    // Trims only when needed (no new string for the common case); blank → NULL.
    `CREATE OR REPLACE MACRO sf_blank(x) AS CASE
        WHEN x IS NULL OR x = '' THEN NULL
        WHEN starts_with(x, ' ') OR ends_with(x, ' ') THEN NULLIF(trim(x), '')
        ELSE x END`,
    `CREATE OR REPLACE MACRO sf_bool(x) AS CASE
        WHEN x IS NULL OR x = 'false' THEN false
        WHEN x = 'true' THEN true
        WHEN lower(trim(x)) IN (${TRUE_SPELLINGS.map((v) => `'${v}'`).join(', ')}) THEN true
        WHEN lower(trim(x)) IN ('false', '0', 'no', 'n', 'f', '') THEN false
        ELSE NULL END`,
    `CREATE OR REPLACE MACRO sf_ref(x) AS CASE
        WHEN x IS NULL OR x = '' THEN NULL
        WHEN contains(x, ' ') THEN (CASE WHEN trim(x) = '' OR starts_with(trim(x), '000000000000000') THEN NULL ELSE left(trim(x), 15) END)
        WHEN starts_with(x, '000000000000000') THEN NULL
        WHEN length(x) <= 15 THEN x
        ELSE left(x, 15) END`,
    `CREATE OR REPLACE MACRO sf_us_ts(x) AS CASE
        WHEN regexp_matches(x, '^\\d{1,2}/\\d{1,2}/\\d{4}') THEN
            try_strptime(x, ['%m/%d/%Y %I:%M %p', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y'])
        WHEN regexp_matches(x, '^\\d{1,2}/\\d{1,2}/\\d{2}(\\D|$)') THEN
            try_strptime(x, ['%m/%d/%y %I:%M %p', '%m/%d/%y %I:%M:%S %p', '%m/%d/%y %H:%M', '%m/%d/%y %H:%M:%S', '%m/%d/%y'])
        END`,
    `CREATE OR REPLACE MACRO sf_ts_any(x) AS CASE
        WHEN x IS NULL THEN NULL
        WHEN contains(x, '/') THEN sf_us_ts(trim(x))
        ELSE try_cast(trim(x) AS TIMESTAMPTZ)::TIMESTAMP END`,
    // Fast path for what Salesforce writes (UTC: \`Z\` or \`+0000\`); any other form goes through sf_ts_any.
    `CREATE OR REPLACE MACRO sf_ts(x) AS COALESCE(
        CASE WHEN ends_with(x, 'Z') OR ends_with(x, '+0000') THEN try_cast(x AS TIMESTAMP) END,
        sf_ts_any(x))`,
    `CREATE OR REPLACE MACRO sf_date(x) AS COALESCE(
        CASE WHEN NOT contains(x, '/') THEN try_cast(x AS DATE) END,
        CAST(sf_ts_any(x) AS DATE))`,
    `CREATE OR REPLACE MACRO sf_email(x) AS NULLIF(lower(trim(x)), '')`,
    `CREATE OR REPLACE MACRO sf_num(x) AS try_cast(regexp_replace(trim(x), '[,$€£\\s]', '', 'g') AS DOUBLE)`
];

/** The SQL type a normalised field of this kind has. */
export function sqlType(kind: FieldKind): string {
    switch (kind) {
        case 'bool':
            return 'BOOLEAN';
        case 'datetime':
            return 'TIMESTAMP';
        case 'date':
            return 'DATE';
        case 'number':
            return 'DOUBLE';
        default:
            return 'VARCHAR';
    }
}

/** Quotes an SQL identifier. */
export function ident(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal. */
export function lit(value: string): string {
    return `'${value.replaceAll("'", "''")}'`;
}

/**
 * `expr` is one of `values`, compared trimmed and lower-cased; the exact-match test first lets DuckDB skip the
 * lower/trim work for the usual, exactly written values.
 */
export function inList(expr: string, values: readonly string[]): string {
    if (values.length === 0) return 'false';
    const exact = values.map((v) => lit(v)).join(', ');
    const folded = values.map((v) => lit(v.trim().toLowerCase())).join(', ');
    return `(${expr} IN (${exact}) OR lower(trim(${expr})) IN (${folded}))`;
}

/** The normalising expression for a raw VARCHAR column; `null` when the kind keeps the trimmed text. */
export function normalise(kind: FieldKind, raw: string): string {
    switch (kind) {
        case 'id':
        case 'text':
            return `sf_blank(${raw})`;
        case 'rawtext':
            return `CASE WHEN sf_blank(${raw}) IS NULL THEN NULL ELSE ${raw} END`;
        case 'ref':
            return `sf_ref(${raw})`;
        case 'bool':
            return `sf_bool(${raw})`;
        case 'datetime':
            return `sf_ts(${raw})`;
        case 'date':
            return `sf_date(${raw})`;
        case 'email':
            return `sf_email(${raw})`;
        case 'number':
            return `sf_num(${raw})`;
    }
}

/** True for kinds whose raw text can fail to parse (reported as warnings, never silently as blanks). */
export function isParsedKind(kind: FieldKind): boolean {
    return kind === 'bool' || kind === 'datetime' || kind === 'date' || kind === 'number';
}
