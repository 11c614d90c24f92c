/**
 * Edges a new user hit with snapshots: an empty object, a duplicate header column, a `;`-delimited file, UTF-16 and
 * binary files. Each must be refused (exit 2) or reported clearly, never a silent pass.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/audit/errors.js';
import { healthOf } from '../../src/audit/engine.js';
import { main } from '../../src/audit/cli.js';
import { renderTerminal } from '../../src/audit/report/terminal.js';
import { audit, check, csv, makeSnapshot } from './helpers.js';

const LEAD_HEADER = ['Id', 'LastName', 'Company', 'Status', 'LeadSource', 'Email', 'IsConverted', 'CreatedDate'];
const OPP_HEADER = ['Id', 'Name', 'StageName', 'CampaignId', 'LeadSource', 'Amount', 'CreatedDate'];
const OPPS = csv(OPP_HEADER, [
    ['006000000000001', 'A', 'Qualification', '', 'Web', 100, '2026-10-01T00:00:00Z'],
    ['006000000000002', 'B', 'Qualification', '701000000000001', 'Web', 100, '2026-10-01T00:00:00Z']
]);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
    return { code, stdout, stderr };
}

async function loadError(files: Record<string, string | Buffer>): Promise<{ code: number; stderr: string }> {
    const dir = makeSnapshot({});
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, `${name}.csv`), content);
    const { code, stderr } = await cli(['--snapshot', dir, '--as-of', '2026-11-22']);
    return { code, stderr };
}

describe('an object with zero rows', () => {
    it('is "skipped: no records", never pass 0 of 0, and does not raise the health score', async () => {
        const dir = makeSnapshot({ Lead: csv(LEAD_HEADER, []), Opportunity: OPPS });
        const report = await audit(dir);
        for (const id of ['duplicate-lead-email', 'aged-open-lead', 'lead-status-mismatch']) {
            expect(check(report, id)).toMatchObject({ status: 'skipped', count: 0, population: 0 });
            expect(check(report, id).reason).toMatch(/^no records: .*0 rows in Lead\.csv/);
        }
        expect(report.checks.filter((c) => c.status !== 'skipped' && c.population === 0)).toEqual([]);
        const pcs = check(report, 'opportunity-missing-primary-campaign');
        expect(pcs).toMatchObject({ status: 'fail', count: 1, population: 2 });
        // the health score is the mean over checks with records only: 1 of 2 opportunities offend in the only one
        const ran = report.checks.filter((c) => c.status !== 'skipped');
        expect(report.health.score).toBe(healthOf(ran).score);
        expect(report.health.checksRun).toBe(ran.length);
        expect(report.health.score).toBe(
            Math.round(1000 * (ran.reduce((s, c) => s + 1 - c.share, 0) / ran.length)) / 10
        );
        expect(report.health.score).toBeLessThan(100);
        const text = renderTerminal(report);
        expect(text).not.toMatch(/\bpass\s+│\s+0 │\s+0 │/);
        expect(text).toMatch(/skipped aged-open-lead: no records/);
    });
});

describe('header and encoding problems', () => {
    it('a duplicate header column → exit 2 naming the column and the file', async () => {
        const header = ['Id', 'LastName', 'LeadSource', 'Status', 'leadsource'];
        const { code, stderr } = await loadError({
            Lead: csv(header, [['00Q000000000001', 'A', 'Web', 'Open', 'Web']])
        });
        expect(code).toBe(2);
        expect(stderr).toMatch(/Lead\.csv: line 1: duplicate column "leadsource" \(columns 3 and 5\)/);
    });

    it('a semicolon-delimited file → a "delimiter \';\'" hint', async () => {
        const text = `${LEAD_HEADER.join(';')}\n00Q000000000001;A;Acme;Open;Web;a@x.com;false;2026-10-01\n`;
        const { code, stderr } = await loadError({ Lead: text, Opportunity: OPPS });
        expect(code).toBe(2);
        expect(stderr).toMatch(/Lead\.csv: line 1: .*delimiter ';'/);
    });

    it.each([
        ['FF FE', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${LEAD_HEADER.join(',')}\n`, 'utf16le')])],
        [
            'FE FF',
            Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`${LEAD_HEADER.join(',')}\n`, 'utf16le').swap16()])
        ],
        ['no BOM', Buffer.from(`${LEAD_HEADER.join(',')}\n`, 'utf16le')]
    ])('a UTF-16 file (%s) → an encoding hint', async (bom, bytes) => {
        const { code, stderr } = await loadError({ Lead: bytes, Opportunity: OPPS });
        expect(code).toBe(2);
        expect(stderr).toMatch(/Lead\.csv: line 1: the file is encoded as UTF-16 .*re-save it as "CSV UTF-8"/);
        if (bom !== 'no BOM') expect(stderr).toContain(`byte order mark ${bom}`);
    });

    it('binary input (a zip, an xlsx) → a clear error that echoes no raw bytes', async () => {
        const zip = Buffer.from([
            0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x1b, 0x9d, 0xff, 0xfe, 0x0a
        ]);
        const { code, stderr } = await loadError({ Lead: zip, Opportunity: OPPS });
        expect(code).toBe(2);
        expect(stderr).toMatch(/Lead\.csv: line 1: not a text CSV file \(binary content/);
        // nothing but printable ASCII/UTF-8 text and the newline: no control bytes, no U+FFFD replacement characters
        expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/);
        expect(stderr).not.toContain('PK');
    });

    it('Latin-1 bytes in a header are escaped, not echoed', async () => {
        const bytes = Buffer.concat([Buffer.from('Id,LastName,Comp'), Buffer.from([0xe9]), Buffer.from('ny\n')]);
        const { code, stderr } = await loadError({ Lead: bytes });
        expect(code).toBe(2);
        expect(stderr).toMatch(/Lead\.csv: line 1: column name "Comp\\u\{fffd\}ny"|not valid UTF-8/);
        expect(stderr).not.toMatch(/[\u0080-\u009f\ufffd]/);
    });

    it('loads ordinary files unchanged (UTF-8 BOM, CRLF)', async () => {
        const dir = makeSnapshot({
            Lead: `\uFEFF${csv(LEAD_HEADER, [['00Q000000000001', 'A', 'Acme', 'Open', 'Web', 'a@x.com', 'false', '2026-10-01']], '\r\n')}`
        });
        const report = await audit(dir);
        expect(report.source.objects.Lead?.rows).toBe(1);
        await expect(audit(makeSnapshot({ Lead: '' }))).rejects.toBeInstanceOf(InputError);
    });
});
