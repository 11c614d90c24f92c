import { refreshApex } from '@salesforce/apex';
import { getRecordAdapter, loadCopy, mountWith, root, warningCodes, flush, cleanUp } from './opportunityAttributionKit';
import type { RecordPayload } from './opportunityAttributionKit';

jest.mock(
    '@salesforce/apex/AttributionRulesController.getRules',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/AttributionDealController.getDealContext',
    () => {
        const { createApexTestWireAdapter } = jest.requireActual<{
            createApexTestWireAdapter: (fn: jest.Mock) => unknown;
        }>('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type FixesHost = HTMLElement & { warningCodes: string[]; personaMissing: boolean; campaignLabel: string };
const fixes = (element: HTMLElement): FixesHost => root(element).querySelector('c-attribution-fixes') as FixesHost;

describe('c-opportunity-attribution one-click fixes', () => {
    afterEach(cleanUp);

    it('hands the current warnings and the blank Persona to the fixes', async () => {
        const opportunity = loadCopy<RecordPayload>('opportunityNoCampaign');
        opportunity.fields.Persona__c = { value: null, displayValue: null };
        const element = await mountWith('opportunityNoCampaign', 'contactRolesEmpty');
        getRecordAdapter.emit(opportunity);
        await flush();
        expect(fixes(element).warningCodes).toEqual(warningCodes(element));
        expect(fixes(element).warningCodes).toEqual(['NO_PRIMARY_CAMPAIGN', 'NO_CONTACT_ROLE']);
        expect(fixes(element).personaMissing).toBe(true);
        expect(fixes(element).campaignLabel).toBe('Primary Campaign Source');
        await expect(element).toBeAccessible();
    });

    it('drops the campaign fix once Lightning Data Service brings the saved campaign', async () => {
        const element = await mountWith('opportunityNoCampaign', 'contactRolesEmpty');
        const saved = loadCopy<RecordPayload>('opportunityAttributed');
        getRecordAdapter.emit(saved);
        await flush();
        expect(fixes(element).warningCodes).not.toContain('NO_PRIMARY_CAMPAIGN');
    });

    it('reads the contact roles again when a fix changed them', async () => {
        const element = await mountWith('opportunityNoCampaign', 'contactRolesEmpty');
        fixes(element).dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(refreshApex).toHaveBeenCalledTimes(1);
    });
});
