/**
 * What real exports contain: UTF-8 BOM, booleans as true/false, TRUE/FALSE, 1/0 or empty, ISO datetimes with `+0000`
 * or `Z`, Data Export and US dates, 15- and 18-character Ids, Data Export's null lookups, extra and missing columns,
 * header case, CRLF, quoted newlines — and malformed or truncated files, which must fail naming the file and line.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/audit/errors.js';
import { loadSnapshot } from '../../src/audit/load.js';
import { MACROS } from '../../src/audit/sql.js';
import { audit, check, makeSnapshot } from './helpers.js';

async function load(
    files: Record<string, string>,
    sql: string
): Promise<{ rows: Record<string, unknown>[]; warnings: string[] }> {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
        await conn.run(`SET TimeZone = 'UTC'`);
        for (const m of MACROS) await conn.run(m);
        const loaded = await loadSnapshot(conn, makeSnapshot(files));
        const rows = (await conn.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
        return { rows, warnings: loaded.warnings };
    } finally {
        conn.closeSync();
        instance.closeSync();
    }
}

async function loadError(files: Record<string, string>): Promise<InputError> {
    const err = await audit(makeSnapshot(files)).then(
        () => undefined,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
}

describe('export quirks', () => {
    it('strips a UTF-8 BOM before the header', async () => {
        const { rows } = await load(
            { Lead: '\uFEFFId,LeadSource\n00Q000000000001AAA,Web\n' },
            'SELECT Id, LeadSource FROM lead'
        );
        expect(rows).toEqual([{ Id: '00Q000000000001AAA', LeadSource: 'Web' }]);
    });

    it('reads booleans as true/false, TRUE/FALSE, 1/0 and empty (false)', async () => {
        const body = ['true', 'FALSE', 'TRUE', 'false', '1', '0', '', 'True']
            .map((b, i) => `00Q00000000000${i},${b}`)
            .join('\n');
        const { rows } = await load({ Lead: `Id,IsConverted\n${body}\n` }, 'SELECT IsConverted FROM lead ORDER BY Id');
        expect(rows.map((r) => r.IsConverted)).toEqual([true, false, true, false, true, false, false, true]);
    });

    it('warns about a boolean it does not recognise instead of reading it silently', async () => {
        const { warnings } = await load({ Lead: 'Id,IsConverted\n00Q000000000001,maybe\n' }, 'SELECT 1');
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/Lead\.csv: IsConverted: 1 value not recognised as bool \(e\.g\. "maybe"\)/);
    });

    it('reads ISO datetimes with +0000, Z and .000, Data Export, plain and US dates', async () => {
        const values = [
            '2026-01-05T10:30:00.000+0000',
            '2026-01-05T10:30:00Z',
            '2026-01-05T10:30:00.000Z',
            '2026-01-05 10:30:00',
            '1/5/2026 10:30',
            '01/05/26 10:30 AM',
            '2026-01-05T12:30:00+02:00'
        ];
        const body = values.map((v, i) => `00Q00000000000${i},${v}`).join('\n');
        const { rows } = await load(
            { Lead: `Id,CreatedDate\n${body}\n` },
            `SELECT strftime(CreatedDate, '%Y-%m-%d %H:%M') AS t FROM lead ORDER BY Id`
        );
        expect(rows.map((r) => r.t)).toEqual(Array(values.length).fill('2026-01-05 10:30'));
        const dates = await load(
            {
                Lead: 'Id,LastActivityDate\n00Q000000000001,2026-01-05\n00Q000000000002,1/5/2026\n00Q000000000003,01/05/26\n'
            },
            `SELECT LastActivityDate::VARCHAR AS d FROM lead ORDER BY Id`
        );
        expect(dates.rows.map((r) => r.d)).toEqual(['2026-01-05', '2026-01-05', '2026-01-05']);
    });

    it('joins 15- and 18-character Ids on the case-sensitive first 15 and reports the Id as it appears', async () => {
        const leads =
            'Id,IsConverted,ConvertedOpportunityId,LeadSource\n00Q000000000001,1,006000000000001,Web\n00Q000000000002AAA,1,006000000000abc,Web\n';
        const opps =
            'Id,LeadSource,CampaignId\n006000000000001AAA,,701000000000001AAA\n006000000000ABCAAA,,701000000000001\n';
        const r = await audit(makeSnapshot({ Lead: leads, Opportunity: opps }));
        const c = check(r, 'converted-lead-lost-lead-source');
        expect(c.recordIds).toEqual(['00Q000000000001']);
        expect(c.details?.convertedOpportunityNotInSnapshot).toBe(1);
    });

    it("treats Data Export's 000000000000000AAA lookups as blank", async () => {
        const opps =
            'Id,CampaignId,LeadSource\n006000000000001AAA,000000000000000AAA,Web\n006000000000002AAA,701000000000001AAA,Web\n';
        const r = await audit(makeSnapshot({ Opportunity: opps }));
        expect(check(r, 'opportunity-missing-primary-campaign').recordIds).toEqual(['006000000000001AAA']);
    });

    it('ignores extra columns, matches header case leniently and records missing optional columns', async () => {
        const r = await audit(
            makeSnapshot({
                Opportunity: 'ID,Name,campaignid,LEADSOURCE,Extra__c\n006000000000001AAA,Acme,,Paid Search,x\n'
            })
        );
        expect(check(r, 'opportunity-missing-primary-campaign').recordIds).toEqual(['006000000000001AAA']);
        expect(r.source.objects.Opportunity?.missingFields).toContain('StageName');
    });

    it('reads CRLF line ends and quoted values with embedded newlines, commas and quotes', async () => {
        const text =
            'Id,Email,LeadSource\r\n00Q000000000001,"a@x.com","Web"\r\n00Q000000000002,"b@x.com","Partner\r\nReferral, ""the"" one"\r\n';
        const { rows } = await load({ Lead: text }, 'SELECT Email, LeadSource FROM lead ORDER BY Id');
        expect(rows).toEqual([
            { Email: 'a@x.com', LeadSource: 'Web' },
            { Email: 'b@x.com', LeadSource: 'Partner\r\nReferral, "the" one' }
        ]);
    });
});

describe('malformed input fails naming the file and line, with no report', () => {
    it('a row with too many columns', async () => {
        const err = await loadError({ Lead: 'Id,Email\n00Q000000000001,a@x.com\n00Q000000000002,b@x.com,extra\n' });
        expect(err.message).toMatch(new RegExp(`${path.sep}Lead\\.csv: line 3: expected 2 columns, found 3`));
    });

    it('a truncated file cut inside a quoted value', async () => {
        const err = await loadError({
            Opportunity: 'Id,Name,LeadSource\n006000000000001AAA,"Acme","Web"\n006000000000002AAA,"Globex, In'
        });
        expect(err.message).toMatch(/Opportunity\.csv: line 3: /);
    });

    it('a truncated file cut between columns', async () => {
        const err = await loadError({ Lead: 'Id,Email,LeadSource\n00Q000000000001,a@x.com,Web\n00Q000000000002,b@x' });
        expect(err.message).toMatch(/Lead\.csv: line 3: expected 3 columns, found 2/);
    });

    it('an empty file, a missing required column, and a directory without Lead or Opportunity', async () => {
        expect((await loadError({ Lead: '' })).message).toMatch(/Lead\.csv: line 1: empty file/);
        expect(
            (await loadError({ CampaignMember: 'Id,LeadId\n00v000000000001,00Q000000000001\n', Lead: 'Id\n' })).message
        ).toMatch(/CampaignMember\.csv: line 1: missing required column CampaignId/);
        expect((await loadError({ Contact: 'Id\n003000000000001\n' })).message).toMatch(
            /no Lead\.csv or Opportunity\.csv/
        );
    });
});

describe('deleted rows', () => {
    it('leaves IsDeleted rows (queryAll / Export All) out of every check and says so', async () => {
        const opps =
            'Id,IsDeleted,CampaignId,LeadSource\n006000000000001AAA,false,,Web\n006000000000002AAA,true,,Web\n006000000000003AAA,,701000000000001,Web\n';
        const r = await audit(makeSnapshot({ Opportunity: opps }));
        expect(check(r, 'opportunity-missing-primary-campaign')).toMatchObject({
            recordIds: ['006000000000001AAA'],
            population: 2
        });
        expect(r.source.objects.Opportunity?.rows).toBe(2);
        expect(r.warnings).toEqual([
            expect.stringMatching(/Opportunity\.csv: 1 deleted row \(IsDeleted true\) left out of the audit$/)
        ]);
    });
});

describe('encoding', () => {
    it('a Windows-1252 export fails naming the file, line and byte', async () => {
        const bytes = Buffer.concat([
            Buffer.from('Id,LastName,LeadSource\n00Q000000000001,Renee,Web\n00Q000000000002,Ren'),
            Buffer.from([0xe9]),
            Buffer.from('e,Caf'),
            Buffer.from([0xe9]),
            Buffer.from('\n')
        ]);
        const dir = makeSnapshot({});
        writeFileSync(path.join(dir, 'Lead.csv'), bytes);
        const err = await audit(dir).then(
            () => undefined,
            (e: unknown) => e
        );
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toMatch(/Lead\.csv: line 3: not valid UTF-8 \(byte 0xE9\)/);
    });

    it('accepts multi-byte UTF-8 (accents, CJK, emoji)', async () => {
        const { rows } = await load(
            { Lead: 'Id,LeadSource\n00Q000000000001,Café 展会 🎉\n' },
            'SELECT LeadSource FROM lead'
        );
        expect(rows).toEqual([{ LeadSource: 'Café 展会 🎉' }]);
    });
});
