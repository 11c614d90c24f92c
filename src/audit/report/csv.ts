/**
 * The CSV report: one row per offending record (`check,status,count,population,share,recordId`), and one row with an
 * empty recordId for a check without findings or skipped (its reason in `reason`), so every check appears.
 */
import type { AuditReport } from '../engine.js';
import { extrasOf } from './extras.js';
import { renderCsvWithTrend } from './trend.js';

export function csvField(value: string | number): string {
    const s = String(value);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function renderCsv(report: AuditReport): string {
    const trend = extrasOf(report).trend;
    if (trend) return renderCsvWithTrend(report, trend, csvField);
    const lines = ['check,status,count,population,share,recordId,reason'];
    for (const c of report.checks) {
        const head = [c.id, c.status, c.count, c.population, c.share.toFixed(6)];
        if (c.recordIds.length === 0) lines.push([...head, '', c.reason ?? ''].map(csvField).join(','));
        for (const id of c.recordIds) lines.push([...head, id, ''].map(csvField).join(','));
    }
    return lines.join('\r\n') + '\r\n';
}
