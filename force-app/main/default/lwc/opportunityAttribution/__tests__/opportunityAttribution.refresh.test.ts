import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { refreshApex } from '@salesforce/apex';
import {
    getRecordAdapter,
    getRelatedListRecordsAdapter,
    getRulesAdapter,
    getObjectInfoAdapter,
    loadJson,
    loadCopy,
    mount,
    flush,
    root,
    text,
    mountWith,
    cleanUp
} from './opportunityAttributionKit';
import type { RecordPayload, CollectionPayload, RulesPayload } from './opportunityAttributionKit';

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

jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

interface PageReferenceShape {
    type: string;
    attributes: Record<string, unknown>;
}
const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn((ref: PageReferenceShape) =>
    Promise.resolve(`/lightning/generated/${String(ref.attributes.recordId)}`)
);
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: PageReferenceShape, replace?: boolean) {
                mockNavigate(ref, replace);
            }
            [GenerateUrl](ref: PageReferenceShape) {
                return mockGenerateUrl(ref);
            }
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});

const refreshApexMock = refreshApex as unknown as jest.Mock;
const registerRefreshHandlerMock = registerRefreshHandler as unknown as jest.Mock;

describe('c-opportunity-attribution navigation, refresh, labels and accessibility', () => {
    afterEach(cleanUp);

    it('opens the campaign through NavigationMixin.Navigate, never a hand-built URL', async () => {
        const element = await mountWith('opportunityAttributed', 'contactRolesComplete');
        const link = root(element).querySelector('dd.campaign a') as HTMLAnchorElement;
        const click = new MouseEvent('click', { bubbles: true, cancelable: true });
        link.dispatchEvent(click);

        expect(click.defaultPrevented).toBe(true);
        expect(mockNavigate).toHaveBeenCalledWith(
            {
                type: 'standard__recordPage',
                attributes: { recordId: '701000000000001AAA', objectApiName: 'Campaign', actionName: 'view' }
            },
            undefined
        );
    });

    it('reads the contact roles again on a RefreshEvent (lightning/refresh) and unregisters when removed', async () => {
        const element = await mountWith('opportunityAttributed', 'contactRolesComplete');
        expect(registerRefreshHandlerMock).toHaveBeenCalledTimes(1);
        const [context, handler] = registerRefreshHandlerMock.mock.calls[0] as [object, () => Promise<boolean>];

        await expect(handler.call(context)).resolves.toBe(true);
        expect(refreshApexMock).toHaveBeenCalledTimes(1);
        expect(refreshApexMock.mock.calls[0]![0]).toEqual(
            expect.objectContaining({ data: expect.objectContaining({ count: 3 }) })
        );

        document.body.removeChild(element);
        expect(unregisterRefreshHandler).toHaveBeenCalledWith(registerRefreshHandlerMock.mock.results[0]!.value);
    });

    it('reads the contact roles again when the opportunity record changes, not on the first load', async () => {
        await mountWith('opportunityAttributed', 'contactRolesComplete');
        expect(refreshApexMock).not.toHaveBeenCalled();

        const saved = loadCopy<RecordPayload & { weakEtag: number }>('opportunityAttributed');
        saved.weakEtag += 1000;
        getRecordAdapter.emit(saved);
        await flush();
        expect(refreshApexMock).toHaveBeenCalledTimes(1);
    });

    it('starts again from the first page when a refresh comes after paging', async () => {
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.emit({
            ...loadCopy<CollectionPayload>('contactRolesComplete'),
            nextPageToken: '200'
        });
        await flush();
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesIncomplete'));
        await flush();
        expect(getRelatedListRecordsAdapter.getLastConfig().pageToken).toBe('200');

        const [context, handler] = registerRefreshHandlerMock.mock.calls[0] as [object, () => Promise<boolean>];
        await handler.call(context);
        await flush();
        expect(getRelatedListRecordsAdapter.getLastConfig().pageToken).toBeUndefined();
        expect(text(element, 'p.contact-role-loading')).toBe('Loading contact roles…');
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        await flush();
        expect(text(element, 'dd.contact-role-count')).toBe('3 contact roles');
    });

    it('uses the field labels the admin set (getObjectInfo), with the full text in title', async () => {
        const element = mount();
        const objectInfo = loadCopy<{ fields: Record<string, { label: string }> }>('opportunityObjectInfo');
        objectInfo.fields.CampaignId!.label = 'Primary Campaign Source (first touch)';
        objectInfo.fields.UTM_Source__c!.label = 'Traffic Source';
        getObjectInfoAdapter.emit(objectInfo);
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        await flush();

        const dts = Array.from(root(element).querySelectorAll('dl.sources dt')) as HTMLElement[];
        expect(dts.map((dt) => [dt.textContent!.trim(), dt.title])).toEqual([
            ['Primary Campaign Source (first touch)', 'Primary Campaign Source (first touch)'],
            ['Lead Source', 'Lead Source'],
            ['Persona', 'Persona']
        ]);
        const utm = root(element).querySelector('c-utm-list')!.shadowRoot!;
        const sourceLabel = utm.querySelector('dd[data-field="UTM_Source__c"]')!.previousElementSibling as HTMLElement;
        expect([sourceLabel.textContent, sourceLabel.title]).toEqual(['Traffic Source', 'Traffic Source']);
    });

    it('leaves out a field the rep cannot read (FLS) and stays accessible', async () => {
        const opportunity = loadCopy<RecordPayload>('opportunityAttributed');
        delete opportunity.fields.Persona__c;
        delete opportunity.fields.UTM_Medium__c;
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(opportunity);
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        await flush();

        expect(root(element).querySelector('dd.persona')).toBeNull();
        const utm = root(element).querySelector('c-utm-list')!.shadowRoot!;
        expect(utm.querySelector('dd[data-field="UTM_Medium__c"]')).toBeNull();
        expect(utm.querySelector('dd[data-field="UTM_Source__c"]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it.each([
        ['opportunityAttributed', 'contactRolesComplete'],
        ['opportunityNoCampaign', 'contactRolesEmpty'],
        ['opportunityAttributed', 'contactRolesIncomplete'],
        ['opportunityClosedLostNoCampaign', 'contactRolesComplete']
    ])('is accessible with %s and %s', async (opportunity, contactRoles) => {
        const element = await mountWith(opportunity, contactRoles);
        await expect(element).toBeAccessible();
    });

    it('is accessible while loading and in every error state', async () => {
        const loading = mount();
        await expect(loading).toBeAccessible();
        getRecordAdapter.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
        await flush();
        await expect(loading).toBeAccessible();
        document.body.removeChild(loading);

        const element = mount();
        getRulesAdapter.error({ message: 'You do not have access to the Apex class named AttributionRulesController' });
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.error({ message: 'Insufficient access to Opportunity Contact Roles' }, 403);
        await flush();
        expect(root(element).querySelectorAll('c-error-panel')).toHaveLength(2);
        await expect(element).toBeAccessible();
    });
});
