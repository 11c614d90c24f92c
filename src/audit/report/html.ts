/**
 * The HTML report: one self-contained file (inline CSS and inline SVG charts, no scripts, no external requests) with
 * the health score, a checks chart and table, per check what it means, what to do and the money at risk by owner
 * (`html-guide.ts`), the funnel chart and tables, the sourced pipeline and the Lead Source drift chart.
 */
import type { AuditReport } from '../engine.js';
import { STAGES, type FunnelRow } from '../funnel.js';
import type { DriftGroup } from '../checks/drift.js';
import { esc } from './escape.js';
import { fixesHtml } from './fixes.js';
import { int, money, pct } from './format.js';
import { guideSection } from './html-guide.js';
import { trendHtml } from './trend.js';

export { esc };

type Bar = { label: string; value: number; text: string; color: string };

/** A horizontal bar chart as inline SVG; bar length is value / max. */
export function barChart(id: string, title: string, bars: Bar[], max: number): string {
    const rowH = 26;
    const labelW = 300;
    const barW = 420;
    const textW = 220;
    const height = bars.length * rowH + 10;
    const rows = bars
        .map((b, i) => {
            const y = 5 + i * rowH;
            const w = max > 0 ? Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * barW)) : 0;
            return (
                `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(b.label)}</text>` +
                `<rect x="${labelW}" y="${y + 3}" width="${barW}" height="${rowH - 8}" fill="#eef1f5"/>` +
                `<rect class="bar" x="${labelW}" y="${y + 3}" width="${w}" height="${rowH - 8}" fill="${b.color}"><title>${esc(b.label)}: ${esc(b.text)}</title></rect>` +
                `<text x="${labelW + barW + 8}" y="${y + 17}">${esc(b.text)}</text>`
            );
        })
        .join('');
    return `<figure><figcaption>${esc(title)}</figcaption><svg id="${id}" role="img" aria-label="${esc(title)}" width="${labelW + barW + textW}" height="${height}" viewBox="0 0 ${labelW + barW + textW} ${height}" xmlns="http://www.w3.org/2000/svg">${rows}</svg></figure>`;
}

const STATUS_COLOR = { pass: '#2e844a', fail: '#ba0517', skipped: '#a0a5ab' } as const;
const STAGE_LABEL = {
    leads: 'Leads',
    mql: 'MQL',
    sql: 'SQL',
    converted: 'Converted',
    opportunity: 'Opportunity',
    closedWon: 'Closed Won'
} as const;

