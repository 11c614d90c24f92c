/**
 * The bundled sample snapshot: the audit finds exactly the planted counts (the README's table says the same), and
 * every Id is a well-formed 18-character Salesforce Id with the right key prefix and checksum suffix.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT } from '../../src/audit/cli.js';
import { CHECK_IDS } from '../../src/audit/checks/index.js';
import { audit, check } from './helpers.js';

const PLANTED: Record<string, number> = {
    'opportunity-missing-primary-campaign': 7,
    'opportunity-missing-contact-role': 5,
    'converted-lead-lost-lead-source': 3,
    'converted-lead-lost-persona': 4,
    'converted-lead-lost-utm': 3,
    'converted-lead-lost-campaign': 2,
    'duplicate-lead-email': 7,
    'lead-matches-contact-email': 4,
    'aged-open-lead': 9,
    'lead-source-drift': 13,
    'lead-status-mismatch': 3,
    'campaign-influence-gap': 7,
    'consent-lost-at-conversion': 3,
    'attribution-overwritten': 7
};

function checksum(id15: string): string {
    let out = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let flags = 0;
        for (let j = 0; j < 5; j++) if (/[A-Z]/.test(id15[chunk * 5 + j] ?? '')) flags |= 1 << j;
        out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[flags];
    }
    return out;
}

describe('bundled sample snapshot', async () => {
    const report = await audit(DEFAULT_SNAPSHOT);

    it('has every check and finds exactly the planted defects', () => {
        expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
        expect(Object.fromEntries(report.checks.map((c) => [c.id, c.count]))).toEqual(PLANTED);
        for (const c of report.checks) expect(new Set(c.recordIds).size).toBe(c.count);
    });

    it('documents the same counts in its README', () => {
        const readme = readFileSync(path.join(DEFAULT_SNAPSHOT, 'README.md'), 'utf8');
        const documented = Object.fromEntries(
            [...readme.matchAll(/^\| `([a-z-]+)` \| (\d+) \|/gm)].map((m) => [m[1], Number(m[2])])
        );
        expect(documented).toEqual(PLANTED);
    });

    it('groups the planted drift variants under their governed values', () => {
        const groups = check(report, 'lead-source-drift').details?.groups as {
            canonical: string | null;
            records: number;
        }[];
        expect(Object.fromEntries(groups.map((g) => [String(g.canonical), g.records]))).toEqual({
            Webinar: 5,
            'Paid Search': 2,
            'Organic Search': 1,
            Web: 1,
            null: 4
        });
    });

    it('computes the funnel and the sourced pipeline', () => {
        expect(report.funnel.total?.counts).toMatchObject({
            leads: 240,
            converted: 60,
            opportunity: 60,
            closedWon: 20
        });
        expect(report.funnel.pipeline?.sales.opportunities).toBe(4);
        expect(report.funnel.byCampaign.length).toBe(8);
    });

    it('uses valid 18-character Ids with the right key prefixes', () => {
        const prefixes: Record<string, string> = {
            Lead: '00Q',
            Contact: '003',
            Account: '001',
            Opportunity: '006',
            OpportunityContactRole: '00K',
            Campaign: '701',
            CampaignMember: '00v'
        };
        for (const [object, prefix] of Object.entries(prefixes)) {
            const lines = readFileSync(path.join(DEFAULT_SNAPSHOT, `${object}.csv`), 'utf8')
                .trim()
                .split('\n')
                .slice(1);
            for (const line of lines) {
                const id = /^"([^"]+)"/.exec(line)?.[1] ?? '';
                expect(id).toMatch(new RegExp(`^${prefix}[0-9A-Za-z]{15}$`));
                expect(id.slice(15)).toBe(checksum(id.slice(0, 15)));
            }
        }
    });
});
