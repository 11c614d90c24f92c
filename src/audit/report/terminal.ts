/**
 * The terminal summary: one row per check (status, count, population, share), the funnel, the sourced pipeline and
 * a one-line health score. Plain text when colours are off (pipes, CI, `docs/audit-terminal.txt`).
 */
import Table from 'cli-table3';
import type { AuditReport } from '../engine.js';
import { STAGES, type FunnelRow } from '../funnel.js';
import { int, money, pct } from './format.js';
import { fixesTerminalLines } from './fixes.js';
import { MONEY_HEAD, MONEY_LEGEND, moneyRows } from './money.js';
import { contextTerminalLines, trendTerminalLines } from './trend.js';
import { TERMINAL_WIDTH, capped, clip, columns, wrap } from './wrap.js';

/** Funnel rows and drift groups shown; the rest are counted in a "+N more" line (all of them are in JSON/CSV/HTML). */
const FUNNEL_ROWS = 8;
const DRIFT_GROUPS = 8;
const DRIFT_VARIANTS = 6;

const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
    leads: 'Leads',
    mql: 'MQL',
    sql: 'SQL',
    converted: 'Conv.',
    opportunity: 'Opps',
    closedWon: 'Won'
};

function table(head: string[], colAligns?: ('left' | 'right')[], colWidths?: number[]): Table.Table {
    return new Table({
        head,
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        style: { head: [], border: [] },
        ...(colAligns ? { colAligns } : {}),
        ...(colWidths ? { colWidths } : {})
    });
}

/** Column widths (content + 2 padding) so that the table fits `TERMINAL_WIDTH`: the first column gives way. */
function fittedWidths(rows: readonly string[][]): number[] {
    const n = rows[0]?.length ?? 0;
    const widths = Array.from({ length: n }, (_, i) => Math.max(...rows.map((r) => columns(r[i] ?? ''))) + 2);
    const others = widths.slice(1).reduce((a, b) => a + b, 0) + n + 1; // + borders
    widths[0] = Math.max(12, Math.min(widths[0] ?? 12, TERMINAL_WIDTH - others));
    return widths;
}

function fittedTable(head: string[], rows: string[][], colAligns: ('left' | 'right')[]): string {
    const widths = fittedWidths([head, ...rows]);
    const t = table(head, colAligns, widths);
    for (const row of rows) t.push([clip(row[0] ?? '', (widths[0] ?? 12) - 2), ...row.slice(1)]);
    return t.toString();
}

function push(lines: string[], text: string, indent = '    '): void {
    lines.push(...wrap(text, TERMINAL_WIDTH, indent));
}

/** Money at risk per check with findings: open pipeline, Closed Won without attribution, the top owners. */
function moneyLines(report: AuditReport): string[] {
    const rows = moneyRows(report);
    if (rows.length === 0) return [];
    const lines = [fittedTable(MONEY_HEAD, rows, ['left', 'right', 'right', 'left'])];
    push(lines, `  ${MONEY_LEGEND}`);
    const notes = new Set(report.checks.flatMap((c) => c.money?.notes ?? []));
    for (const note of notes) push(lines, `  money: ${note}`);
    return lines;
}

/** When most Lead Source values are not governed, the list used is likely not the org's: say how to pass its own. */
export function governedListHint(report: AuditReport): string | undefined {
    const drift = report.checks.find((c) => c.id === 'lead-source-drift');
    if (!drift || drift.status === 'skipped' || drift.share <= 0.5) return undefined;
    return (
        `hint: ${pct(drift.share)} of the Lead Source values are outside the ${report.governedLeadSources.length} governed ` +
        `values used (${report.governedLeadSources.slice(0, 4).join(', ')}${report.governedLeadSources.length > 4 ? ', …' : ''}): ` +
        `if your org governs other values, pass its own list with --governed-lead-sources "Value 1,Value 2,…" ` +
        `(its Lead Source picklist: Setup → Object Manager → Lead → Fields & Relationships → Lead Source), ` +
        `or audit the org with --target-org, which reads the active picklist values`
    );
}

function funnelRow(row: FunnelRow): string[] {
    return [row.label, ...STAGES.map((s) => int(row.counts[s])), pct(row.rates.overall)];
}

/** `API requests used: N · org allowance used/limit` for an org run; undefined for a snapshot. */
export function apiUsageLine(report: AuditReport): string | undefined {
    const org = report.source.org;
    if (!org) return undefined;
    const usage = org.apiUsage as { used: number; limit: number } | undefined;
    const budget = typeof org.maxApiRequests === 'number' ? ` of --max-api-requests ${org.maxApiRequests}` : '';
    const allowance = usage
        ? ` · org allowance ${int(usage.used)}/${int(usage.limit)} used (${int(usage.limit - usage.used)} left)`
        : '';
    return `API requests used: ${String(org.requestsUsed)}${budget}${allowance}`;
}

