/**
 * `attribution-overwritten` (field history): Lead Source or Primary Campaign Source changed after it was first set
 * (the old value was not blank), or a Lead's Lead Source changed after the Lead was converted. The `created` row and
 * a first value (blank → value) are not overwrites. A lookup change is two history rows (record Ids and names):
 * they count as one change. Details rank the users who made the changes (an integration shows up at once).
 */
import { lit } from '../sql.js';
import { HISTORY_CREATED, HISTORY_FIELDS } from '../vocabulary.js';
import { queryIds, queryNumber, queryRows, type CheckContext, type CheckDefinition } from './types.js';

export type OverwriteChange = {
    object: 'Opportunity' | 'Lead';
    recordId: string;
    field: string;
    oldValue: string | null;
    newValue: string | null;
    changedById: string | null;
    changedByName: string | null;
    changedAt: string | null;
    afterConversion: boolean;
};
export type OverwriteUser = { userId: string | null; name: string | null; changes: number; records: number };
export type OverwriteDetails = {
    changes: number;
    byField: Record<string, number>;
    byUser: OverwriteUser[];
    /** The most recent changes (at most `CHANGES_SHOWN`); every record is in `recordIds`. */
    recent: OverwriteChange[];
};

export const CHANGES_SHOWN = 200;
const HISTORY_COLUMNS = ['Field', 'OldValue', 'NewValue', 'DataType', 'CreatedById', 'CreatedDate'];
const ID_LIKE = `'^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$'`;

/** `Field` (history) → API field name, per object. */
function fieldMap(object: 'Opportunity' | 'Lead'): [string, string][] {
    return Object.entries(HISTORY_FIELDS[object]).map(([api, history]) => [history, api]);
}

function source(ctx: CheckContext, object: 'Opportunity' | 'Lead'): string | undefined {
    const table = object === 'Opportunity' ? 'OpportunityFieldHistory' : 'LeadHistory';
    const loaded = ctx.loaded.objects[table];
    if (!loaded || !loaded.fields.has('OldValue') || !loaded.fields.has('NewValue')) return undefined;
    const parent = object === 'Opportunity' ? 'OpportunityId' : 'LeadId';
    const fields = [...fieldMap(object).map(([h]) => h), HISTORY_CREATED].map((f) => lit(f.toLowerCase())).join(', ');
    const api = `CASE ${fieldMap(object)
        .map(([h, a]) => `WHEN lower(h.Field) = ${lit(h.toLowerCase())} THEN ${lit(a)}`)
        .join(' ')} ELSE h.Field END`;
    const lead = object === 'Lead' && ctx.loaded.objects.Lead;
    const converted = lead ? `CASE WHEN l.IsConverted THEN l.ConvertedDate END` : 'NULL::DATE';
    const join = lead ? `LEFT JOIN lead l ON l.Id_k = h.LeadId` : '';
    return `SELECT '${object}' AS object, h.${parent} AS rec_k, ${api} AS field, lower(h.Field) = ${lit(HISTORY_CREATED)} AS created,
        h.OldValue AS old_value, h.NewValue AS new_value, h.DataType AS data_type, h.CreatedById AS by_k,
        h.CreatedDate AS changed_at, ${converted} AS converted
        FROM ${table.toLowerCase()} h ${join} WHERE lower(h.Field) IN (${fields})`;
}

