/**
 * The CSV report: one row per offending record (`check,status,count,population,share,recordId`), and one row with an
 * empty recordId for a check without findings or skipped (its reason in `reason`), so every check appears. For a
 * check with findings, money rows follow its record rows (recordId empty): one with `reason` `all owners` (open
 * pipeline at risk and Closed Won amount without attribution in `openPipeline`, `closedWonAmount`), then one per
 * owner (`reason` `owner`, with `ownerId`, `ownerName`, `ownerRecords` and that owner's amounts). With `--baseline`,
 * `countThen` holds the check's count in the baseline and `trend` each record's state (`new`, `still`, `fixed`: a
 * row per record fixed since); a check of the baseline that is absent now gets a row with status `absent`.
 */
import type { AuditReport } from '../engine.js';
import { extrasOf } from './extras.js';

export const CSV_HEADER =
    'check,status,count,population,share,recordId,reason,openPipeline,closedWonAmount,ownerId,ownerName,ownerRecords,' +
    'countThen,trend';

export function csvField(value: string | number): string {
    const s = String(value);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function renderCsv(report: AuditReport): string {
    const lines = [CSV_HEADER];
    const row = (cells: (string | number)[]): void => {
        lines.push(cells.map(csvField).join(','));
    };
    const trend = extrasOf(report).trend;
    const byId = new Map(trend?.checks.map((c) => [c.id, c]));
    const noMoney = ['', '', '', '', ''];
    for (const c of report.checks) {
        const t = byId.get(c.id);
        const then = t?.then && t.then.status !== 'skipped' ? t.then.count : '';
        const compared = t?.delta !== null && t?.delta !== undefined;
        const fresh = new Set(t?.newlyBroken ?? []);
        const head = [c.id, c.status, c.count, c.population, c.share.toFixed(6)];
        if (c.recordIds.length === 0) row([...head, '', c.reason ?? t?.note ?? '', ...noMoney, then, '']);
        for (const id of c.recordIds)
            row([...head, id, '', ...noMoney, then, compared ? (fresh.has(id) ? 'new' : 'still') : '']);
        for (const id of t?.fixed ?? []) row([...head, id, '', ...noMoney, then, 'fixed']);
        const m = c.money;
        if (!m) continue;
        row([...head, '', 'all owners', m.open.amount, m.closedWon.amount, '', '', c.count, then, '']);
        for (const o of m.byOwner)
            row([
                ...head,
                '',
                'owner',
                o.open.amount,
                o.closedWon.amount,
                o.ownerId ?? '',
                o.name ?? '',
                o.records,
                then,
                ''
            ]);
    }
    for (const t of trend?.checks.filter((x) => x.now === null) ?? [])
        row([t.id, 'absent', '', '', '', '', t.note ?? '', ...noMoney, t.then?.count ?? '', '']);
    return lines.join('\r\n') + '\r\n';
}
