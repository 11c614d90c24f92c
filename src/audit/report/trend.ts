/**
 * The trend (`--baseline`) in each format: a table of counts then/now with the records newly broken and fixed
 * (terminal: first Ids and "+N more"; HTML: first Ids; CSV: `countThen` and `trend` columns, a row per record newly
 * broken, still broken, or fixed), and the note on a context reused from a saved org snapshot.
 */
import type { AuditReport } from '../engine.js';
import type { TrendCheck } from '../baseline/trend.js';
import { extrasOf } from './extras.js';
import { int } from './format.js';
import { capped } from './wrap.js';

const IDS_SHOWN = 3;

function side(s: TrendCheck['then']): string {
    if (!s) return 'absent';
    return s.status === 'skipped' ? 'skipped' : int(s.count);
}

function delta(c: TrendCheck): string {
    if (c.delta === null) return '–';
    return c.delta > 0 ? `+${int(c.delta)}` : int(c.delta);
}

function ids(list: readonly string[]): string {
    return capped(list, IDS_SHOWN, (id) => id, 'records').join(', ');
}

export function contextTerminalLines(report: AuditReport): string[] {
    const c = extrasOf(report).context;
    if (!c) return [];
    return [
        `Reused from ${c.file} (recorded ${c.recordedAt}): ${c.reused.join(', ')}` +
            (c.overridden.length > 0 ? `; overridden by flags: ${c.overridden.join(', ')}` : '')
    ];
}

export function trendTerminalLines(report: AuditReport): string[] {
    const t = extrasOf(report).trend;
    if (!t) return [];
    const lines = [`Trend since ${t.baseline.file} (as of ${t.baseline.asOf}, generated ${t.baseline.generatedAt}):`];
    for (const c of t.checks) {
        let line = `  ${c.id}: ${side(c.then)} → ${side(c.now)} (${delta(c)})`;
        if (c.newlyBroken.length > 0) line += `; newly broken ${int(c.newlyBroken.length)}: ${ids(c.newlyBroken)}`;
        if (c.fixed.length > 0) line += `; fixed ${int(c.fixed.length)}: ${ids(c.fixed)}`;
        if (c.note) line += `; ${c.note}`;
        lines.push(line);
    }
    for (const n of t.notes) lines.push(`  note: ${n}`);
    lines.push('  (every record Id is in the JSON, CSV and HTML reports)');
    return lines;
}

export function trendHtml(report: AuditReport, esc: (v: unknown) => string): string {
    const t = extrasOf(report).trend;
    const c = extrasOf(report).context;
    const context = c
        ? `<p class="note">Reused from <code>${esc(c.file)}</code> (recorded ${esc(c.recordedAt)}): ${esc(c.reused.join(', '))}${c.overridden.length > 0 ? `; overridden by flags: ${esc(c.overridden.join(', '))}` : ''}</p>`
        : '';
    if (!t) return context;
    const list = (l: readonly string[]): string => (l.length > 0 ? `<code>${l.map(esc).join(' ')}</code>` : '');
    const rows = t.checks
        .map(
            (x) =>
                `<tr><td><code>${esc(x.id)}</code></td><td class="n">${esc(side(x.then))}</td><td class="n">${esc(side(x.now))}</td><td class="n">${esc(delta(x))}</td><td><small>${list(x.newlyBroken)}</small></td><td><small>${list(x.fixed)}</small></td><td><small>${esc(x.note ?? '')}</small></td></tr>`
        )
        .join('');
    const notes = t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
    return `${context}<section><h2>Trend</h2><p class="meta">Since <code>${esc(t.baseline.file)}</code> (as of ${esc(t.baseline.asOf)}, generated ${esc(t.baseline.generatedAt)})</p>
<table><thead><tr><th>check</th><th>then</th><th>now</th><th>change</th><th>newly broken</th><th>fixed</th><th>note</th></tr></thead><tbody>${rows}</tbody></table>${notes}</section>`;
}
