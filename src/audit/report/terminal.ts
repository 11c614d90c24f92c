/**
 * The terminal summary: one row per check (status, count, population, share), the funnel, the sourced pipeline and
 * a one-line health score. Plain text when colours are off (pipes, CI, `docs/audit-terminal.txt`).
 */
import Table from 'cli-table3';
import type { AuditReport } from '../engine.js';
import { STAGES, type FunnelRow } from '../funnel.js';
import { int, money, pct } from './format.js';

const STAGE_LABELS: Record<(typeof STAGES)[number], string> = {
    leads: 'Leads',
    mql: 'MQL',
    sql: 'SQL',
    converted: 'Converted',
    opportunity: 'Opportunity',
    closedWon: 'Closed Won'
};

function table(head: string[], colAligns?: ('left' | 'right')[]): Table.Table {
    return new Table({
        head,
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        style: { head: [], border: [] },
        ...(colAligns ? { colAligns } : {})
    });
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
    lines.push(
        `Attribution audit of ${report.source.kind === 'org' ? 'org snapshot' : 'snapshot'} ${report.source.dir} as of ${report.asOf}`
    );
    lines.push(`Records: ${objects}`);
    const checks = table(['check', 'status', 'count', 'of', 'share'], ['left', 'left', 'right', 'right', 'right']);
    for (const c of report.checks) {
        checks.push([
            c.id,
            c.status,
            c.status === 'skipped' ? '–' : int(c.count),
            c.status === 'skipped' ? '–' : int(c.population),
            c.status === 'skipped' ? '–' : pct(c.share)
        ]);
    }
    lines.push(checks.toString());
    for (const c of report.checks.filter((x) => x.status === 'skipped'))
        lines.push(`  skipped ${c.id}: ${c.reason ?? ''}`);
    const drift = report.checks.find((c) => c.id === 'lead-source-drift');
    const groups = (drift?.details?.groups ?? []) as {
        canonical: string | null;
        records: number;
        variants: { value: string }[];
    }[];
    if (groups.length > 0) {
        lines.push('Lead Source drift (variant → likely governed value):');
        for (const g of groups.slice(0, 8)) {
            const variants = g.variants.map((v) => JSON.stringify(v.value)).slice(0, 6);
            lines.push(
                `  ${g.canonical ?? '(unmapped)'} ← ${variants.join(', ')}${g.variants.length > 6 ? ', …' : ''} (${int(g.records)} record${g.records === 1 ? '' : 's'})`
            );
        }
    }
    const f = report.funnel;
    if (f.total) {
        const funnel = table(
            ['funnel', ...STAGES.map((s) => STAGE_LABELS[s]), 'overall'],
            ['left', ...STAGES.map(() => 'right' as const), 'right']
        );
        funnel.push(funnelRow(f.total));
        funnel.push([
            '  stage rate',
            '',
            ...STAGES.slice(1).map((s) => pct(f.total?.rates[s as Exclude<typeof s, 'leads'>])),
            ''
        ]);
        const limit = opts.funnelRows ?? 8;
        for (const row of f.byLeadSource.slice(0, limit))
            funnel.push(funnelRow({ ...row, label: `source: ${row.label}` }));
        for (const row of f.byCampaign.slice(0, limit))
            funnel.push(funnelRow({ ...row, label: `campaign: ${row.label}` }));
        lines.push(funnel.toString());
    }
    if (f.pipeline) {
        const p = f.pipeline;
        const share = (a: number): string => pct(p.total.amount > 0 ? a / p.total.amount : null);
        lines.push(
            `Pipeline (open + won): marketing-sourced ${money(p.marketing.amount)} (${share(p.marketing.amount)}, ${int(p.marketing.opportunities)} opps), ` +
                `sales-sourced ${money(p.sales.amount)} (${share(p.sales.amount)}, ${int(p.sales.opportunities)}), ` +
                `unknown ${money(p.unknown.amount)} (${share(p.unknown.amount)}, ${int(p.unknown.opportunities)})`
        );
    }
    for (const note of f.notes) lines.push(`note: ${note}`);
    const usage = apiUsageLine(report);
    if (usage) lines.push(usage);
    for (const w of report.warnings) lines.push(`warning: ${w}`);
    const h = report.health;
    lines.push(
        `Health: ${h.score === null ? 'n/a (no check could run)' : `${h.score.toFixed(1)}/100`} · ${h.checksFailed} of ${h.checksRun} checks with findings · ${h.checksSkipped} skipped`
    );
    return lines.join('\n') + '\n';
}
