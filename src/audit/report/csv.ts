/**
 * The CSV report: one row per offending record (`check,status,count,population,share,recordId`), and one row with an
 * empty recordId for a check without findings or skipped (its reason in `reason`), so every check appears. For a
 * check with findings, money rows follow its record rows (recordId empty): one with `reason` `all owners` (open
 * pipeline at risk and Closed Won amount without attribution in `openPipeline`, `closedWonAmount`), then one per
 * owner (`reason` `owner`, with `ownerId`, `ownerName`, `ownerRecords` and that owner's amounts).
 */
import type { AuditReport } from '../engine.js';

export const CSV_HEADER =
    'check,status,count,population,share,recordId,reason,openPipeline,closedWonAmount,ownerId,ownerName,ownerRecords';

export function csvField(value: string | number): string {
    const s = String(value);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function renderCsv(report: AuditReport): string {
    const lines = [CSV_HEADER];
    const row = (cells: (string | number)[]): void => {
        lines.push(cells.map(csvField).join(','));
    };
    for (const c of report.checks) {
        const head = [c.id, c.status, c.count, c.population, c.share.toFixed(6)];
        if (c.recordIds.length === 0) row([...head, '', c.reason ?? '', '', '', '', '', '']);
        for (const id of c.recordIds) row([...head, id, '', '', '', '', '', '']);
        const m = c.money;
        if (!m) continue;
        row([...head, '', 'all owners', m.open.amount, m.closedWon.amount, '', '', c.count]);
        for (const o of m.byOwner)
            row([...head, '', 'owner', o.open.amount, o.closedWon.amount, o.ownerId ?? '', o.name ?? '', o.records]);
    }
    return lines.join('\r\n') + '\r\n';
}
