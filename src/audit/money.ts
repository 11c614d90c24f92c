/**
 * Money and owners per check: for the findings of each check, the Opportunities they are or lead to (an Opportunity
 * finding itself; a converted Lead's `ConvertedOpportunityId`), the open pipeline at risk (sum of `Amount` of those
 * still open), the Closed Won amount without attribution (sum of `Amount` of those won), and a breakdown by the
 * findings' `OwnerId` (Opportunity, Lead or Contact owner) with the owner's name when `User.csv` is there.
 * Every Opportunity is counted once per check (and once per owner), however many findings lead to it.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CheckResult } from './checks/types.js';
import type { LoadResult } from './load.js';

export type MoneyBucket = { opportunities: number; amount: number };
export type OwnerMoney = {
    /** 15-character OwnerId (a User or a queue); `null` for findings whose record has no owner in the snapshot. */
    ownerId: string | null;
    name: string | null;
    records: number;
    open: MoneyBucket;
    closedWon: MoneyBucket;
};
export type CheckMoney = {
    /** Distinct Opportunities the findings are or lead to. */
    linkedOpportunities: number;
    /** Open pipeline at risk. */
    open: MoneyBucket;
    /** Closed Won amount without attribution. */
    closedWon: MoneyBucket;
    byOwner: OwnerMoney[];
    notes?: string[];
};

async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** Notes on what the snapshot lacks for the money figures. */
function moneyNotes(loaded: LoadResult): string[] {
    const opp = loaded.objects.Opportunity;
    if (!opp) return ['no Opportunity.csv: amounts not computed'];
    const notes: string[] = [];
    const missing = ['Amount', 'IsClosed', 'IsWon', 'OwnerId'].filter((f) => !opp.fields.has(f));
    if (missing.length > 0) notes.push(`Opportunity.csv has no ${missing.join(', ')}`);
    if (!loaded.objects.User?.fields.has('Name')) notes.push('no User.csv with Name: owners by Id only');
    return notes;
}

/** Attaches `money` to every check with findings. */
export async function attachMoney(
    conn: DuckDBConnection,
    loaded: LoadResult,
    checks: readonly CheckResult[]
): Promise<void> {
    const failing = checks.filter((c) => c.status === 'fail' && c.recordIds.length > 0);
    if (failing.length === 0) return;
    await conn.run(`CREATE OR REPLACE TEMP TABLE finding (check_id VARCHAR, Id VARCHAR)`);
    const appender = await conn.createAppender('finding');
    for (const c of failing) {
        for (const id of c.recordIds) {
            appender.appendVarchar(c.id);
            appender.appendVarchar(id);
            appender.endRow();
        }
    }
    appender.closeSync();
    const has = (o: keyof LoadResult['objects']): boolean => loaded.objects[o] !== undefined;
    const joins: string[] = [];
    const opps: string[] = [];
    const owners: string[] = [];
    if (has('Opportunity')) {
        joins.push(`LEFT JOIN opportunity o ON o.Id_k = left(f.Id, 15)`);
        opps.push('o.Id_k');
        owners.push('o.OwnerId');
    }
    if (has('Lead')) {
        joins.push(`LEFT JOIN lead l ON l.Id_k = left(f.Id, 15)`);
        owners.push('l.OwnerId');
        if (has('Opportunity')) {
            joins.push(`LEFT JOIN opportunity lo ON lo.Id_k = l.ConvertedOpportunityId`);
            opps.push('lo.Id_k');
        }
    }
    if (has('Contact')) {
        joins.push(`LEFT JOIN contact c ON c.Id_k = left(f.Id, 15)`);
        owners.push('c.OwnerId');
    }
    const coalesce = (list: string[]): string => (list.length > 0 ? `coalesce(${list.join(', ')}, NULL)` : 'NULL');
    await conn.run(
        `CREATE OR REPLACE TEMP TABLE finding_link AS SELECT f.check_id, f.Id, ${coalesce(opps)}::VARCHAR AS opp_k, ${coalesce(owners)}::VARCHAR AS owner
         FROM finding f ${joins.join(' ')}`
    );
    const amounts = has('Opportunity')
        ? `JOIN (SELECT Id_k, bool_or(NOT IsClosed) AS is_open, bool_or(IsWon) AS won, max(Amount) AS amount FROM opportunity GROUP BY 1) a ON a.Id_k = d.opp_k`
        : undefined;
    const sums = `count(DISTINCT d.opp_k)::BIGINT AS linked,
        count_if(a.is_open)::BIGINT AS open_n, coalesce(sum(CASE WHEN a.is_open THEN a.amount END), 0)::DOUBLE AS open_amount,
        count_if(a.won)::BIGINT AS won_n, coalesce(sum(CASE WHEN a.won THEN a.amount END), 0)::DOUBLE AS won_amount`;
    const byCheck = amounts
        ? await rows(
              conn,
              `SELECT d.check_id, ${sums} FROM (SELECT DISTINCT check_id, opp_k FROM finding_link WHERE opp_k IS NOT NULL) d ${amounts} GROUP BY 1`
          )
        : [];
    const ownerAmounts = amounts
        ? await rows(
              conn,
              `SELECT d.check_id, d.owner, ${sums} FROM (SELECT DISTINCT check_id, owner, opp_k FROM finding_link WHERE opp_k IS NOT NULL) d ${amounts} GROUP BY 1, 2`
          )
        : [];
    const ownerRecords = await rows(
        conn,
        `SELECT check_id, owner, count(DISTINCT Id)::BIGINT AS records FROM finding_link GROUP BY 1, 2`
    );
    const names = new Map<string, string>();
    if (loaded.objects.User?.fields.has('Name')) {
        for (const r of await rows(conn, `SELECT Id_k, any_value(Name) AS name FROM "user" GROUP BY 1`))
            if (typeof r.name === 'string') names.set(String(r.Id_k), r.name);
    }
    const notes = moneyNotes(loaded);
    const bucket = (r: Record<string, unknown> | undefined, n: string, a: string): MoneyBucket => ({
        opportunities: Number(r?.[n] ?? 0),
        amount: Number(r?.[a] ?? 0)
    });
    for (const c of failing) {
        const total = byCheck.find((r) => r.check_id === c.id);
        const byOwner: OwnerMoney[] = ownerRecords
            .filter((r) => r.check_id === c.id)
            .map((r) => {
                const ownerId = r.owner === null || r.owner === undefined ? null : String(r.owner);
                const m = ownerAmounts.find((x) => x.check_id === c.id && (x.owner ?? null) === (r.owner ?? null));
                return {
                    ownerId,
                    name: ownerId ? (names.get(ownerId) ?? null) : null,
                    records: Number(r.records),
                    open: bucket(m, 'open_n', 'open_amount'),
                    closedWon: bucket(m, 'won_n', 'won_amount')
                };
            })
            .sort(
                (a, b) =>
                    b.open.amount + b.closedWon.amount - (a.open.amount + a.closedWon.amount) ||
                    b.records - a.records ||
                    String(a.ownerId).localeCompare(String(b.ownerId))
            );
        c.money = {
            linkedOpportunities: Number(total?.linked ?? 0),
            open: bucket(total, 'open_n', 'open_amount'),
            closedWon: bucket(total, 'won_n', 'won_amount'),
            byOwner,
            ...(notes.length > 0 ? { notes } : {})
        };
    }
    await conn.run(`DROP TABLE finding_link`);
    await conn.run(`DROP TABLE finding`);
}