export function renderTerminal(report: AuditReport, opts: { funnelRows?: number } = {}): string {
    const lines: string[] = [];
    const objects = Object.entries(report.source.objects)
        .map(([name, o]) => `${name} ${int(o.rows)}`)
        .join(', ');
    push(
        lines,
        `Attribution audit of ${report.source.kind === 'org' ? 'org snapshot' : 'snapshot'} ${report.source.dir} as of ${report.asOf}`
    );
    push(lines, `Records: ${objects}`);
    lines.push(
        fittedTable(
            ['check', 'status', 'count', 'of', 'share'],
            report.checks.map((c) => [
                c.id,
                c.status,
                c.status === 'skipped' ? '–' : int(c.count),
                c.status === 'skipped' ? '–' : int(c.population),
                c.status === 'skipped' ? '–' : pct(c.share)
            ]),
            ['left', 'left', 'right', 'right', 'right']
        )
    );
    for (const c of report.checks.filter((x) => x.status === 'skipped'))
        push(lines, `  skipped ${c.id}: ${c.reason ?? ''}`);
    lines.push(...moneyLines(report));
    const drift = report.checks.find((c) => c.id === 'lead-source-drift');
    const groups = (drift?.details?.groups ?? []) as {
        canonical: string | null;
        records: number;
        variants: { value: string }[];
    }[];
    if (groups.length > 0) {
        lines.push('Lead Source drift (variant → likely governed value):');
        const rendered = capped(
            groups,
            DRIFT_GROUPS,
            (g) => {
                const variants = capped(g.variants, DRIFT_VARIANTS, (v) => JSON.stringify(v.value), 'variants');
                return `  ${g.canonical ?? '(unmapped)'} ← ${variants.join(', ')} (${int(g.records)} record${g.records === 1 ? '' : 's'})`;
            },
            'groups (all in the JSON, CSV and HTML reports)'
        );
        for (const line of rendered) push(lines, line.startsWith('+') ? `  ${line}` : line, '      ');
    }
    const hint = governedListHint(report);
    if (hint) push(lines, hint, '      ');
    const f = report.funnel;
    if (f.total) {
        const total = f.total;
        const limit = opts.funnelRows ?? FUNNEL_ROWS;
        const rows: string[][] = [
            funnelRow(total),
            ['  stage rate', '', ...STAGES.slice(1).map((s) => pct(total.rates[s as Exclude<typeof s, 'leads'>])), '']
        ];
        const more: string[] = [];
        const blank = (label: string): string[] => [label, ...STAGES.map(() => ''), ''];
        const section = (title: string, list: FunnelRow[], noun: string): void => {
            if (list.length === 0) return;
            rows.push(blank(title));
            for (const row of list.slice(0, limit)) rows.push(funnelRow({ ...row, label: `  ${row.label}` }));
            if (list.length > limit) more.push(`+${list.length - limit} more ${noun}`);
        };
        section('by Lead Source', f.byLeadSource, 'sources');
        section('by campaign', f.byCampaign, 'campaigns');
        lines.push(
            fittedTable(['funnel', ...STAGES.map((s) => STAGE_LABELS[s]), 'overall'], rows, [
                'left',
                ...STAGES.map(() => 'right' as const),
                'right'
            ])
        );
        if (more.length > 0)
            push(lines, `  ${more.join(', ')} (every source and campaign is in the JSON, CSV and HTML reports)`);
    }
    if (f.pipeline) {
        const p = f.pipeline;
        const share = (a: number): string => pct(p.total.amount > 0 ? a / p.total.amount : null);
        push(
            lines,
            `Pipeline (open + won): marketing-sourced ${money(p.marketing.amount)} (${share(p.marketing.amount)}, ${int(p.marketing.opportunities)} opps), ` +
                `sales-sourced ${money(p.sales.amount)} (${share(p.sales.amount)}, ${int(p.sales.opportunities)}), ` +
                `unknown ${money(p.unknown.amount)} (${share(p.unknown.amount)}, ${int(p.unknown.opportunities)})`
        );
    }
    for (const note of f.notes) push(lines, `note: ${note}`);
    const usage = apiUsageLine(report);
    if (usage) push(lines, usage);
    for (const w of report.warnings) push(lines, `warning: ${w}`);
    for (const l of [...contextTerminalLines(report), ...trendTerminalLines(report), ...fixesTerminalLines(report)])
        push(lines, l, '      ');
    const h = report.health;
    push(
        lines,
        `Health: ${h.score === null ? 'n/a (no check could run)' : `${h.score.toFixed(1)}/100`} · ${h.checksFailed} of ${h.checksRun} checks with findings · ${h.checksSkipped} skipped`
    );
    return lines.join('\n') + '\n';
}
