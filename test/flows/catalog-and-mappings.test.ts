import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, convertLead, parseLeadConvertSettings } from '../../src/flow-sim/index.js';
import { newDb } from './helpers.js';

const LEAD_CONVERT_SETTINGS = 'demo-org/main/default/settings/LeadConvert.settings-meta.xml';

const OBJECTS_DIR = 'force-app/main/default/objects';
const TYPE_MAP: Record<string, string> = {
    Picklist: 'picklist',
    Text: 'text',
    LongTextArea: 'text',
    Date: 'date',
    Checkbox: 'boolean',
    Number: 'number'
};

describe('flow-sim field catalog', () => {
    it('lists exactly the custom fields the project ships, with matching types', () => {
        for (const objectName of readdirSync(OBJECTS_DIR)) {
            const dir = join(OBJECTS_DIR, objectName, 'fields');
            if (!existsSync(dir)) {
                continue;
            }
            const shipped = Object.fromEntries(
                readdirSync(dir).map((file) => {
                    const xml = readFileSync(join(dir, file), 'utf8');
                    const type = /<type>(\w+)<\/type>/.exec(xml)?.[1] ?? 'missing';
                    return [file.replace('.field-meta.xml', ''), TYPE_MAP[type] ?? type];
                })
            );
            const catalogued = Object.fromEntries(
                Object.entries(CATALOG[objectName] ?? {}).filter(([field]) => field.endsWith('__c'))
            );
            expect({ objectName, fields: catalogued }).toEqual({ objectName, fields: shipped });
        }
    });
});

describe('lead conversion with the demo-org LeadConvertSettings mappings', () => {
    it('maps persona and UTM natively; the flow still sets the responded campaign and the role', () => {
        const db = newDb();
        const mappings = parseLeadConvertSettings(readFileSync(LEAD_CONVERT_SETTINGS, 'utf8'), LEAD_CONVERT_SETTINGS);
        const [webinar = '', mailing = ''] = db.seed('Campaign', [{ Name: 'Webinar' }, { Name: 'Mailing' }]);
        const [lead = ''] = db.seed('Lead', [
            {
                LastName: 'Noether',
                Company: 'Algebra',
                Status: 'Working',
                LeadSource: 'Web',
                Persona__c: 'Decision Maker',
                UTM_Source__c: 'google'
            }
        ]);
        db.seed('CampaignMember', [
            {
                CampaignId: webinar,
                LeadId: lead,
                HasResponded: true,
                FirstRespondedDate: '2026-06-01',
                CreatedDate: '2026-05-01T00:00:00.000Z'
            },
            { CampaignId: mailing, LeadId: lead, HasResponded: false, CreatedDate: '2026-11-01T00:00:00.000Z' }
        ]);
        expect(mappings.Contact?.map(([from]) => from)).toEqual([
            'Persona__c',
            'UTM_Source__c',
            'UTM_Medium__c',
            'UTM_Campaign__c',
            'UTM_Term__c',
            'UTM_Content__c'
        ]);
        const result = convertLead(db, { leadId: lead, convertedStatus: 'Converted', fieldMappings: mappings });
        expect(db.get('Opportunity', result.opportunityId ?? '')).toMatchObject({
            Persona__c: 'Decision Maker',
            UTM_Source__c: 'google',
            CampaignId: webinar
        });
        expect(db.get('Contact', result.contactId)).toMatchObject({
            Persona__c: 'Decision Maker',
            UTM_Source__c: 'google',
            LeadSource: 'Web'
        });
        expect(db.all('OpportunityContactRole')).toEqual([
            expect.objectContaining({ Role: 'Decision Maker', IsPrimary: true })
        ]);
    });
});