function checksSection(report: AuditReport): string {
    const bars = report.checks.map((c) => ({
        label: c.id,
        value: c.status === 'skipped' ? 0 : c.share,
        text: c.status === 'skipped' ? 'skipped' : `${int(c.count)} · ${pct(c.share)}`,
        color: STATUS_COLOR[c.status]
    }));
    const rows = report.checks
        .map((c) => {
            const ids = c.recordIds.slice(0, 12).map(esc).join(' ');
            const more = c.recordIds.length > 12 ? ` … +${int(c.recordIds.length - 12)}` : '';
            return `<tr><td><code>${esc(c.id)}</code><br><small>${esc(c.title)}</small></td><td class="${c.status}">${c.status}</td><td class="n">${c.status === 'skipped' ? '–' : int(c.count)}</td><td class="n">${c.status === 'skipped' ? '–' : int(c.population)}</td><td class="n">${c.status === 'skipped' ? '–' : pct(c.share)}</td><td><small>${c.reason ? esc(c.reason) : `<code>${ids}${more}</code>`}</small></td></tr>`;
        })
        .join('');
    return `<section><h2>Checks</h2>${barChart('chart-checks', 'Share of offending records per check', bars, 1)}
<table><thead><tr><th>check</th><th>status</th><th>count</th><th>of</th><th>share</th><th>record Ids / reason</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function funnelTable(title: string, rows: FunnelRow[]): string {
    if (rows.length === 0) return '';
    const head = STAGES.map((s) => `<th>${STAGE_LABEL[s]}</th>`).join('');
    const body = rows
        .map(
            (r) =>
                `<tr><td>${esc(r.label)}</td>${STAGES.map((s) => `<td class="n">${int(r.counts[s])}</td>`).join('')}<td class="n">${pct(r.rates.overall)}</td></tr>`
        )
        .join('');
    return `<h3>${esc(title)}</h3><table><thead><tr><th></th>${head}<th>Lead → Won</th></tr></thead><tbody>${body}</tbody></table>`;
}

function funnelSection(report: AuditReport): string {
    const f = report.funnel;
    const notes = f.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('');
    if (!f.total) return `<section><h2>Funnel</h2>${notes}</section>`;
    const total = f.total;
    const bars = STAGES.map((s, i) => ({
        label: STAGE_LABEL[s],
        value: total.counts[s],
        text: `${int(total.counts[s])}${i > 0 ? ` · ${pct(total.rates[s as Exclude<typeof s, 'leads'>])} of prev. stage` : ''}`,
        color: '#0176d3'
    }));
    let pipeline = '';
    if (f.pipeline) {
        const p = f.pipeline;
        const pb = [
            {
                label: 'Marketing-sourced',
                value: p.marketing.amount,
                text: `${money(p.marketing.amount)} · ${int(p.marketing.opportunities)} opps`,
                color: '#0176d3'
            },
            {
                label: `Sales-sourced (${p.salesSourcedLeadSources.join(', ')})`,
                value: p.sales.amount,
                text: `${money(p.sales.amount)} · ${int(p.sales.opportunities)} opps`,
                color: '#dd7a01'
            },
            {
                label: 'Unknown (no Lead Source)',
                value: p.unknown.amount,
                text: `${money(p.unknown.amount)} · ${int(p.unknown.opportunities)} opps`,
                color: '#a0a5ab'
            }
        ];
        pipeline = barChart(
            'chart-pipeline',
            'Open + won pipeline amount by source',
            pb,
            Math.max(...pb.map((b) => b.value))
        );
        if (p.note) pipeline += `<p class="note">${esc(p.note)}</p>`;
    }
    return `<section><h2>Funnel</h2><p class="note">${esc(f.definition)}</p>${barChart('chart-funnel', 'Lead funnel (all Leads)', bars, total.counts.leads)}
${funnelTable('By Lead Source', f.byLeadSource)}${funnelTable('By campaign (members)', f.byCampaign)}${pipeline}${notes}</section>`;
}

function driftSection(report: AuditReport): string {
    const drift = report.checks.find((c) => c.id === 'lead-source-drift');
    if (!drift || drift.status === 'skipped')
        return `<section><h2>Lead Source drift</h2><p class="note">${esc(drift?.reason ?? 'not run')}</p></section>`;
    const groups = (drift.details?.groups ?? []) as DriftGroup[];
    if (groups.length === 0)
        return `<section><h2>Lead Source drift</h2><p>Every Lead Source is a governed value.</p></section>`;
    const bars: Bar[] = [];
    for (const g of groups) {
        for (const v of g.variants) {
            bars.push({
                label: `${JSON.stringify(v.value)} → ${g.canonical ?? '(unmapped)'}`,
                value: v.records,
                text: Object.entries(v.byObject)
                    .map(([o, n]) => `${o} ${int(n)}`)
                    .join(', '),
                color: g.canonical ? '#0176d3' : '#ba0517'
            });
        }
    }
    const shown = bars.slice(0, 30);
    return `<section><h2>Lead Source drift</h2>${barChart('chart-drift', 'Records per non-governed Lead Source value (→ likely governed value)', shown, Math.max(...shown.map((b) => b.value)))}${bars.length > shown.length ? `<p class="note">${bars.length - shown.length} more variants in the JSON report.</p>` : ''}</section>`;
}

const CSS = `body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#181818;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}h3{font-size:15px}
.health{font-size:28px;font-weight:600}.meta{color:#555}table{border-collapse:collapse;width:100%;margin:8px 0}
th,td{border-bottom:1px solid #e5e5e5;padding:4px 6px;text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
.pass{color:#2e844a}.fail{color:#ba0517;font-weight:600}.skipped{color:#777}.note{color:#555;font-size:12px}
figure{margin:8px 0}figcaption{font-weight:600;margin-bottom:4px}svg text{font-size:12px;fill:#181818}code{font-size:11px}`;

export function renderHtml(report: AuditReport): string {
    const h = report.health;
    const objects = Object.entries(report.source.objects)
        .map(([n, o]) => `${esc(n)} ${int(o.rows)}`)
        .join(' · ');
    const warnings = report.warnings.map((w) => `<p class="note">warning: ${esc(w)}</p>`).join('');
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Attribution audit ${esc(report.asOf)}</title><style>${CSS}</style></head>
<body><h1>Attribution audit</h1>
<p class="meta">${esc(report.source.kind)} <code>${esc(report.source.dir)}</code> · as of ${esc(report.asOf)} · generated ${esc(report.generatedAt)}</p>
<p class="meta">${objects}</p>
<p><span class="health">Health ${h.score === null ? 'n/a' : `${h.score.toFixed(1)}/100`}</span> · ${h.checksFailed} of ${h.checksRun} checks with findings · ${h.checksSkipped} skipped<br><small class="note">${esc(h.definition)}</small></p>
${warnings}${checksSection(report)}${trendHtml(report, esc)}${guideSection(report)}${fixesHtml(report, esc)}${funnelSection(report)}${driftSection(report)}
</body></html>
`;
}
