/**
 * The HTML report's per-check guide: for every check, what a finding means and what to do about it; for a check
 * with findings, the open pipeline at risk, the Closed Won amount without attribution and the owners with most at
 * stake (the top `OWNERS_LISTED`; every owner is in the JSON and CSV reports); for a skipped check, why.
 */
import type { AuditReport } from '../engine.js';
import { esc } from './escape.js';
import { int, money } from './format.js';
import { OWNERS_LISTED, ownerLabel } from './money.js';

function ownersTable(owners: NonNullable<AuditReport['checks'][number]['money']>['byOwner']): string {
    const rows = owners
        .slice(0, OWNERS_LISTED)
        .map(
            (o) =>
                `<tr><td>${esc(ownerLabel(o))}${o.name && o.ownerId ? ` <small><code>${esc(o.ownerId)}</code></small>` : ''}</td><td class="n">${int(o.records)}</td><td class="n">${money(o.open.amount)}</td><td class="n">${money(o.closedWon.amount)}</td></tr>`
        )
        .join('');
    const more =
        owners.length > OWNERS_LISTED
            ? `<p class="note">+${int(owners.length - OWNERS_LISTED)} more owners in the JSON and CSV reports.</p>`
            : '';
    return `<table class="owners"><thead><tr><th>owner</th><th>records</th><th>open pipeline</th><th>Closed Won</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
}

export function guideSection(report: AuditReport): string {
    const items = report.checks
        .map((c) => {
            const head = `<h3 id="check-${esc(c.id)}"><code>${esc(c.id)}</code> · ${esc(c.title)} <span class="${c.status}">${c.status}</span></h3>`;
            const guide =
                (c.meaning ? `<p><b>What it means:</b> ${esc(c.meaning)}</p>` : '') +
                (c.action ? `<p><b>What to do:</b> ${esc(c.action)}</p>` : '');
            if (c.status === 'skipped') return `${head}${guide}<p class="note">skipped: ${esc(c.reason ?? '')}</p>`;
            const m = c.money;
            const figures = m
                ? `<p class="money">Open pipeline at risk <b>${money(m.open.amount)}</b> (${int(m.open.opportunities)} open Opportunities) · Closed Won without attribution <b>${money(m.closedWon.amount)}</b> (${int(m.closedWon.opportunities)})</p>${ownersTable(m.byOwner)}${(m.notes ?? []).map((n) => `<p class="note">${esc(n)}</p>`).join('')}`
                : `<p class="note">No findings.</p>`;
            return `${head}${guide}${figures}`;
        })
        .join('\n');
    return `<section><h2>Per check: what it means, what to do, money at risk</h2><p class="note">Open pipeline: Amount of the open Opportunities among or linked to the findings (a converted Lead's Opportunity); Closed Won: won Opportunities without that attribution. Each Opportunity counts once per check.</p>${items}</section>`;
}
