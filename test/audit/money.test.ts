/**
 * Money and owners per check: open pipeline at risk and Closed Won amount without attribution over the findings'
 * Opportunities (each counted once per check, a converted Lead through its ConvertedOpportunityId), by owner with
 * names from User.csv when present; and the figures in every report format.
 */
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/audit/report/csv.js';
import { renderHtml } from '../../src/audit/report/html.js';
import { renderJson } from '../../src/audit/report/json.js';
import { renderTerminal } from '../../src/audit/report/terminal.js';
import { DEFAULT_SNAPSHOT } from '../../src/audit/cli.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const O = (i: number): string => `006000000000${String(i).padStart(3, '0')}AAA`;
const L = (i: number): string => `00Q000000000${String(i).padStart(3, '0')}AAA`;
const U = (i: number): string => `005000000000${String(i).padStart(3, '0')}AAA`;

const FILES = {
    Opportunity: csv(
        ['Id', 'CampaignId', 'LeadSource', 'IsClosed', 'IsWon', 'Amount', 'OwnerId'],
        [
            [O(1), '', '', 'false', 'false', 1000, U(1)],
            [O(2), '', '', 'true', 'true', 500, U(2)],
            [O(3), '', '', 'true', 'false', 300, U(1)],
            [O(4), '701000000000001AAA', 'Web', 'false', 'false', 700, U(2)]
        ]
    ),
    Lead: csv(
        ['Id', 'IsConverted', 'ConvertedOpportunityId', 'LeadSource', 'OwnerId'],
        [
            [L(1), 'true', O(1), 'Web', U(3)],
            [L(2), 'true', O(1), 'Web', U(3)],
            [L(3), 'false', '', 'Web', '']
        ]
    ),
    User: csv(
        ['Id', 'Name'],
        [
            [U(1), 'Dana Reyes'],
            [U(2), 'Sam Okoye'],
            [U(3), 'Priya Shah']
        ]
    )
};
const u = (i: number): string => U(i).slice(0, 15);

describe('money and owners', async () => {
    const report = await audit(makeSnapshot(FILES));

    it('sums open and won Amount of the findings, each Opportunity once, by owner with names', () => {
        expect(check(report, 'opportunity-missing-primary-campaign').money).toEqual({
            linkedOpportunities: 3,
            open: { opportunities: 1, amount: 1000 },
            closedWon: { opportunities: 1, amount: 500 },
            byOwner: [
                {
                    ownerId: u(1),
                    name: 'Dana Reyes',
                    records: 2,
                    open: { opportunities: 1, amount: 1000 },
                    closedWon: { opportunities: 0, amount: 0 }
                },
                {
                    ownerId: u(2),
                    name: 'Sam Okoye',
                    records: 1,
                    open: { opportunities: 0, amount: 0 },
                    closedWon: { opportunities: 1, amount: 500 }
                }
            ]
        });
        // two converted Leads lead to the same Opportunity: counted once
        expect(check(report, 'converted-lead-lost-lead-source').money).toMatchObject({
            linkedOpportunities: 1,
            open: { opportunities: 1, amount: 1000 },
            byOwner: [{ ownerId: u(3), name: 'Priya Shah', records: 2 }]
        });
        expect(check(report, 'lead-status-mismatch').money).toBeUndefined(); // no findings, no money
    });

    it('names owners by Id only, with a note, without User.csv', async () => {
        const { User: _u, ...rest } = FILES;
        const r = await audit(makeSnapshot(rest));
        const m = check(r, 'opportunity-missing-primary-campaign').money;
        expect(m?.byOwner.map((o) => [o.ownerId, o.name])).toEqual([
            [u(1), null],
            [u(2), null]
        ]);
        expect(m?.notes).toEqual(['no User.csv with Name: owners by Id only']);
    });

    it('appears in the terminal, JSON, CSV and HTML reports', () => {
        const text = renderTerminal(report);
        expect(text).toMatch(
            /^│ opportunity-missing-primary-campaign │\s+1,000 \(1\) │\s+500 \(1\) │ Dana Reyes 2, \+1 more │$/m
        );
        expect((JSON.parse(renderJson(report)) as typeof report).checks[0]?.money?.open.amount).toBe(1000);
        const rows = renderCsv(report).split('\r\n');
        expect(rows).toContain('opportunity-missing-primary-campaign,fail,3,4,0.750000,,all owners,1000,500,,,3,,');
        expect(rows).toContain(
            `opportunity-missing-primary-campaign,fail,3,4,0.750000,,owner,0,500,${u(2)},Sam Okoye,1,,`
        );
        const html = renderHtml(report);
        expect(html).toContain('Open pipeline at risk <b>1,000</b>');
        expect(html).toContain('<b>What to do:</b>');
        expect(html).toContain('<td>Dana Reyes <small><code>');
    });

    it('fits 100 columns on the bundled sample with the owner list cut to "+N more"', async () => {
        const sample = renderTerminal(await audit(DEFAULT_SNAPSHOT));
        for (const line of sample.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
        expect(sample).toMatch(
            /^│ attribution-overwritten\s+│\s+153,000 \(2\) │\s+104,000 \(2\) │ Dana Reyes 3, \+2 more\s+│$/m
        );
    });
});
