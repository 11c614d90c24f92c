/**
 * The preview harness's own logic: the UI API stand-in answers as the UI API does (including its errors), the
 * metadata and snapshot readers refuse bad input naming the file, URL parameters are validated, the build cache
 * notices changed inputs, and the browser suite knows when Chromium is required.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPreview, CACHE_DIR, inputsHash, LWC_DIR, PROJECT_DIR } from '../../preview/build.js';
import { loadLabels, loadObjectFields, parseCustomField } from '../../preview/metadata.js';
import { pageComponentOf, salesforceModulesPlugin } from '../../preview/plugins.js';
import { chooseRecord, parsePreviewParams } from '../../preview/scenarios.js';
import { validateRows, type Snapshot } from '../../preview/snapshot.js';
import { PreviewStore, type RecordRep } from '../../preview/ui-api.js';
import { chromiumPath, chromiumRequired, unexpectedErrors } from '../browser/harness.js';

const objects = loadObjectFields(PROJECT_DIR);
const OPP = '006000000000001AAA';
const OPP_BLANK = '006000000000002AAA';
const CAMPAIGN = '701000000000001AAA';
const LEAD_OPEN = '00Q000000000001AAA';
const LEAD_CONVERTED = '00Q000000000002AAA';

function store(): PreviewStore {
    const snapshot: Snapshot = {
        Opportunity: [
            { Id: OPP, Name: 'Big deal', CampaignId: CAMPAIGN, StageName: 'Negotiation', IsClosed: 'false' },
            { Id: OPP_BLANK, Name: 'Bare deal', CampaignId: null, StageName: 'Qualification', IsClosed: 'false' }
        ],
        Campaign: [{ Id: CAMPAIGN, Name: 'Webinar' }],
        OpportunityContactRole: ['1', '2', '3'].map((n) => ({
            Id: `00K00000000000${n}AAA`,
            OpportunityId: OPP,
            Role: null,
            IsPrimary: n === '1' ? 'true' : 'false'
        })),
        Lead: [
            { Id: LEAD_OPEN, LastName: 'Open', IsConverted: 'false' },
            { Id: LEAD_CONVERTED, LastName: 'Done', IsConverted: 'true' }
        ]
    };
    return new PreviewStore(snapshot, objects);
}

describe('UI API stand-in', () => {
    it('answers fields and relationship paths in the UI API record shape', () => {
        const answer = store().getRecord(OPP, ['Opportunity.StageName'], ['Opportunity.Campaign.Name']);
        expect(answer.status).toBe(200);
        const rep = answer.body as RecordRep;
        expect(rep.fields.StageName).toEqual({ value: 'Negotiation', displayValue: 'Negotiation' });
        const campaign = rep.fields.Campaign?.value as RecordRep;
        expect(campaign.apiName).toBe('Campaign');
        expect(campaign.fields.Name?.value).toBe('Webinar');
    });

    it('gives a blank lookup as a null relationship', () => {
        const rep = store().getRecord(OPP_BLANK, [], ['Opportunity.Campaign.Name']).body as RecordRep;
        expect(rep.fields.Campaign).toEqual({ value: null, displayValue: null });
    });

    it('refuses an unknown field in fields (400 INVALID_FIELD) but leaves it out of optionalFields', () => {
        const refused = store().getRecord(OPP, ['Opportunity.Nope__c'], []);
        expect(refused.status).toBe(400);
        expect(JSON.stringify(refused.body)).toContain("No such column 'Nope__c' on entity 'Opportunity'");
        const optional = store().getRecord(OPP, [], ['Opportunity.Nope__c', 'Opportunity.Name']);
        expect(Object.keys((optional.body as RecordRep).fields)).toEqual(['Name']);
    });

    it('answers an unknown record with 404 NOT_FOUND', () => {
        expect(store().getRecord('006000000000009AAA', [], []).status).toBe(404);
    });

    it('checkboxes are never null: the field default applies', () => {
        const rep = store().getRecord(LEAD_OPEN, ['Lead.BANT_Budget__c'], []).body as RecordRep;
        expect(rep.fields.BANT_Budget__c?.value).toBe(false);
    });

    it('pages related-list records with nextPageToken', () => {
        const s = store();
        const first = s.getRelatedListRecords(
            OPP,
            'OpportunityContactRoles',
            ['OpportunityContactRole.Id'],
            [],
            2,
            null
        ).body as { records: RecordRep[]; nextPageToken: string | null };
        expect(first.records).toHaveLength(2);
        expect(first.nextPageToken).toBe('2');
        const second = s.getRelatedListRecords(
            OPP,
            'OpportunityContactRoles',
            ['OpportunityContactRole.Id'],
            [],
            2,
            '2'
        ).body as { records: RecordRep[]; nextPageToken: string | null };
        expect(second.records).toHaveLength(1);
        expect(second.nextPageToken).toBeNull();
        expect(s.getRelatedListRecords(OPP, 'Nope', [], [], 2, null).status).toBe(400);
    });

    it('saves an updateable field and answers the saved record', () => {
        const s = store();
        const saved = s.updateRecord(LEAD_OPEN, { BANT_Budget__c: true });
        expect(saved.status).toBe(200);
        expect((saved.body as RecordRep).fields.BANT_Budget__c?.value).toBe(true);
        const again = s.getRecord(LEAD_OPEN, ['Lead.BANT_Budget__c'], []).body as RecordRep;
        expect(again.fields.BANT_Budget__c?.value).toBe(true);
    });

    it('refuses a read-only field and a converted lead with the RecordError shape', () => {
        const s = store();
        const readOnly = s.updateRecord(LEAD_OPEN, { IsConverted: true });
        expect(readOnly.status).toBe(400);
        expect(JSON.stringify(readOnly.body)).toContain('INVALID_FIELD_FOR_INSERT_UPDATE');
        const fieldErrors = (readOnly.body as { output: { fieldErrors: Record<string, { fieldLabel: string }[]> } })
            .output.fieldErrors;
        expect(fieldErrors.IsConverted?.[0]?.fieldLabel).toBe('Converted');
        const converted = s.updateRecord(LEAD_CONVERTED, { BANT_Need__c: true });
        expect(converted.status).toBe(400);
        expect((converted.body as { enhancedErrorType: string }).enhancedErrorType).toBe('RecordError');
        expect(JSON.stringify(converted.body)).toContain('CANNOT_UPDATE_CONVERTED_LEAD');
    });

    it('object info carries the project field labels and help text', () => {
        const info = store().getObjectInfo('Lead').body as {
            fields: Record<string, { label: string; inlineHelpText: string | null; dataType: string }>;
        };
        expect(info.fields.BANT_Budget__c?.label).toBe('BANT Budget');
        expect(info.fields.BANT_Budget__c?.dataType).toBe('Boolean');
        expect(info.fields.BANT_Budget__c?.inlineHelpText).toMatch(/budget/i);
        expect(info.fields.LeadSource?.label).toBe('Lead Source');
    });
});

describe('metadata and snapshot readers', () => {
    it('names the file of a custom field type the preview does not model', () => {
        const xml = '<CustomField><fullName>X__c</fullName><label>X</label><type>Geolocation</type></CustomField>';
        expect(() => parseCustomField(xml, 'objects/Lead/fields/X__c.field-meta.xml')).toThrow(
            /X__c\.field-meta\.xml: field type Geolocation/
        );
    });

    it('Custom Labels: the value when the labels file has it, else the label name', async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'preview-labels-'));
        expect(loadLabels(dir).size).toBe(0);
        mkdirSync(path.join(dir, 'force-app/main/default/labels'), { recursive: true });
        writeFileSync(
            path.join(dir, 'force-app/main/default/labels/CustomLabels.labels-meta.xml'),
            '<CustomLabels><labels><fullName>Card_Title</fullName><value>Attribution &amp; more</value></labels></CustomLabels>'
        );
        const labels = loadLabels(dir);
        expect(labels.get('Card_Title')).toBe('Attribution & more');
        const plugin = salesforceModulesPlugin({ labels, apexRuntime: '/x.ts' });
        const load = plugin.load as (id: string) => string;
        expect(load('\0preview:@salesforce/label/c.Card_Title')).toBe('export default "Attribution & more";');
        expect(load('\0preview:@salesforce/label/c.Missing')).toBe('export default "Missing";');
        expect(load('\0preview:@salesforce/schema/Opportunity.Campaign.Name')).toBe(
            'export default {"objectApiName":"Opportunity","fieldApiName":"Campaign.Name"};'
        );
    });

    it('rows: a bad Id names file and line; an unknown column names it', () => {
        const fields = objects.Lead ?? {};
        expect(() => validateRows('Lead', 'Lead.csv', ['Id'], [{ Id: OPP }, { Id: 'x' }], fields)).toThrow(
            'Lead.csv: line 3: Id: not a 15- or 18-character record Id'
        );
        expect(() => validateRows('Lead', 'Lead.csv', ['Id', 'Nope'], [], fields)).toThrow(/column Nope/);
        expect(() =>
            validateRows('Lead', 'Lead.csv', ['Id', 'IsConverted'], [{ Id: OPP, IsConverted: 'yes' }], fields)
        ).toThrow(/line 2: IsConverted: expected true or false/);
    });

    it('record-page components: exposed bundles with their objects only', () => {
        const exposed = `<LightningComponentBundle><isExposed>true</isExposed><masterLabel>Card</masterLabel>
            <targets><target>lightning__RecordPage</target></targets><targetConfigs><targetConfig>
            <objects><object>Lead</object></objects></targetConfig></targetConfigs></LightningComponentBundle>`;
        expect(pageComponentOf('card', exposed, 'card.js-meta.xml')).toEqual({
            name: 'card',
            masterLabel: 'Card',
            objects: ['Lead']
        });
        const hidden = '<LightningComponentBundle><isExposed>false</isExposed></LightningComponentBundle>';
        expect(pageComponentOf('utils', hidden, 'utils.js-meta.xml')).toBeNull();
    });
});

describe('URL parameters and record choice', () => {
    it('refuses an unknown fault and a record of another object, naming the parameter', () => {
        expect(() => parsePreviewParams(new URLSearchParams('fault=network'))).toThrow(/URL parameter fault/);
        expect(() => parsePreviewParams(new URLSearchParams('latency=-1'))).toThrow(/URL parameter latency/);
        const params = parsePreviewParams(new URLSearchParams(`object=Lead&id=${OPP}`));
        expect(() => chooseRecord(store(), params)).toThrow(`${OPP} is a Opportunity, not a Lead`);
    });

    it('data picks the opportunity with contact roles, empty the one without; leads: an open one', () => {
        const s = store();
        expect(chooseRecord(s, parsePreviewParams(new URLSearchParams('state=data')))).toBe(OPP);
        expect(chooseRecord(s, parsePreviewParams(new URLSearchParams('state=empty')))).toBe(OPP_BLANK);
        expect(chooseRecord(s, parsePreviewParams(new URLSearchParams('object=Lead')))).toBe(LEAD_OPEN);
        const faults = parsePreviewParams(new URLSearchParams('fault=save,relatedList&latency=250'));
        expect(faults.fault).toEqual(['save', 'relatedList']);
        expect(faults.latency).toBe(250);
    });
});

describe('build cache', () => {
    function project(): string {
        const dir = mkdtempSync(path.join(tmpdir(), 'preview-cache-'));
        mkdirSync(path.join(dir, LWC_DIR, 'card'), { recursive: true });
        writeFileSync(path.join(dir, LWC_DIR, 'card', 'card.ts'), 'export default 1;');
        return dir;
    }

    it('the inputs hash changes when a component changes, not when its Jest tests do', () => {
        const dir = project();
        const before = inputsHash(dir);
        mkdirSync(path.join(dir, LWC_DIR, 'card', '__tests__'));
        writeFileSync(path.join(dir, LWC_DIR, 'card', '__tests__', 'card.test.ts'), 'test');
        expect(inputsHash(dir)).toBe(before);
        writeFileSync(path.join(dir, LWC_DIR, 'card', 'card.ts'), 'export default 2;');
        expect(inputsHash(dir)).not.toBe(before);
    });

    it('skips the build when the cached bundle has the same inputs hash', async () => {
        const dir = project();
        mkdirSync(path.join(dir, CACHE_DIR, 'bundle'), { recursive: true });
        writeFileSync(path.join(dir, CACHE_DIR, 'bundle', '.inputs-hash'), inputsHash(dir));
        const result = await buildPreview({ projectDir: dir });
        expect(result.cached).toBe(true);
        writeFileSync(path.join(dir, LWC_DIR, 'card', 'card.ts'), 'export default 3;');
        // Changed inputs: the build runs (and fails here, the temp project has no preview client to bundle).
        await expect(buildPreview({ projectDir: dir })).rejects.toThrow();
    });
});

describe('browser suite requirements', () => {
    it('Chromium is required in CI and under REQUIRE_CHROMIUM=1 only', () => {
        expect(chromiumRequired({ CI: 'true' })).toBe(true);
        expect(chromiumRequired({ REQUIRE_CHROMIUM: '1' })).toBe(true);
        expect(chromiumRequired({})).toBe(false);
        expect(chromiumPath({ CHROMIUM_PATH: '/opt/c' }, () => false)).toBe('/opt/c');
        expect(chromiumPath({}, () => false)).toBeNull();
        expect(chromiumPath({}, (p) => p === '/usr/lib/chromium/chromium')).toBe('/usr/lib/chromium/chromium');
    });

    it('only a forced fault on its own route excuses a failed request in the console', () => {
        const failed = { text: 'console.error: Failed to load resource: 404', url: 'http://h/ui-api/records/1' };
        const other = { text: 'console.error: boom', url: '' };
        expect(unexpectedErrors([failed, other], /\/ui-api\/records\//)).toEqual(['console.error: boom']);
        expect(unexpectedErrors([failed])).toHaveLength(1);
        expect(unexpectedErrors([failed], /related-list/)).toHaveLength(1);
    });
});
