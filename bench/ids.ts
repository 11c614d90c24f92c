/**
 * Salesforce record Ids for the generated snapshot: 15-character case-sensitive Ids (key prefix, pod, base-62
 * counter) plus the 3-character case-insensitive checksum suffix that makes the 18-character form.
 *
 * The TypeScript functions here are the reference; `ID_SQL_MACROS` is the same algorithm as DuckDB macros so the
 * generator can build millions of Ids inside `COPY (SELECT …)` without leaving the database.
 */

/** Key prefixes (first three characters of every Id) of the objects the snapshot holds. */
export const KEY_PREFIX = {
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    OpportunityHistory: '008',
    OpportunityContactRole: '00K',
    Lead: '00Q',
    CampaignMember: '00v',
    Campaign: '701'
} as const;
export type KeyPrefixObject = keyof typeof KEY_PREFIX;

/** Pod/instance characters and reserved zeros between the key prefix and the record counter. */
export const ID_POD = '5g00';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const COUNTER_CHARS = 8;

/** The 3-character checksum suffix of a 15-character Id: one character per 5-character chunk, bit j = char j is A–Z. */
export function idChecksum(id15: string): string {
    if (id15.length !== 15) throw new Error(`Id "${id15}" must have 15 characters to compute its checksum`);
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let j = 0; j < 5; j++) {
            const code = id15.charCodeAt(chunk * 5 + j);
            if (code >= 65 && code <= 90) flags |= 1 << j;
        }
        suffix += SUFFIX[flags];
    }
    return suffix;
}

/** True when `id` is a well-formed 18-character Id whose suffix matches its first 15 characters. */
export function isValidId18(id: string): boolean {
    return /^[0-9A-Za-z]{18}$/.test(id) && idChecksum(id.slice(0, 15)) === id.slice(15);
}

function base62(n: number): string {
    let out = '';
    let rest = n;
    for (let k = 0; k < COUNTER_CHARS; k++) {
        out = BASE62[rest % 62] + out;
        rest = Math.floor(rest / 62);
    }
    return out;
}

/** The 18-character Id of record number `n` (0-based) of `object`, counting from the seeded `offset`. */
export function recordId(object: KeyPrefixObject, n: number, offset: number): string {
    const id15 = `${KEY_PREFIX[object]}${ID_POD}${base62(offset + n)}`;
    return id15 + idChecksum(id15);
}

const digit = (k: number): string => `((n // ${62 ** k}) % 62)`;
const upper = (k: number, bit: number): string =>
    `(CASE WHEN ${digit(k)} BETWEEN 10 AND 35 THEN ${1 << bit} ELSE 0 END)`;

/** The SQL name of the Id macro of `object`: `id_lead(n)`, `id_campaignmember(n)`, … */
export function idMacroName(object: KeyPrefixObject): string {
    return `id_${object.toLowerCase()}`;
}

/**
 * DuckDB macros, one per object, `id_<object>(n)` = `recordId(object, n, 0)`: the base-62 counter digits and the
 * checksum bits are computed arithmetically from `n` (the key prefix and pod are constants of the macro).
 */
export const ID_SQL_MACROS: string[] = [
    `CREATE OR REPLACE MACRO sf_b62(n) AS ${[7, 6, 5, 4, 3, 2, 1, 0].map((k) => `substr('${BASE62}', (${digit(k)} + 1)::INTEGER, 1)`).join(' || ')}`,
    // chunk 2 = pod zeros + counter digits 7..5 (bits 2..4); chunk 3 = counter digits 4..0 (bits 0..4)
    `CREATE OR REPLACE MACRO sf_chk23(n) AS substr('${SUFFIX}', (${[7, 6, 5].map((k, i) => upper(k, i + 2)).join(' + ')} + 1)::INTEGER, 1) || substr('${SUFFIX}', (${[4, 3, 2, 1, 0].map((k, i) => upper(k, i)).join(' + ')} + 1)::INTEGER, 1)`,
    ...(Object.keys(KEY_PREFIX) as KeyPrefixObject[]).map((object) => {
        const head = `${KEY_PREFIX[object]}${ID_POD}`;
        const chunk1 = idChecksum(`${head}000000000`.slice(0, 15))[0];
        return `CREATE OR REPLACE MACRO ${idMacroName(object)}(n) AS '${head}' || sf_b62(n) || '${chunk1}' || sf_chk23(n)`;
    })
];
