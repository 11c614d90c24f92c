/**
 * Helpers and fixed vocabularies of the sample snapshot generator (`generate.ts`): seeded PRNG, Salesforce Ids,
 * Bulk-API-style CSV writing and the dates relative to the snapshot day.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small deterministic PRNG. */
export function prng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** 18-character Salesforce Id: key prefix, pod `bm`, zeros, base-62 counter, then the case-checksum suffix. */
export function sfId(prefix: string, n: number): string {
    let counter = '';
    let rest = n + 1000;
    for (let k = 0; k < 5; k++) {
        counter = BASE62[rest % 62] + counter;
        rest = Math.floor(rest / 62);
    }
    const id15 = `${prefix}bm00000${counter}`;
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let j = 0; j < 5; j++) {
            const c = id15.charCodeAt(chunk * 5 + j);
            if (c >= 65 && c <= 90) flags |= 1 << j;
        }
        suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[flags];
    }
    return id15 + suffix;
}

export type Row = Record<string, string>;
export function writeCsv(dir: string, object: string, header: string[], rows: Row[]): void {
    const q = (v: string): string => (v === '' ? '' : `"${v.replaceAll('"', '""')}"`);
    const lines = [header.map(q).join(','), ...rows.map((r) => header.map((h) => q(r[h] ?? '')).join(','))];
    writeFileSync(path.join(dir, `${object}.csv`), lines.join('\n') + '\n');
}

export const DAY = 86_400_000;
export const AS_OF = Date.UTC(2026, 10, 22);
export const ts = (daysBefore: number, hour = 10): string =>
    new Date(AS_OF - daysBefore * DAY + hour * 3_600_000).toISOString();
export const date = (daysBefore: number): string => ts(daysBefore).slice(0, 10);

export { PERSONAS, UTM_FIELDS as UTM } from '../../src/audit/vocabulary.js';
export const MARKETING_SOURCES = [
    'Web',
    'Webinar',
    'Event',
    'Paid Search',
    'Paid Social',
    'Organic Search',
    'Content Syndication',
    'Partner Referral',
    'Customer Referral'
];
export const FIRST = [
    'Ava',
    'Liam',
    'Maya',
    'Noah',
    'Zoe',
    'Ethan',
    'Iris',
    'Omar',
    'Lena',
    'Ravi',
    'Nina',
    'Hugo',
    'Sara',
    'Theo',
    'Mila',
    'Jon'
];
export const LAST = [
    'Patel',
    'Nguyen',
    'Garcia',
    'Kim',
    'Okafor',
    'Schmidt',
    'Rossi',
    'Silva',
    'Cohen',
    'Tanaka',
    'Dubois',
    'Moreau'
];
export const COMPANIES = [
    'Northwind',
    'Contoso',
    'Fabrikam',
    'Tailspin',
    'Adatum',
    'Litware',
    'Proseware',
    'Wingtip',
    'Lucerne',
    'Coho',
    'Fourth Coffee',
    'Woodgrove'
];
