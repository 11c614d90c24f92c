/**
 * Report renderers on a sparse snapshot (one object, most checks skipped, no funnel): every format still names every
 * check, shows skip reasons, and escapes what it prints.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS } from '../../src/audit/checks/index.js';
import { CSV_HEADER, renderCsv } from '../../src/audit/report/csv.js';
import { renderHtml } from '../../src/audit/report/html.js';
import { renderJson } from '../../src/audit/report/json.js';
import { renderTerminal } from '../../src/audit/report/terminal.js';
import { audit, csv, makeSnapshot } from './helpers.js';

describe('reports on a sparse snapshot', async () => {
    const opps = csv(
        ['Id', 'CampaignId', 'LeadSource'],
        [
            ['006000000000001AAA', '', '<script>alert(1)</script>'],
            ['006000000000002AAA', '701000000000001AAA', 'Web']
        ]
    );
    const report = await audit(makeSnapshot({ Opportunity: opps }));

    it('terminal: every check, skip reasons, funnel note and health over the checks that ran', () => {
        const text = renderTerminal(report);
        for (const id of CHECK_IDS) expect(text).toContain(id);
        expect(text).toContain('skipped converted-lead-lost-persona: no Lead.csv in the snapshot');
        expect(text).toContain('note: no Lead.csv: funnel not computed');
        expect(text).toMatch(/^Health: 50\.0\/100 · 2 of 2 checks with findings · 12 skipped$/m);
    });

    it('JSON: the contract shape', () => {
        const json = JSON.parse(renderJson(report)) as Record<string, unknown> & { checks: Record<string, unknown>[] };
        expect(Object.keys(json)).toEqual(
            expect.arrayContaining(['generatedAt', 'asOf', 'source', 'rules', 'checks', 'funnel', 'health'])
        );
        for (const c of json.checks)
            expect(Object.keys(c)).toEqual(
                expect.arrayContaining(['id', 'title', 'status', 'count', 'population', 'share', 'recordIds'])
            );
        expect(json.checks.filter((c) => c.status === 'skipped').every((c) => typeof c.reason === 'string')).toBe(true);
    });

    it('CSV: one row per finding and one row per check without findings, reasons quoted when needed', () => {
        const rows = renderCsv(report).trim().split('\r\n');
        // header, 2 findings, 12 checks without findings, and per failing check an all-owners row and an owner row
        expect(rows).toHaveLength(1 + 2 + 12 + 2 * 2);
        expect(rows[0]).toBe(CSV_HEADER);
        expect(rows).toContain('opportunity-missing-primary-campaign,fail,1,2,0.500000,006000000000001AAA,,,,,,,,');
        expect(rows).toContain('lead-source-drift,fail,1,2,0.500000,006000000000001AAA,,,,,,,,');
        expect(rows).toContain(
            'opportunity-missing-contact-role,skipped,0,0,0.000000,,no OpportunityContactRole.csv in the snapshot,,,,,,,'
        );
        // no Amount or OwnerId in this snapshot: zero amounts, one row for the findings without an owner
        expect(rows).toContain('lead-source-drift,fail,1,2,0.500000,,all owners,0,0,,,1,,');
        expect(rows).toContain('lead-source-drift,fail,1,2,0.500000,,owner,0,0,,,1,,');
    });

    it('HTML: escapes record values and says why the funnel is missing', () => {
        const html = renderHtml(report);
        expect(html).not.toContain('<script>');
        expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
        expect(html).toContain('no Lead.csv: funnel not computed');
    });
});