export const attributionOverwritten: CheckDefinition<OverwriteDetails> = {
    id: 'attribution-overwritten',
    title: 'Lead Source or campaign overwritten',
    meaning:
        'A Lead Source or Primary Campaign Source that was already set was changed later (or a Lead changed after conversion): first-touch attribution is rewritten, often by an integration or a data load.',
    action: 'Restore the original value from the history if the change was wrong, and stop the user or integration responsible (the ranking shows who) from writing attribution fields.',
    needs: {},
    mayRead: {
        OpportunityFieldHistory: ['OpportunityId', ...HISTORY_COLUMNS],
        LeadHistory: ['LeadId', ...HISTORY_COLUMNS],
        Lead: ['Id', 'IsConverted', 'ConvertedDate'],
        Opportunity: ['Id'],
        User: ['Id', 'Name']
    },
    async run(ctx) {
        const sources = (['Opportunity', 'Lead'] as const).map((o) => source(ctx, o)).filter((s) => s !== undefined);
        if (sources.length === 0) {
            const any = ctx.loaded.objects.OpportunityFieldHistory ?? ctx.loaded.objects.LeadHistory;
            return {
                skip: any
                    ? 'the field history CSVs have no OldValue and NewValue columns'
                    : 'no OpportunityFieldHistory.csv or LeadHistory.csv in the snapshot'
            };
        }
        await ctx.conn.run(`CREATE OR REPLACE TEMP TABLE attr_history AS ${sources.join(' UNION ALL ')}`);
        // one change per record, field, user and moment (a lookup's Id row and name row are one change)
        const prefer = `(data_type = 'EntityId' OR regexp_matches(coalesce(old_value, new_value, ''), ${ID_LIKE})) DESC`;
        await ctx.conn.run(`CREATE OR REPLACE TEMP TABLE attr_change AS
            SELECT object, rec_k, field, by_k, changed_at, any_value(converted) AS converted,
                first(old_value ORDER BY ${prefer}) AS old_value, first(new_value ORDER BY ${prefer}) AS new_value
            FROM attr_history WHERE NOT created GROUP BY object, rec_k, field, by_k, changed_at`);
        const overwrite = `((old_value IS NOT NULL AND (new_value IS NULL OR trim(new_value) <> trim(old_value)))
            OR (converted IS NOT NULL AND CAST(changed_at AS DATE) > converted))`;
        const ids = (o: string, table: string): string =>
            ctx.loaded.objects[o as 'Lead']
                ? `coalesce((SELECT any_value(x.Id) FROM ${table} x WHERE x.Id_k = c.rec_k), c.rec_k)`
                : 'c.rec_k';
        const recordId = `CASE WHEN c.object = 'Opportunity' THEN ${ids('Opportunity', 'opportunity')} ELSE ${ids('Lead', 'lead')} END`;
        const users = ctx.loaded.objects.User?.fields.has('Name')
            ? `LEFT JOIN (SELECT Id_k, any_value(Name) AS name FROM "user" GROUP BY 1) u ON u.Id_k = c.by_k`
            : `LEFT JOIN (SELECT NULL::VARCHAR AS Id_k, NULL::VARCHAR AS name) u ON false`;
        await ctx.conn.run(`CREATE OR REPLACE TEMP TABLE attr_overwrite AS
            SELECT c.*, ${recordId} AS Id, u.name AS by_name, converted IS NOT NULL AND CAST(changed_at AS DATE) > converted AS after_conversion
            FROM attr_change c ${users} WHERE ${overwrite}`);
        const recordIds = await queryIds(ctx.conn, `SELECT DISTINCT Id FROM attr_overwrite`);
        const population = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM (SELECT DISTINCT object, rec_k FROM attr_history)`
        );
        const changes = await queryNumber(ctx.conn, `SELECT count(*) FROM attr_overwrite`);
        const byField = await queryRows(
            ctx.conn,
            `SELECT object || '.' || field AS f, count(*)::BIGINT AS n FROM attr_overwrite GROUP BY 1 ORDER BY 1`
        );
        const byUser = await queryRows(
            ctx.conn,
            `SELECT by_k, any_value(by_name) AS name, count(*)::BIGINT AS changes, count(DISTINCT Id)::BIGINT AS records
             FROM attr_overwrite GROUP BY 1 ORDER BY changes DESC, records DESC, by_k`
        );
        const recent = await queryRows(
            ctx.conn,
            `SELECT object, Id, field, old_value, new_value, by_k, by_name, strftime(changed_at, '%Y-%m-%dT%H:%M:%SZ') AS changed_at, after_conversion
             FROM attr_overwrite ORDER BY changed_at DESC NULLS LAST, Id, field LIMIT ${CHANGES_SHOWN}`
        );
        for (const t of ['attr_overwrite', 'attr_change', 'attr_history']) await ctx.conn.run(`DROP TABLE ${t}`);
        const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
        return {
            recordIds,
            population,
            details: {
                changes,
                byField: Object.fromEntries(byField.map((r) => [String(r.f), Number(r.n)])),
                byUser: byUser.map((r) => ({
                    userId: str(r.by_k),
                    name: str(r.name),
                    changes: Number(r.changes),
                    records: Number(r.records)
                })),
                recent: recent.map((r) => ({
                    object: r.object === 'Lead' ? 'Lead' : 'Opportunity',
                    recordId: String(r.Id),
                    field: String(r.field),
                    oldValue: str(r.old_value),
                    newValue: str(r.new_value),
                    changedById: str(r.by_k),
                    changedByName: str(r.by_name),
                    changedAt: str(r.changed_at),
                    afterConversion: r.after_conversion === true
                }))
            }
        };
    }
};
