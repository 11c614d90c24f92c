import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fakeTty } from './cli-harness.js';
import { countCsvRecords, csvField, csvHeader, csvRow, parseHeaderLine, splitHeader } from '../../src/audit/org/csv.js';
import { OrgHttp, parseLimitInfo, redact } from '../../src/audit/org/http.js';
import { Connection } from '@jsforce/jsforce-node';
import { OrgError } from '../../src/audit/errors.js';
import {
    activePicklistValues,
    chooseVia,
    convertedStatusesFrom,
    countSoql,
    describeSchema,
    parseResponse,
    rulesFromRecord,
    selectFields,
    selectSoql
} from '../../src/audit/org/plan.js';
import { createProgressReporter } from '../../src/audit/org/progress.js';
import { minimumRequests } from '../../src/audit/org/pull.js';
import { parseCsv } from './fixtures.js';

describe('Bulk-style CSV', () => {
    it('quotes every value, doubles quotes, keeps newlines, writes null as empty', () => {
        expect(csvField(null)).toBe('');
        expect(csvField(undefined)).toBe('');
        expect(csvField(true)).toBe('"true"');
        expect(csvField(false)).toBe('"false"');
        expect(csvField(1500.5)).toBe('"1500.5"');
        expect(csvField('2026-01-02T03:04:05.000+0000')).toBe('"2026-01-02T03:04:05.000+0000"');
        expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
        expect(csvRow(['a', null, true])).toBe('"a",,"true"\n');
        expect(csvHeader(['Id', 'Name'])).toBe('"Id","Name"\n');
    });

    it('round-trips through a CSV parser', () => {
        const values = ['x,y', 'quote "q"', 'multi\nline', null, 'true'];
        expect(parseCsv(csvHeader(['A', 'B', 'C', 'D', 'E']) + csvRow(values))).toEqual([
            ['A', 'B', 'C', 'D', 'E'],
            values
        ]);
    });

    it('counts records, not lines, and splits the header', () => {
        expect(countCsvRecords('"Id","Note"\n"1","a\nb"\n"2","c"\n')).toBe(2);
        expect(countCsvRecords('"Id"\n')).toBe(0);
        expect(countCsvRecords('"Id"\n"1"')).toBe(1);
        expect(splitHeader('"Id","Name"\r\n"1","a"\n')).toEqual({ header: '"Id","Name"', body: '"1","a"\n' });
        expect(parseHeaderLine('"Id","Name"')).toEqual(['Id', 'Name']);
        expect(parseHeaderLine('Id,Name')).toEqual(['Id', 'Name']);
    });
});

describe('planning', () => {
    const describe_ = describeSchema.parse({
        name: 'Lead',
        fields: [
            { name: 'Id' },
            { name: 'isconverted' },
            {
                name: 'LeadSource',
                picklistValues: [
                    { value: 'Web', active: true },
                    { value: 'Old', active: false }
                ]
            }
        ]
    });

    it('intersects wanted fields with the describe, case-insensitively', () => {
        const sel = selectFields(
            { name: 'Lead', required: ['Id', 'IsConverted', 'ConvertedDate'], optional: ['LeadSource', 'Persona__c'] },
            describe_
        );
        expect(sel).toEqual({
            fields: ['Id', 'IsConverted', 'LeadSource'],
            missingRequired: ['ConvertedDate'],
            missingOptional: ['Persona__c']
        });
    });

    it('takes only active picklist values as governed values', () => {
        expect(activePicklistValues(describe_, 'leadsource')).toEqual(['Web']);
        expect(activePicklistValues(describe_, 'Id')).toBeUndefined();
    });

    it('chooses REST strictly below the threshold', () => {
        expect(chooseVia(9_999, 10_000)).toBe('rest');
        expect(chooseVia(10_000, 10_000)).toBe('bulk2');
        expect(minimumRequests('rest', 0, 50_000)).toBe(1);
        expect(minimumRequests('rest', 4_001, 50_000)).toBe(3);
        expect(minimumRequests('bulk2', 200_000, 50_000)).toBe(6);
    });

    it('builds SOQL only from API names', () => {
        expect(selectSoql('Lead', ['Id', 'Email'], "DeveloperName = 'Default'")).toBe(
            "SELECT Id, Email FROM Lead WHERE DeveloperName = 'Default'"
        );
        expect(countSoql('Lead')).toBe('SELECT COUNT() FROM Lead');
        expect(() => selectSoql('Lead', ['Id; DELETE'])).toThrow(OrgError);
    });

    it('reads converted statuses by API name, falling back to the label', () => {
        expect(
            convertedStatusesFrom([
                { MasterLabel: 'Open', IsConverted: false },
                { MasterLabel: 'Closed - Converted', ApiName: 'Converted', IsConverted: true },
                { MasterLabel: 'Won', IsConverted: true }
            ])
        ).toEqual(['Converted', 'Won']);
    });

    it('maps the Attribution_Rules__mdt record to rules, splitting lists and skipping blanks', () => {
        expect(
            rulesFromRecord(
                {
                    Exempt_Lead_Sources__c: ' Outbound ;;Partner ',
                    Stage_Order__c: 'A;B',
                    Aged_Lead_Days__c: 30,
                    SQL_Lead_Statuses__c: null
                },
                'rules'
            )
        ).toEqual({ exemptLeadSources: ['Outbound', 'Partner'], stageOrder: ['A', 'B'], agedLeadDays: 30 });
        expect(() => rulesFromRecord({ Aged_Lead_Days__c: 'soon' }, 'read rules')).toThrow(
            /read rules: Aged_Lead_Days__c/
        );
    });

    it('reads a blank Campaign_Exempt_Stages__c in the org as "no stage exempt", an absent field as the default', () => {
        expect(rulesFromRecord({ Campaign_Exempt_Stages__c: null, Exempt_Lead_Sources__c: null }, 'rules')).toEqual({
            campaignExemptStages: []
        });
        expect(rulesFromRecord({ Campaign_Exempt_Stages__c: 'Closed Lost;Negotiation' }, 'rules')).toEqual({
            campaignExemptStages: ['Closed Lost', 'Negotiation']
        });
        expect(rulesFromRecord({ Stage_Order__c: 'A;B' }, 'rules')).toEqual({ stageOrder: ['A', 'B'] });
    });

    it('rejects an unexpected response shape naming the request and the field', () => {
        expect(() => parseResponse(describeSchema, { name: 'Lead', fields: [{ nom: 'x' }] }, 'describe Lead')).toThrow(
            /describe Lead: unexpected response at fields\.0\.name/
        );
    });
});

