/**
 * The "Fix list" section of the terminal and HTML reports: files written, per check how many findings the certain
 * changes fix, how many need a person, and why a check has no fix; the command that loads the files.
 */
import type { AuditReport } from '../engine.js';
import type { FixesSummary } from '../fixes/types.js';
import { extrasOf } from './extras.js';
import { int } from './format.js';

function checkLine(c: FixesSummary['checks'][number]): string | undefined {
    if (c.findings === 0) return undefined;
    const parts = [`${int(c.certain)} certain`, `${int(c.suggested)} to confirm`, `${int(c.unfixable)} without a fix`];
    return `${c.id}: ${int(c.findings)} findings: ${parts.join(', ')}${c.note ? ` (${c.note})` : ''}`;
}

/** Lines of the terminal section (empty without --fixes). */
export function fixesTerminalLines(report: AuditReport): string[] {
    const f = extrasOf(report).fixes;
    if (!f) return [];
    const files = f.files.map((x) => `${x.file} (${int(x.records)})`).join(', ');
    return [
        `Fix list written to ${f.dir}: ${int(f.rows)} changes (${int(f.certain)} certain, ${int(f.suggested)} to confirm) in fixes.csv; ` +
            `certain changes in ${files || 'no object file (no certain change)'}, each with its .undo.csv`,
        ...f.checks
            .map(checkLine)
            .filter((l): l is string => l !== undefined)
            .map((l) => `  ${l}`),
        `Load: ${f.load.command}`,
        `Undo: ${f.load.undoCommand}`,
        f.load.note
    ];
}

export function fixesHtml(report: AuditReport, esc: (v: unknown) => string): string {
    const f = extrasOf(report).fixes;
    if (!f) return '';
    const rows = f.checks
        .filter((c) => c.findings > 0)
        .map(
            (c) =>
                `<tr><td><code>${esc(c.id)}</code></td><td class="n">${int(c.findings)}</td><td class="n">${int(c.certain)}</td><td class="n">${int(c.suggested)}</td><td class="n">${int(c.unfixable)}</td><td><small>${esc(c.note ?? '')}</small></td></tr>`
        )
        .join('');
    const files = f.files
        .map(
            (x) =>
                `<li><code>${esc(x.file)}</code> (${int(x.records)} records: ${esc(x.fields.join(', '))}), undo <code>${esc(x.undo)}</code></li>`
        )
        .join('');
    return `<section><h2>Fix list</h2><p>${int(f.rows)} changes in <code>${esc(f.dir)}/fixes.csv</code>: ${int(f.certain)} certain, ${int(f.suggested)} to confirm.</p><ul>${files}</ul>
<table><thead><tr><th>check</th><th>findings</th><th>certain</th><th>to confirm</th><th>without a fix</th><th>note</th></tr></thead><tbody>${rows}</tbody></table>
<p>Load: <code>${esc(f.load.command)}</code><br>Undo: <code>${esc(f.load.undoCommand)}</code></p><p class="note">${esc(f.load.note)}</p></section>`;
}
