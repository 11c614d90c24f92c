/**
 * The fixes each check's findings get, derived from the raw snapshot (raw.ts):
 * - a converted Lead's lost Lead Source / Persona / UTM values → the Opportunity gets the Lead's values (certain; a
 *   Lead Source the Lead's own drift fix normalises is carried over normalised);
 * - lost campaign → the Lead's most recent responded campaign on or before its conversion day (certain; a tie, or
 *   no conversion date, makes it suggested);
 * - Lead Source drift → the governed value when the variant differs only by case, spacing or punctuation (certain),
 *   else the closest governed value (suggested); a value close to none has no fix;
 * - Opportunity missing Primary Campaign Source → the buying group's (contact roles, converted Leads and their
 *   Contacts) most recent responded campaign on or before the Opportunity's creation day (suggested).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { lostCampaign, lostLeadSource, lostPersona, lostUtm } from '../checks/conversion.js';
import { canonicalFor, leadSourceDrift, normaliseValue } from '../checks/drift.js';
import { missingPrimaryCampaign } from '../checks/opportunity.js';
import { queryRows } from '../checks/types.js';
import { UTM_FIELDS } from '../schema.js';
import { ident, lit } from '../sql.js';
import { recordSql, type RawObject } from './raw.js';
import type { Candidate, FixObject, RecordInfo, Unfixable } from './types.js';

export type DeriveContext = {
    conn: DuckDBConnection;
    present: Map<RawObject, Set<string>>;
    governed: readonly string[];
};

export type Derived = { candidates: Candidate[]; unfixable: Unfixable[] };

type Row = Record<string, unknown>;
export const s = (v: unknown): string => (v === null || v === undefined ? '' : String(v));
export const key15 = (expr: string): string => `left(trim(${expr}), 15)`;

export function recordOf(row: Row): RecordInfo {
    return {
        recordId: s(row.rec_id),
        recordName: s(row.rec_name),
        ownerId: s(row.rec_owner),
        amount: s(row.rec_amount)
    };
}

/** A temp table `finding_ids(id)` holding one check's finding Ids. */
export async function findings(conn: DuckDBConnection, ids: readonly string[]): Promise<void> {
    await conn.run(`CREATE OR REPLACE TEMP TABLE finding_ids (id VARCHAR)`);
    for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        await conn.run(`INSERT INTO finding_ids VALUES ${chunk.map((id) => `(${lit(id)})`).join(', ')}`);
    }
}

/** Governed value a Lead Source differing only by case, spacing or punctuation stands for (undefined otherwise). */
function normalisedGoverned(value: string, governed: readonly string[]): string | undefined {
    if (governed.includes(value)) return undefined;
    const canonical = canonicalFor(value, governed);
    return canonical !== null && normaliseValue(canonical) === normaliseValue(value) ? canonical : undefined;
}

const LOST_FIELD_CHECKS = [
    { id: lostLeadSource.id, fields: ['LeadSource'] },
    { id: lostPersona.id, fields: ['Persona__c'] },
    { id: lostUtm.id, fields: [...UTM_FIELDS] }
] as const;

