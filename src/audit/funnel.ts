/**
 * The Lead funnel: Leads → MQL → SQL → converted → Opportunity → Closed Won, in total, by Lead Source and by campaign
 * (membership), with stage-to-stage and overall rates; and open + won pipeline by marketing-, sales- or unknown-sourced.
 *
 * The funnel is monotone: a Lead counts at a stage when it reached that stage or any later one.
 * - MQL: `MQL_Date__c` or `SQL_Date__c` set, or Status in the MQL or SQL statuses, or converted.
 * - SQL: `SQL_Date__c` set, or Status in the SQL statuses, or converted.
 * - converted: `IsConverted`. Opportunity: converted with a `ConvertedOpportunityId`.
 * - Closed Won: that Opportunity is in the snapshot with `IsWon`.
 * By campaign counts each member Lead once per campaign (Salesforce allows one membership per Lead and campaign).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RulesConfig } from './config.js';
import type { LoadResult } from './load.js';
import { inList } from './sql.js';

export const STAGES = ['leads', 'mql', 'sql', 'converted', 'opportunity', 'closedWon'] as const;
export type Stage = (typeof STAGES)[number];
export type StageCounts = Record<Stage, number>;
/** Rate of each stage from the previous one (`mql` = mql / leads …) and `overall` = closedWon / leads. */
export type StageRates = Record<Exclude<Stage, 'leads'> | 'overall', number | null>;
export type FunnelRow = { key: string; label: string; counts: StageCounts; rates: StageRates };
export type PipelineBucket = { opportunities: number; amount: number };
export type Pipeline = {
    marketing: PipelineBucket;
    sales: PipelineBucket;
    unknown: PipelineBucket;
    total: PipelineBucket;
    salesSourcedLeadSources: string[];
    note?: string;
};
export type Funnel = {
    definition: string;
    total: FunnelRow | null;
    byLeadSource: FunnelRow[];
    byCampaign: FunnelRow[];
    pipeline: Pipeline | null;
    notes: string[];
};

export const FUNNEL_DEFINITION =
    'Monotone: a Lead counts at a stage when it reached it or any later one. MQL = MQL/SQL date set, MQL/SQL status, or converted; ' +
    'SQL = SQL date set, SQL status, or converted; Opportunity = converted with a ConvertedOpportunityId; Closed Won = that Opportunity is won.';

/** Stage rates from counts (null when the previous stage is empty). */
export function rates(c: StageCounts): StageRates {
    const r = (n: number, d: number): number | null => (d > 0 ? n / d : null);
    return {
        mql: r(c.mql, c.leads),
        sql: r(c.sql, c.mql),
        converted: r(c.converted, c.sql),
        opportunity: r(c.opportunity, c.converted),
        closedWon: r(c.closedWon, c.opportunity),
        overall: r(c.closedWon, c.leads)
    };
}

function toRow(row: Record<string, unknown>, label: string): FunnelRow {
    const counts = Object.fromEntries(STAGES.map((s) => [s, Number(row[s] ?? 0)])) as StageCounts;
    return { key: String(row.key ?? ''), label, counts, rates: rates(counts) };
}

