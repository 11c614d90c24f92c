/**
 * Money and owners in the reports: per check with findings, the open pipeline at risk, the Closed Won amount
 * without attribution and the owners with most at stake (terminal: the top `OWNERS_SHOWN` and "+N more"; HTML:
 * the top `OWNERS_LISTED`; JSON and CSV: all).
 */
import type { AuditReport } from '../engine.js';
import type { OwnerMoney } from '../money.js';
import { int, money } from './format.js';
import { clip } from './wrap.js';

export const OWNERS_SHOWN = 1;
export const OWNERS_LISTED = 10;
export const MONEY_HEAD = ['money at risk', 'open pipeline', 'Closed Won', 'top owner (records)'];

/** What the money table's columns mean (printed under it). */
export const MONEY_LEGEND =
    'open pipeline: Amount of open Opportunities among or linked to the findings; Closed Won: won without that attribution; (n) Opportunities';

export function ownerLabel(o: OwnerMoney): string {
    return o.name ?? o.ownerId ?? '(no owner)';
}

/** Terminal rows: check, open amount (opps), won amount (opps), top owners with "+N more". */
export function moneyRows(report: AuditReport): string[][] {
    return report.checks
        .filter((c) => c.money)
        .map((c) => {
            const m = c.money;
            if (!m) return [];
            const top = m.byOwner.slice(0, OWNERS_SHOWN).map((o) => `${clip(ownerLabel(o), 14)} ${int(o.records)}`);
            if (m.byOwner.length > OWNERS_SHOWN) top.push(`+${m.byOwner.length - OWNERS_SHOWN} more`);
            return [
                c.id,
                `${money(m.open.amount)} (${int(m.open.opportunities)})`,
                `${money(m.closedWon.amount)} (${int(m.closedWon.opportunities)})`,
                top.join(', ')
            ];
        });
}