/** Lost Lead Source / Persona / UTM: the converted Opportunity gets the Lead's values. */
export async function deriveLostFields(ctx: DeriveContext, checkId: string, ids: readonly string[]): Promise<Derived> {
    const spec = LOST_FIELD_CHECKS.find((c) => c.id === checkId);
    const out: Derived = { candidates: [], unfixable: [] };
    if (!spec || !ctx.present.has('Lead') || !ctx.present.has('Opportunity')) return out;
    await findings(ctx.conn, ids);
    const fields = spec.fields.map((f) => `l.${ident(f)} AS ${ident(`l_${f}`)}, o.${ident(f)} AS ${ident(`o_${f}`)}`);
    const rows = await queryRows(
        ctx.conn,
        `SELECT l.Id AS lead_id, l.LeadSource AS lead_source, ${recordSql('o', 'Opportunity')}, ${fields.join(', ')}
         FROM raw_lead l JOIN finding_ids f ON f.id = trim(l.Id)
         JOIN raw_opportunity o ON ${key15('o.Id')} = ${key15('l.ConvertedOpportunityId')}`
    );
    const seen = new Set<string>();
    for (const row of rows) {
        const leadId = s(row.lead_id).trim();
        seen.add(leadId);
        for (const field of spec.fields) {
            const lv = s(row[`l_${field}`]);
            const ov = s(row[`o_${field}`]);
            if (lv.trim() === '' || (ov.trim() !== '' && ov.trim() === lv.trim())) continue;
            const normalised = field === 'LeadSource' ? normalisedGoverned(lv, ctx.governed) : undefined;
            const value = normalised ?? lv;
            const base = { checkId, findingId: leadId, field, confidence: 'certain' as const };
            if (normalised !== undefined) {
                // cleared only once the Lead's own drift fix writes the governed value too
                out.candidates.push({
                    ...base,
                    object: 'Lead',
                    record: { recordId: leadId, recordName: '', ownerId: '', amount: '' },
                    currentValue: lv,
                    value: normalised,
                    reason: `the Lead's Lead Source must become "${normalised}" too (its lead-source-drift fix)`,
                    resolves: (v) => v.trim() === normalised,
                    passive: true
                });
            }
            if (value === ov) continue; // the Opportunity already holds it: the Lead's drift fix clears the finding
            out.candidates.push({
                ...base,
                object: 'Opportunity',
                record: recordOf(row),
                currentValue: ov,
                value,
                reason:
                    `converted Lead ${leadId} has ${field} "${lv}"` +
                    (normalised !== undefined ? ` (governed value "${normalised}")` : '') +
                    (ov.trim() === '' ? '; the Opportunity has none' : `; the Opportunity has "${ov}"`),
                resolves: (v) => v.trim() === value.trim()
            });
        }
    }
    for (const id of ids) {
        if (!seen.has(id)) out.unfixable.push({ checkId, findingId: id, reason: 'converted Opportunity not found' });
    }
    return out;
}

type Response = { campaignId: string; name: string; day: string | null };

/** Most recent dated responses on or before `limit` (all dated ones when `limit` is null); ties share the day. */
function mostRecent(responses: readonly Response[], limit: string | null): Response[] {
    const dated = responses.filter((r) => r.day !== null && (limit === null || r.day <= limit));
    const best = dated.reduce<string | null>((m, r) => (m === null || (r.day ?? '') > m ? r.day : m), null);
    const top = dated.filter((r) => r.day === best);
    const byCampaign = new Map(top.map((r) => [r.campaignId, r]));
    return [...byCampaign.values()].sort((a, b) => a.campaignId.localeCompare(b.campaignId));
}

const label = (r: Response): string => `${r.campaignId}${r.name ? ` "${r.name}"` : ''} (responded ${r.day ?? '?'})`;

function responseSql(ctx: DeriveContext, alias: string): { day: string; name: string; join: string } {
    const day = `strftime(COALESCE(sf_date(${alias}.FirstRespondedDate), CAST(sf_ts(${alias}.CreatedDate) AS DATE)), '%Y-%m-%d')`;
    const hasCampaign = ctx.present.has('Campaign');
    return {
        day,
        name: hasCampaign ? `COALESCE(c.Name, '')` : `''`,
        join: hasCampaign ? `LEFT JOIN raw_campaign c ON ${key15('c.Id')} = ${key15(`${alias}.CampaignId`)}` : ''
    };
}

function groupResponses(rows: readonly Row[], keyCol: string): Map<string, { row: Row; responses: Response[] }> {
    const by = new Map<string, { row: Row; responses: Response[] }>();
    for (const row of rows) {
        const k = s(row[keyCol]).trim();
        const entry = by.get(k) ?? { row, responses: [] };
        if (s(row.cid).trim() !== '')
            entry.responses.push({
                campaignId: s(row.cid).trim(),
                name: s(row.cname),
                day: row.day ? s(row.day) : null
            });
        by.set(k, entry);
    }
    return by;
}

