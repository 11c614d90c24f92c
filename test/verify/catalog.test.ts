import { describe, expect, it } from 'vitest';
import { loadStandardCatalog, ObjectCatalog } from '../../src/verify/refs/catalog.js';

describe('object catalog', () => {
    const standard = loadStandardCatalog();
    const catalog = new ObjectCatalog(
        standard,
        ['Partner_Program__c'],
        [
            {
                object: 'Opportunity',
                name: 'Program__c',
                file: 'f',
                line: 1,
                required: false,
                referenceTo: 'Partner_Program__c'
            },
            { object: 'Partner_Program__c', name: 'Tier__c', file: 'g', line: 1, required: false }
        ]
    );

    it('lists the standard objects the project references', () => {
        for (const object of [
            'Lead',
            'Contact',
            'Account',
            'Opportunity',
            'OpportunityContactRole',
            'Campaign',
            'CampaignMember',
            'User'
        ]) {
            expect(standard[object]?.fields).toContain('Id');
        }
        expect(standard.Opportunity?.fields).toEqual(expect.arrayContaining(['CampaignId', 'StageName', 'LeadSource']));
        expect(standard.CampaignMember?.fields).toEqual(expect.arrayContaining(['HasResponded', 'FirstRespondedDate']));
    });

    it('resolves standard and custom relationship paths', () => {
        expect(catalog.resolvePath('Opportunity', ['Account', 'Owner', 'Profile', 'Name'])).toBeUndefined();
        expect(catalog.resolvePath('Opportunity', ['RecordType', 'DeveloperName'])).toBeUndefined();
        expect(catalog.resolvePath('Opportunity', ['Program__r', 'Tier__c'])).toBeUndefined();
        expect(catalog.resolvePath('Partner_Program__c', ['Name'])).toBeUndefined();
        expect(catalog.resolvePath('Opportunity', ['Program__r', 'Level__c'])).toBe(
            'field Partner_Program__c.Level__c does not exist in the project or standard-fields.json'
        );
        expect(catalog.resolvePath('Opportunity', ['Acount', 'Name'])).toContain(
            'Opportunity has no relationship Acount'
        );
        expect(catalog.resolvePath('Quote', ['Name'])).toBe(
            'object Quote is neither in the project nor in standard-fields.json'
        );
    });
});
