/**
 * The terminal summary fits 100 columns whatever the data (long campaign names, paths, warnings, big numbers), and
 * a list cut short ends with "+N more" where N is exactly what was left out. When most Lead Source values are not
 * governed, the summary says how to pass the org's own list.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT } from '../../src/audit/cli.js';
import type { AuditReport } from '../../src/audit/engine.js';
import type { FunnelRow } from '../../src/audit/funnel.js';
import { renderTerminal } from '../../src/audit/report/terminal.js';
import { columns, wrap } from '../../src/audit/report/wrap.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const widest = (text: string): number => Math.max(...text.split('\n').map(columns));

function row(label: string, n: number): FunnelRow {
    const counts = { leads: n, mql: n, sql: n, converted: n, opportunity: n, closedWon: n };
    const rates = { mql: 1, sql: 1, converted: 1, opportunity: 1, closedWon: 1, overall: 1 };
    return { key: label, label, counts, rates };
}

async function stressed(): Promise<AuditReport> {
    const report = await audit(DEFAULT_SNAPSHOT);
    report.source.dir = `/very/long/${'nested/'.repeat(20)}snapshot-directory-of-a-large-org-export`;
    report.funnel.byCampaign = Array.from({ length: 23 }, (_, i) =>
        row(`Campaign ${i} with a very long name: ${'Q4 Global Webinar Series '.repeat(3)}`, 1_234_567 + i)
    );
    report.funnel.byLeadSource = Array.from({ length: 12 }, (_, i) => row(`Source ${i}`, 9_999_999));
    const drift = check(report, 'lead-source-drift');
    drift.details = {
        ...drift.details,
        groups: Array.from({ length: 13 }, (_, g) => ({
            canonical: g === 12 ? null : `Governed Value ${g}`,
            records: 1000 + g,
            variants: Array.from({ length: 9 }, (_, v) => ({
                value: `variant ${g}-${v} spelled ${'oddly '.repeat(3)}`
            }))
        }))
    };
    const skipped = check(report, 'aged-open-lead');
    Object.assign(skipped, {
        status: 'skipped',
        reason: `Lead.csv has no ${'Very_Long_Field_Name__c, '.repeat(8)}columns`
    });
    report.warnings.push(
        `${report.source.dir}/Lead.csv: CreatedDate: 12 values not recognised as datetime (e.g. "${'x'.repeat(150)}"); treated as blank`
    );
    return report;
}

describe('terminal summary width', () => {
    it('the bundled sample fits 100 columns and says how many funnel rows it left out', async () => {
        const text = renderTerminal(await audit(DEFAULT_SNAPSHOT));
        expect(widest(text)).toBeLessThanOrEqual(100);
        // the sample has 14 Lead Source values; 8 are shown and the 6 others are counted, not dropped silently
        expect(text).toMatch(
            /^ {2}\+7 more sources \(every source and campaign is in the JSON, CSV and HTML reports\)$/m
        );
    });

    it('long names, paths, warnings and lists still fit, and every cut list ends with the exact "+N more"', async () => {
        const wrapped = renderTerminal(await stressed());
        const over = wrapped.split('\n').filter((l) => columns(l) > 100);
        expect(over).toEqual([]);
        const text = wrapped.replace(/\n {4,}/g, ' ');
        expect(text).toMatch(/\+4 more sources/);
        expect(text).toMatch(/\+15 more campaigns/);
        expect(text).toMatch(/\+5 more groups/);
        expect(text.match(/\+3 more variants/g)).toHaveLength(8);
        expect(text).toContain('9,999,999');
        expect(text).toContain('1,234,567');
        // the long warning is wrapped, not cut: its words are all there
        expect(text).toContain('treated as blank');
    });

    it('wrap keeps every word and indents continuation lines', () => {
        const text = `warning: ${'word '.repeat(60)}/a/${'path/'.repeat(40)}end`;
        const lines = wrap(text, 100, '    ');
        expect(lines.every((l) => columns(l) <= 100)).toBe(true);
        expect(lines.slice(1).every((l) => l.startsWith('    '))).toBe(true);
        expect(
            lines
                .map((l, i) => (i === 0 ? l : l.slice(4)))
                .join('')
                .replace(/ /g, '')
        ).toBe(text.replace(/ /g, ''));
    });
});

describe('governed Lead Source list hint', () => {
    const leads = (sources: string[]): string =>
        csv(
            ['Id', 'LastName', 'Status', 'LeadSource', 'IsConverted'],
            sources.map((s, i) => [`00Q0000000000${String(i).padStart(2, '0')}`, 'A', 'Open', s, 'false'])
        );

    it("when most Lead Source values are outside the governed list, says how to pass the org's own list", async () => {
        const report = await audit(makeSnapshot({ Lead: leads(['Inbound', 'Inbound', 'Trade Show', 'Web']) }));
        expect(check(report, 'lead-source-drift').share).toBe(0.75);
        const text = renderTerminal(report);
        expect(text).toMatch(/hint: 75\.0% of the Lead Source values are outside the 11 governed values used/);
        expect(text).toContain('--governed-lead-sources "Value 1,Value 2,…"');
        expect(text).toContain('--target-org');
        expect(widest(text)).toBeLessThanOrEqual(100);
    });

    it('says nothing when most values are governed', async () => {
        const report = await audit(makeSnapshot({ Lead: leads(['Inbound', 'Web', 'Web', 'Event']) }));
        expect(renderTerminal(report)).not.toContain('--governed-lead-sources');
    });
});