/** Lost campaign: the Lead's most recent responded campaign on or before its conversion day. */
export async function deriveLostCampaign(ctx: DeriveContext, ids: readonly string[]): Promise<Derived> {
    const checkId = lostCampaign.id;
    const out: Derived = { candidates: [], unfixable: [] };
    if (!ctx.present.has('Lead') || !ctx.present.has('Opportunity') || !ctx.present.has('CampaignMember')) return out;
    await findings(ctx.conn, ids);
    const r = responseSql(ctx, 'm');
    const rows = await queryRows(
        ctx.conn,
        `SELECT l.Id AS lead_id, strftime(sf_date(l.ConvertedDate), '%Y-%m-%d') AS conv, ${recordSql('o', 'Opportunity')},
                o.CampaignId AS current, m.CampaignId AS cid, ${r.name} AS cname, ${r.day} AS day
         FROM raw_lead l JOIN finding_ids f ON f.id = trim(l.Id)
         JOIN raw_opportunity o ON ${key15('o.Id')} = ${key15('l.ConvertedOpportunityId')}
         LEFT JOIN raw_campaignmember m ON ${key15('m.LeadId')} = ${key15('l.Id')} AND sf_bool(m.HasResponded)
         ${r.join}`
    );
    const by = groupResponses(rows, 'lead_id');
    for (const id of ids) {
        const entry = by.get(id);
        if (!entry) {
            out.unfixable.push({ checkId, findingId: id, reason: 'converted Opportunity not found' });
            continue;
        }
        const conv = entry.row.conv ? s(entry.row.conv) : null;
        const top = mostRecent(entry.responses, conv);
        const chosen = top[0];
        if (!chosen) {
            out.unfixable.push({
                checkId,
                findingId: id,
                reason: conv
                    ? `no responded campaign dated on or before the conversion (${conv})`
                    : 'no dated responded campaign'
            });
            continue;
        }
        const certain = conv !== null && top.length === 1;
        const why = !conv
            ? '; the Lead has no ConvertedDate, so "before conversion" is not known'
            : top.length > 1
              ? `; tied with ${top.slice(1).map(label).join(', ')}`
              : '';
        out.candidates.push({
            checkId,
            findingId: id,
            object: 'Opportunity',
            record: recordOf(entry.row),
            field: 'CampaignId',
            currentValue: s(entry.row.current),
            value: chosen.campaignId,
            confidence: certain ? 'certain' : 'suggested',
            reason: `converted Lead ${id}'s most recent responded campaign${conv ? ` on or before conversion (${conv})` : ''}: ${label(chosen)}${why}`,
            resolves: (v) => v.trim() !== ''
        });
    }
    return out;
}

/** Drift: the governed value a variant stands for. */
export async function deriveDrift(ctx: DeriveContext, ids: readonly string[]): Promise<Derived> {
    const checkId = leadSourceDrift.id;
    const out: Derived = { candidates: [], unfixable: [] };
    await findings(ctx.conn, ids);
    const found = new Set<string>();
    for (const object of ['Lead', 'Contact', 'Opportunity'] as const satisfies readonly FixObject[]) {
        if (!ctx.present.get(object)?.has('LeadSource')) continue;
        const rows = await queryRows(
            ctx.conn,
            `SELECT ${recordSql('x', object)}, x.LeadSource AS value FROM ${ident(`raw_${object.toLowerCase()}`)} x
             JOIN finding_ids f ON f.id = trim(x.Id)`
        );
        for (const row of rows) {
            const id = s(row.rec_id).trim();
            found.add(id);
            const value = s(row.value);
            const canonical = canonicalFor(value, ctx.governed);
            if (canonical === null) {
                out.unfixable.push({ checkId, findingId: id, reason: `"${value}" is close to no governed value` });
                continue;
            }
            const certain = normaliseValue(canonical) === normaliseValue(value);
            out.candidates.push({
                checkId,
                findingId: id,
                object,
                record: recordOf(row),
                field: 'LeadSource',
                currentValue: value,
                value: canonical,
                confidence: certain ? 'certain' : 'suggested',
                reason: certain
                    ? `"${value}" differs from the governed "${canonical}" only by case, spacing or punctuation`
                    : `"${value}" is not governed; the closest governed value is "${canonical}"`,
                resolves: (v) => ctx.governed.includes(v)
            });
        }
    }
    for (const id of ids) {
        if (!found.has(id)) out.unfixable.push({ checkId, findingId: id, reason: 'record not found in the snapshot' });
    }
    return out;
}