const SUMS = STAGES.map((s) => (s === 'leads' ? `count(*)::BIGINT AS leads` : `count_if(${s})::BIGINT AS ${s}`)).join(
    ', '
);

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Computes the funnel and pipeline; parts whose input is absent are left empty with a note. */
export async function computeFunnel(conn: DuckDBConnection, loaded: LoadResult, rules: RulesConfig): Promise<Funnel> {
    const notes: string[] = [];
    const lead = loaded.objects.Lead;
    const opp = loaded.objects.Opportunity;
    const funnel: Funnel = {
        definition: FUNNEL_DEFINITION,
        total: null,
        byLeadSource: [],
        byCampaign: [],
        pipeline: null,
        notes
    };
    if (!lead) notes.push('no Lead.csv: funnel not computed');
    else if (!lead.fields.has('IsConverted')) notes.push('Lead.csv has no IsConverted column: funnel not computed');
    else {
        for (const f of ['MQL_Date__c', 'SQL_Date__c', 'Status']) {
            if (!lead.fields.has(f)) notes.push(`Lead.csv has no ${f} column: MQL/SQL from the other fields only`);
        }
        const mqlStatuses = [...rules.mqlLeadStatuses, ...rules.sqlLeadStatuses];
        const hasWon = opp?.fields.has('IsWon') ?? false;
        const won = hasWon ? 'coalesce(w.won, false)' : 'false';
        const wonJoin = hasWon
            ? `LEFT JOIN (SELECT Id_k, bool_or(IsWon) AS won FROM opportunity GROUP BY 1) w ON w.Id_k = l.ConvertedOpportunityId`
            : '';
        if (!opp?.fields.has('IsWon')) notes.push('no Opportunity.IsWon: Closed Won not counted');
        await conn.run(`CREATE OR REPLACE TEMP TABLE lead_funnel AS
            SELECT l.Id_k, coalesce(trim(l.LeadSource), '(none)') AS source,
                l.IsConverted OR l.MQL_Date__c IS NOT NULL OR l.SQL_Date__c IS NOT NULL OR coalesce(${inList('l.Status', mqlStatuses)}, false) AS mql,
                l.IsConverted OR l.SQL_Date__c IS NOT NULL OR coalesce(${inList('l.Status', rules.sqlLeadStatuses)}, false) AS sql,
                l.IsConverted AS converted,
                l.IsConverted AND l.ConvertedOpportunityId IS NOT NULL AS opportunity,
                l.IsConverted AND l.ConvertedOpportunityId IS NOT NULL AND ${won} AS closedWon
            FROM lead l ${wonJoin}`);
        const [total] = await rows(conn, `SELECT 'all' AS key, ${SUMS} FROM lead_funnel`);
        funnel.total = toRow(total ?? {}, 'All Leads');
        funnel.byLeadSource = (
            await rows(conn, `SELECT source AS key, ${SUMS} FROM lead_funnel GROUP BY 1 ORDER BY leads DESC, key`)
        ).map((r) => toRow(r, String(r.key)));
        const cm = loaded.objects.CampaignMember;
        if (!cm?.fields.has('LeadId')) notes.push('no CampaignMember.csv with LeadId: funnel by campaign not computed');
        else {
            const hasName = loaded.objects.Campaign?.fields.has('Name');
            const names = hasName
                ? `LEFT JOIN (SELECT Id_k, any_value(Name) AS name FROM campaign GROUP BY 1) c ON c.Id_k = m.CampaignId`
                : '';
            const byCampaign = await rows(
                conn,
                `SELECT m.CampaignId AS key, ${hasName ? 'any_value(c.name)' : 'NULL'} AS name, ${SUMS}
                 FROM campaignmember m
                 JOIN lead_funnel f ON f.Id_k = m.LeadId ${names} WHERE m.CampaignId IS NOT NULL GROUP BY 1 ORDER BY leads DESC, key`
            );
            funnel.byCampaign = byCampaign.map((r) => toRow(r, r.name ? String(r.name) : String(r.key)));
        }
    }
    if (!opp) notes.push('no Opportunity.csv: pipeline not computed');
    else funnel.pipeline = await computePipeline(conn, loaded, rules);
    return funnel;
}

async function computePipeline(conn: DuckDBConnection, loaded: LoadResult, rules: RulesConfig): Promise<Pipeline> {
    const fields = loaded.objects.Opportunity?.fields ?? new Set<string>();
    const openOrWon = fields.has('IsClosed')
        ? `NOT (IsClosed AND NOT coalesce(IsWon, false))`
        : `coalesce(StageName, '') <> 'Closed Lost'`;
    const cls = `CASE WHEN LeadSource IS NULL THEN 'unknown' WHEN ${inList('LeadSource', rules.salesSourcedLeadSources)} THEN 'sales' ELSE 'marketing' END`;
    const data = await rows(
        conn,
        `SELECT ${cls} AS cls, count(*)::BIGINT AS n, coalesce(sum(Amount), 0)::DOUBLE AS amount FROM opportunity WHERE ${openOrWon} GROUP BY 1`
    );
    const bucket = (name: string): PipelineBucket => {
        const r = data.find((d) => d.cls === name);
        return { opportunities: Number(r?.n ?? 0), amount: Number(r?.amount ?? 0) };
    };
    const pipeline: Pipeline = {
        marketing: bucket('marketing'),
        sales: bucket('sales'),
        unknown: bucket('unknown'),
        total: { opportunities: 0, amount: 0 },
        salesSourcedLeadSources: rules.salesSourcedLeadSources
    };
    for (const b of [pipeline.marketing, pipeline.sales, pipeline.unknown]) {
        pipeline.total.opportunities += b.opportunities;
        pipeline.total.amount += b.amount;
    }
    const missing = ['LeadSource', 'Amount', 'IsClosed', 'IsWon'].filter((f) => !fields.has(f));
    if (missing.length > 0)
        pipeline.note = `Opportunity.csv has no ${missing.join(', ')}: ${missing.includes('LeadSource') ? 'all unknown-sourced; ' : ''}${missing.includes('Amount') ? 'amounts are 0; ' : ''}open/won from what is there`;
    return pipeline;
}