describe('http helpers', () => {
    it('parses Sforce-Limit-Info', () => {
        expect(parseLimitInfo('api-usage=18/15000')).toEqual({ used: 18, limit: 15000 });
        expect(parseLimitInfo('api-usage=5/100, per-app-api-usage=1/50(appName=x)')).toEqual({ used: 5, limit: 100 });
        expect(parseLimitInfo(undefined)).toBeUndefined();
        expect(parseLimitInfo('nothing')).toBeUndefined();
    });

    it('never sends the token to another host (e.g. a forged nextRecordsUrl)', async () => {
        const conn = new Connection({
            instanceUrl: 'http://127.0.0.1:9',
            accessToken: 'secret-token',
            version: '66.0'
        });
        const http = new OrgHttp(conn, { maxApiRequests: 5 });
        await expect(http.getJson('https://attacker.example/services/data/v66.0/query/x', 'page')).rejects.toThrow(
            /unexpected request path "https:\/\/attacker\.example/
        );
        await expect(http.getJson('http://127.0.0.1:99/services/data/v66.0/query/x', 'page')).rejects.toThrow(
            /unexpected request path/
        );
        expect(http.requestsUsed).toBe(0);
        expect(http.dataPath('/jobs/query')).toBe('/services/data/v66.0/jobs/query');
    });

    it('redacts secrets', () => {
        expect(redact('Bearer abcdef1234 and abcdef1234', ['abcdef1234', undefined])).toBe('Bearer *** and ***');
    });
});

describe('progress bars', () => {
    it('print nothing when stderr is not a TTY', () => {
        const stream = new PassThrough() as unknown as NodeJS.WriteStream;
        let out = '';
        (stream as unknown as PassThrough).on('data', (c: Buffer) => (out += c.toString()));
        const reporter = createProgressReporter(stream);
        reporter.onProgress({ object: 'Lead', phase: 'pull', via: 'bulk2', records: 10, total: 20, requestsUsed: 3 });
        reporter.stop();
        expect(out).toBe('');
    });

    it('draw a bar per object on a TTY', () => {
        const tty = fakeTty();
        const reporter = createProgressReporter(tty.stream);
        reporter.onProgress({ object: 'Lead', phase: 'pull', via: 'bulk2', records: 10, total: 20, requestsUsed: 3 });
        reporter.onProgress({ object: 'Lead', phase: 'done', via: 'bulk2', records: 20, total: 20, requestsUsed: 5 });
        reporter.stop();
        expect(tty.output()).toMatch(/Lead\s+\|.*\| 20\/20 records via bulk2 · 5 API requests/);
    });
});