/** Missing Primary Campaign Source: the buying group's most recent responded campaign (suggested). */
export async function deriveMissingCampaign(ctx: DeriveContext, ids: readonly string[]): Promise<Derived> {
    const checkId = missingPrimaryCampaign.id;
    const out: Derived = { candidates: [], unfixable: [] };
    if (!ctx.present.has('Opportunity')) return out;
    await findings(ctx.conn, ids);
    const group: string[] = [];
    if (ctx.present.has('OpportunityContactRole'))
        group.push(
            `SELECT ${key15('OpportunityId')} AS opp, ${key15('ContactId')} AS person FROM raw_opportunitycontactrole WHERE trim(COALESCE(ContactId, '')) <> ''`
        );
    if (ctx.present.has('Lead')) {
        group.push(
            `SELECT ${key15('ConvertedOpportunityId')} AS opp, ${key15('Id')} AS person FROM raw_lead WHERE trim(COALESCE(ConvertedOpportunityId, '')) <> ''`,
            `SELECT ${key15('ConvertedOpportunityId')} AS opp, ${key15('ConvertedContactId')} AS person FROM raw_lead WHERE trim(COALESCE(ConvertedOpportunityId, '')) <> '' AND trim(COALESCE(ConvertedContactId, '')) <> ''`
        );
    }
    const r = responseSql(ctx, 'm');
    const responses =
        group.length > 0 && ctx.present.has('CampaignMember')
            ? `LEFT JOIN (
                 SELECT g.opp, m.CampaignId AS cid, ${r.name} AS cname, ${r.day} AS day
                 FROM (${group.map((q) => `(${q})`).join(' UNION ')}) AS g
                 JOIN (
                     SELECT *, ${key15('ContactId')} AS person FROM raw_campaignmember WHERE sf_bool(HasResponded) AND trim(COALESCE(ContactId, '')) <> ''
                     UNION ALL
                     SELECT *, ${key15('LeadId')} AS person FROM raw_campaignmember WHERE sf_bool(HasResponded) AND trim(COALESCE(LeadId, '')) <> ''
                 ) m ON m.person = g.person
                 ${r.join}
               ) resp ON resp.opp = ${key15('o.Id')}`
            : '';
    const cols = responses ? 'resp.cid, resp.cname, resp.day' : 'NULL AS cid, NULL AS cname, NULL AS day';
    const rows = await queryRows(
        ctx.conn,
        `SELECT ${recordSql('o', 'Opportunity')}, o.CampaignId AS current,
                strftime(CAST(sf_ts(o.CreatedDate) AS DATE), '%Y-%m-%d') AS created, ${cols}
         FROM raw_opportunity o JOIN finding_ids f ON f.id = trim(o.Id) ${responses}`
    );
    const by = groupResponses(rows, 'rec_id');
    for (const id of ids) {
        const entry = by.get(id);
        const created = entry?.row.created ? s(entry.row.created) : null;
        const top = entry ? mostRecent(entry.responses, created) : [];
        const chosen = top[0];
        if (!entry || !chosen) {
            out.unfixable.push({
                checkId,
                findingId: id,
                reason: `no responded campaign of the buying group${created ? ` on or before the Opportunity was created (${created})` : ''}`
            });
            continue;
        }
        out.candidates.push({
            checkId,
            findingId: id,
            object: 'Opportunity',
            record: recordOf(entry.row),
            field: 'CampaignId',
            currentValue: s(entry.row.current),
            value: chosen.campaignId,
            confidence: 'suggested',
            reason:
                `the buying group's most recent responded campaign${created ? ` on or before the Opportunity was created (${created})` : ' (the Opportunity has no CreatedDate)'}: ${label(chosen)}` +
                (top.length > 1 ? `; tied with ${top.slice(1).map(label).join(', ')}` : '') +
                '; confirm it sourced the deal',
            resolves: (v) => v.trim() !== ''
        });
    }
    return out;
}
