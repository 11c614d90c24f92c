import { createElement } from '@lwc/engine-dom';
import { updateRecord } from 'lightning/uiRecordApi';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import AttributionFixes, { campaignOptions } from 'c/attributionFixes';
import type { DealContext } from '@salesforce/apex/AttributionDealController.getDealContext';

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
jest.mock('@salesforce/apex/AttributionDealController.saveContactRole', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/AttributionDealController.removeContactRole', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}
const contextAdapter = getDealContext as unknown as TestWireAdapter;
const update = updateRecord as unknown as jest.Mock;
const OPPORTUNITY_ID = '006000000000001AAA';
// The buying group manager's payloads: the same DealContext the fixes read (test/rules/deal-controller.test.ts
// checks them against the Apex DTO).
const load = <T>(name: string): T =>
    JSON.parse(JSON.stringify(jest.requireActual(`../../buyingGroupManager/__tests__/data/${name}.json`))) as T;

type FixesElement = HTMLElement & {
    recordId?: string;
    warningCodes?: string[];
    personaMissing?: boolean;
    campaignLabel?: string;
    personaLabel?: string;
};

async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

async function mount(properties: Partial<FixesElement>, payload = 'dealContext'): Promise<FixesElement> {
    const element = createElement('c-attribution-fixes', { is: AttributionFixes }) as FixesElement;
    Object.assign(element, {
        recordId: OPPORTUNITY_ID,
        campaignLabel: 'Primary Campaign Source',
        personaLabel: 'Persona',
        ...properties
    });
    document.body.appendChild(element);
    contextAdapter.emit(load<DealContext>(payload));
    await flush();
    return element;
}
const one = (element: HTMLElement, selector: string): HTMLElement | null =>
    element.shadowRoot!.querySelector<HTMLElement>(selector);
const click = async (element: HTMLElement, selector: string): Promise<void> => {
    one(element, selector)!.click();
    await flush();
};

describe('c-attribution-fixes', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('offers nothing on a complete deal', async () => {
        const element = await mount({ warningCodes: [], personaMissing: false });
        expect(one(element, 'section.fixes')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers each fix for the warning it answers', async () => {
        const element = await mount({
            warningCodes: ['NO_PRIMARY_CAMPAIGN', 'NO_PRIMARY_CONTACT_ROLE'],
            personaMissing: true
        });
        expect(one(element, 'lightning-button.fix-campaign')).not.toBeNull();
        expect(one(element, 'lightning-button.fix-contact-role')).not.toBeNull();
        expect(one(element, 'lightning-button.fix-persona')).not.toBeNull();
        expect(contextAdapter.getLastConfig()).toEqual({ opportunityId: OPPORTUNITY_ID });
        await expect(element).toBeAccessible();
    });

    it('sets the campaign to a responded campaign of the buying group with Lightning Data Service', async () => {
        update.mockResolvedValue({});
        const element = await mount({ warningCodes: ['NO_PRIMARY_CAMPAIGN'] });
        await click(element, 'lightning-button.fix-campaign');
        const picker = one(element, 'lightning-radio-group.campaign-picker') as HTMLElement & {
            options: { label: string; value: string }[];
            value: string;
        };
        expect(picker.options.map((o) => o.label)).toEqual([
            'Q3 Webinar: Attribution That Survives Conversion: responded 2026-09-18 (Priya Raman)',
            'RevOps Summit 2026: responded 2026-06-04 (Dana Whitfield)'
        ]);
        // the most recent response is preselected
        expect(picker.value).toBe('701000000000002AAA');
        await expect(element).toBeAccessible();
        picker.dispatchEvent(new CustomEvent('change', { detail: { value: '701000000000001AAA' } }));
        await flush();
        await click(element, 'lightning-button.save-campaign');
        expect(update).toHaveBeenCalledWith({ fields: { Id: OPPORTUNITY_ID, CampaignId: '701000000000001AAA' } });
        expect(one(element, '.campaign-panel')).toBeNull();
    });

    it('shows a refused save under the fix (a validation rule message)', async () => {
        update.mockRejectedValue({ body: { message: 'Choose a Primary Campaign Source before this stage.' } });
        const element = await mount({ warningCodes: ['NO_PRIMARY_CAMPAIGN'] });
        await click(element, 'lightning-button.fix-campaign');
        await click(element, 'lightning-button.save-campaign');
        expect(one(element, '.save-error')?.textContent).toBe(
            'Not saved: Choose a Primary Campaign Source before this stage.'
        );
        expect(one(element, '.campaign-panel')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says so when nobody in the buying group responded', async () => {
        const element = await mount({ warningCodes: ['NO_PRIMARY_CAMPAIGN'] }, 'dealContextEmpty');
        await click(element, 'lightning-button.fix-campaign');
        expect(one(element, '.no-candidates')?.textContent).toContain('No one in the buying group responded');
        await expect(element).toBeAccessible();
    });

    it('opens the buying group manager with its add row, and passes its change on', async () => {
        const changed = jest.fn();
        const element = await mount({ warningCodes: ['NO_CONTACT_ROLE'] });
        element.addEventListener('change', changed);
        await click(element, 'lightning-button.fix-contact-role');
        const manager = one(element, 'c-buying-group-manager') as HTMLElement & { openAdd: boolean; recordId: string };
        expect(manager.openAdd).toBe(true);
        expect(manager.recordId).toBe(OPPORTUNITY_ID);
        manager.dispatchEvent(new CustomEvent('change'));
        expect(changed).toHaveBeenCalledTimes(1);
    });

    it('sets the Persona inline from the org values', async () => {
        update.mockResolvedValue({});
        const element = await mount({ warningCodes: [], personaMissing: true });
        await click(element, 'lightning-button.fix-persona');
        const picker = one(element, 'select.persona-picker') as HTMLSelectElement;
        expect(Array.from(picker.options).map((o) => o.value)).toEqual([
            '',
            ...load<DealContext>('dealContext').personaOptions
        ]);
        picker.value = 'Champion';
        picker.dispatchEvent(new CustomEvent('change'));
        await flush();
        await expect(element).toBeAccessible();
        await click(element, 'lightning-button.save-persona');
        expect(update).toHaveBeenCalledWith({ fields: { Id: OPPORTUNITY_ID, Persona__c: 'Champion' } });
    });

    it('labels candidates without a name by their id', () => {
        expect(
            campaignOptions([
                {
                    campaignId: '701000000000009AAA',
                    campaignName: null,
                    respondedDate: null,
                    contactName: null,
                    isPrimaryCampaignSource: false
                }
            ])
        ).toEqual([{ label: '701000000000009AAA: responded — (—)', value: '701000000000009AAA' }]);
    });
});
