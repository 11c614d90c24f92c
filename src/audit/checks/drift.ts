/**
 * `lead-source-drift`: Lead, Contact and Opportunity Lead Source values that are not exactly a governed value. The
 * details group each variant under its likely canonical value: equal after normalising case, spaces and punctuation,
 * else the nearest governed value by edit distance when close enough, else unmapped.
 */
import type { SnapshotObject } from '../schema.js';
import { lit } from '../sql.js';
import { queryIds, queryNumber, queryRows, type CheckDefinition } from './types.js';

const OBJECTS = ['Lead', 'Contact', 'Opportunity'] as const satisfies readonly SnapshotObject[];

export type DriftVariant = { value: string; records: number; byObject: Record<string, number> };
export type DriftGroup = { canonical: string | null; records: number; variants: DriftVariant[] };

/** Lower-cases and strips everything but letters and digits ("Paid-Search " → "paidsearch"). */
export function normaliseValue(value: string): string {
    return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein edit distance. */
export function editDistance(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++) {
            const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
            cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
        }
        prev = cur;
    }
    return prev[b.length] ?? 0;
}

/** The governed value a variant most likely means, or null when none is close (distance ≤ max(1, 25% of length)). */
export function canonicalFor(value: string, governed: readonly string[]): string | null {
    const norm = normaliseValue(value);
    if (norm === '') return null;
    const exact = governed.find((g) => normaliseValue(g) === norm);
    if (exact) return exact;
    let best: { value: string; distance: number } | null = null;
    for (const g of governed) {
        const distance = editDistance(norm, normaliseValue(g));
        if (!best || distance < best.distance) best = { value: g, distance };
    }
    if (!best) return null;
    const limit = Math.max(1, Math.floor(Math.max(norm.length, normaliseValue(best.value).length) * 0.25));
    return best.distance <= limit ? best.value : null;
}

/** Groups drifted values under their canonical value, largest groups first, unmapped last. */
export function groupVariants(variants: DriftVariant[], governed: readonly string[]): DriftGroup[] {
    const groups = new Map<string | null, DriftGroup>();
    for (const v of variants) {
        const canonical = canonicalFor(v.value, governed);
        const group = groups.get(canonical) ?? { canonical, records: 0, variants: [] };
        group.records += v.records;
        group.variants.push(v);
        groups.set(canonical, group);
    }
    for (const g of groups.values()) g.variants.sort((a, b) => b.records - a.records || a.value.localeCompare(b.value));
    return [...groups.values()].sort((a, b) => {
        if ((a.canonical === null) !== (b.canonical === null)) return a.canonical === null ? 1 : -1;
        return b.records - a.records || String(a.canonical).localeCompare(String(b.canonical));
    });
}

export type DriftDetails = {
    governed: string[];
    objects: string[];
    objectsWithoutLeadSource?: string[];
    groups: DriftGroup[];
};

export const leadSourceDrift: CheckDefinition<DriftDetails> = {
    id: 'lead-source-drift',
    title: 'Lead Source not a governed value',
    meaning:
        'Lead Source values outside the governed picklist split one channel into several rows of every sourced report.',
    action: 'Replace each variant with its governed value (the fix list proposes them; case, spacing and punctuation variants are certain) and keep the Lead Source picklist restricted.',
    needs: {},
    mayRead: Object.fromEntries(OBJECTS.map((o) => [o, ['Id', 'LeadSource']])),
    async run(ctx) {
        const objects = OBJECTS.filter((o) => ctx.loaded.objects[o]?.fields.has('LeadSource'));
        if (objects.length === 0) return { skip: 'no Lead, Contact or Opportunity CSV with a LeadSource column' };
        const governed = ctx.governedLeadSources;
        const notGoverned = `LeadSource IS NOT NULL AND LeadSource NOT IN (${governed.length > 0 ? governed.map(lit).join(', ') : 'NULL'})`;
        const union = objects
            .map((o) => `SELECT '${o}' AS object, Id, LeadSource FROM ${o.toLowerCase()}`)
            .join(' UNION ALL ');
        const ids = await queryIds(ctx.conn, `SELECT Id FROM (${union}) WHERE ${notGoverned}`);
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM (${union}) WHERE LeadSource IS NOT NULL`);
        const rows = await queryRows(
            ctx.conn,
            `SELECT LeadSource AS value, object, count(*)::INTEGER AS n FROM (${union}) WHERE ${notGoverned} GROUP BY 1, 2 ORDER BY 1, 2`
        );
        const variants = new Map<string, DriftVariant>();
        for (const row of rows) {
            const value = String(row.value);
            const v = variants.get(value) ?? { value, records: 0, byObject: {} };
            v.records += Number(row.n);
            v.byObject[String(row.object)] = Number(row.n);
            variants.set(value, v);
        }
        const skippedObjects = OBJECTS.filter((o) => !objects.includes(o));
        const details: DriftDetails = {
            governed,
            objects,
            ...(skippedObjects.length > 0 ? { objectsWithoutLeadSource: skippedObjects } : {}),
            groups: groupVariants([...variants.values()], governed)
        };
        return { recordIds: ids, population, details };
    }
};
