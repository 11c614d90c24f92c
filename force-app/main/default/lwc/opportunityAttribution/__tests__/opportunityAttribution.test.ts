import {
    getRecordAdapter,
    getRelatedListRecordsAdapter,
    getRulesAdapter,
    loadJson,
    loadCopy,
    OPPORTUNITY_ID,
    mount,
    flush,
    childText,
    root,
    text,
    warningCodes,
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

describe('c-opportunity-attribution', () => {
    afterEach(cleanUp);

    it('asks the wires for the opportunity fields and its contact roles', async () => {
        mount();
        await flush();
        expect(getRecordAdapter.getLastConfig()).toEqual({
            recordId: OPPORTUNITY_ID,
            fields: [
                { objectApiName: 'Opportunity', fieldApiName: 'CampaignId' },
                { objectApiName: 'Opportunity', fieldApiName: 'LeadSource' },
                { objectApiName: 'Opportunity', fieldApiName: 'StageName' }
            ],
            optionalFields: expect.arrayContaining([
                { objectApiName: 'Opportunity', fieldApiName: 'Campaign.Name' },
                { objectApiName: 'Opportunity', fieldApiName: 'Persona__c' },
                { objectApiName: 'Opportunity', fieldApiName: 'UTM_Content__c' }
            ])
        });
        expect(getRelatedListRecordsAdapter.getLastConfig()).toEqual(
            expect.objectContaining({
                parentRecordId: OPPORTUNITY_ID,
                relatedListId: 'OpportunityContactRoles',
                fields: expect.arrayContaining(['OpportunityContactRole.Role', 'OpportunityContactRole.IsPrimary']),
                optionalFields: ['OpportunityContactRole.Contact.Name']
            })
        );
    });

    it('shows an accessible spinner until the opportunity arrives', () => {
        const element = mount();
        const spinner = root(element)
            .querySelector('c-loading-state')!
            .shadowRoot!.querySelector('lightning-spinner') as HTMLElement & {
            alternativeText?: string;
        };
        expect(spinner).not.toBeNull();
        expect(spinner.alternativeText).toBe('Loading attribution');
        expect(root(element).querySelector('dl.sources')).toBeNull();
    });

    it('renders a fully attributed opportunity without warnings', async () => {
        const element = await mountWith('opportunityAttributed', 'contactRolesComplete');

        expect(text(element, 'dd.campaign')).toBe('Spring Webinar 2026');
        expect(root(element).querySelector('dd.campaign a')!.getAttribute('href')).toBe(
            '/lightning/generated/701000000000001AAA'
        );
        expect(mockGenerateUrl).toHaveBeenCalledWith({
            type: 'standard__recordPage',
            attributes: { recordId: '701000000000001AAA', objectApiName: 'Campaign', actionName: 'view' }
        });
        expect(text(element, 'dd.lead-source')).toBe('Webinar');
        expect(text(element, 'dd.persona')).toBe('Economic Buyer');
        expect(childText(element, 'c-utm-list', 'dd[data-field="UTM_Source__c"]')).toBe('linkedin');
        expect(childText(element, 'c-utm-list', 'dd[data-field="UTM_Term__c"]')).toBe('—');
        expect(text(element, 'dd.contact-role-count')).toBe('3 contact roles');
        expect(text(element, 'dd.primary-contact')).toBe('Ada Lovelace');
        const badges = Array.from(root(element).querySelectorAll('dd.roles lightning-badge')) as Array<
            HTMLElement & { label?: string }
        >;
        expect(badges.map((badge) => badge.label)).toEqual(['Economic Buyer', 'Technical Buyer']);
        expect(warningCodes(element)).toEqual([]);
        expect(text(element, 'p.complete')).toBe('Attribution is complete.');
    });

    it('warns about a missing campaign and contact roles, most severe first', async () => {
        const element = await mountWith('opportunityNoCampaign', 'contactRolesEmpty');

        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CAMPAIGN', 'NO_CONTACT_ROLE']);
        const items = Array.from(root(element).querySelectorAll('li.warning'));
        expect(items[0]!.textContent).toContain('Lead Source "Web" is not exempt');
        // Negotiation is after Proposal/Quote, so the missing contact role is an error, not a warning.
        expect(items[1]!.textContent).toContain('required from the Proposal/Quote stage on');
        const icons = Array.from(root(element).querySelectorAll('li.warning lightning-icon')) as Array<
            HTMLElement & { alternativeText?: string }
        >;
        expect(icons.map((icon) => icon.alternativeText)).toEqual(['Error', 'Error']);
        expect(root(element).querySelector('section.status')!.getAttribute('aria-live')).toBe('polite');
        expect(text(element, 'dd.campaign')).toBe('None');
        expect(childText(element, 'c-utm-list', 'p.utm-empty')).toBe(
            'No UTM values were captured for this opportunity.'
        );
        expect(text(element, 'p.contact-role-empty')).toBe('This opportunity has no contact roles yet.');
        expect(root(element).querySelector('p.complete')).toBeNull();
    });

    it('warns about a missing primary contact and a contact role without a Role', async () => {
        const element = await mountWith('opportunityAttributed', 'contactRolesIncomplete');

        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CONTACT_ROLE', 'CONTACT_ROLE_WITHOUT_ROLE']);
        expect(text(element, 'dd.primary-contact')).toBe('None');
        expect(text(element, 'li[data-code="CONTACT_ROLE_WITHOUT_ROLE"]')).toContain('1 contact role has no Role');
    });

    it('does not ask for a campaign when the Lead Source is exempt by default', async () => {
        const element = await mountWith('opportunityOutbound', 'contactRolesComplete');
        expect(warningCodes(element)).toEqual([]);
    });

    it('follows the exempt Lead Sources and stage rules of the org, from AttributionRulesController.getRules', async () => {
        const rules = loadCopy<RulesPayload>('rulesDefault');
        rules.exemptLeadSources = ['Partner Referral', 'Customer Referral'];
        rules.stageOrder = ['Qualification', 'Negotiation'];
        rules.contactRoleRequiredStage = 'Qualification';
        const element = await mountWith('opportunityOutbound', 'contactRolesEmpty', rules);
        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CAMPAIGN', 'NO_CONTACT_ROLE']);
        expect(text(element, 'li[data-code="NO_CONTACT_ROLE"]')).toContain('from the Qualification stage on');
    });

    it('asks the Apex method for the rules once and declares no App Builder rule properties', async () => {
        const element = mount();
        await flush();
        expect(getRulesAdapter.getLastConfig()).toEqual({});
        for (const property of ['exemptLeadSources', 'stageOrder', 'contactRoleRequiredStage']) {
            expect(property in element).toBe(false);
        }
    });

    it('shows no red campaign error on a Closed Lost deal, because the rule exempts Closed Lost', async () => {
        const element = await mountWith('opportunityClosedLostNoCampaign', 'contactRolesComplete');
        expect(text(element, 'dd.campaign')).toBe('None');
        expect(warningCodes(element)).toEqual([]);
        expect(root(element).querySelector('li.warning lightning-icon[variant="error"]')).toBeNull();
        expect(text(element, 'p.complete')).toBe('Attribution is complete.');
    });

    it('asks for a campaign on a Closed Lost deal when the org removed Closed Lost from the exempt stages', async () => {
        const rules = loadCopy<RulesPayload>('rulesDefault');
        rules.campaignExemptStages = [];
        const element = await mountWith('opportunityClosedLostNoCampaign', 'contactRolesComplete', rules);
        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CAMPAIGN']);
    });

    it('shows no warning (and no "complete") until the rules arrive, then the warnings', async () => {
        const element = mount();
        getRecordAdapter.emit(loadJson('opportunityNoCampaign'));
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        await flush();
        expect(text(element, 'dd.campaign')).toBe('None');
        expect(warningCodes(element)).toEqual([]);
        expect(root(element).querySelector('p.complete')).toBeNull();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        await flush();
        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CAMPAIGN']);
    });

    it('says the rules could not be loaded instead of guessing them', async () => {
        const element = mount();
        getRecordAdapter.emit(loadJson('opportunityNoCampaign'));
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        getRulesAdapter.error({ message: 'You do not have access to the Apex class named AttributionRulesController' });
        await flush();
        expect(childText(element, 'c-error-panel.rules-error', '[role="alert"]')).toBe(
            'Attribution rules could not be loaded, so no warnings are shown: ' +
                'You do not have access to the Apex class named AttributionRulesController'
        );
        expect(warningCodes(element)).toEqual([]);
        expect(root(element).querySelector('p.complete')).toBeNull();
        expect(text(element, 'dd.lead-source')).toBe('Web');
    });

    it('names a campaign the rep cannot read', async () => {
        const opportunity = loadCopy<RecordPayload>('opportunityAttributed');
        delete opportunity.fields.Campaign; // optional field left out: no read access to Campaign
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(opportunity);
        getRelatedListRecordsAdapter.emit(loadJson('contactRolesComplete'));
        await flush();
        expect(text(element, 'dd.campaign')).toBe('Campaign (name not visible to you)');
    });

    it('reads every page of contact roles before judging them, so a later page counts', async () => {
        const complete = loadCopy<CollectionPayload>('contactRolesComplete');
        const incomplete = loadCopy<CollectionPayload>('contactRolesIncomplete');
        const firstPage = { ...complete, nextPageToken: '200' };
        const secondPage = { ...incomplete, nextPageToken: null };
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.emit(firstPage);
        await flush();

        expect(getRelatedListRecordsAdapter.getLastConfig().pageToken).toBe('200');
        expect(text(element, 'p.contact-role-loading')).toBe('Loading contact roles…');
        expect(root(element).querySelector('p.complete')).toBeNull();

        getRelatedListRecordsAdapter.emit(secondPage);
        await flush();
        const total = complete.records.length + incomplete.records.length;
        expect(text(element, 'dd.contact-role-count')).toBe(`${total} contact roles`);
        // The first page has a primary contact; the Role missing on the second page is still reported.
        expect(text(element, 'dd.primary-contact')).toBe('Ada Lovelace');
        expect(warningCodes(element)).toEqual(['CONTACT_ROLE_WITHOUT_ROLE']);
    });

    it('keeps the opportunity details while contact roles are still loading', async () => {
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        await flush();

        expect(text(element, 'p.contact-role-loading')).toBe('Loading contact roles…');
        expect(warningCodes(element)).toEqual([]);
        expect(root(element).querySelector('p.complete')).toBeNull();
    });

    it('shows the error when the opportunity cannot be read', async () => {
        const element = mount();
        getRecordAdapter.error({ message: 'The requested resource does not exist' }, 404, 'Not Found');
        await flush();

        expect(childText(element, 'c-error-panel.load-error', '[role="alert"]')).toBe(
            'Attribution could not be loaded: The requested resource does not exist'
        );
        expect(root(element).querySelector('c-loading-state')).toBeNull();
        expect(root(element).querySelector('dl.sources')).toBeNull();
    });

    it('shows a contact role error without hiding the rest of the card', async () => {
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.error({ message: 'Insufficient access to Opportunity Contact Roles' }, 403);
        await flush();

        expect(childText(element, 'c-error-panel.contact-role-error', '[role="alert"]')).toBe(
            'Contact roles could not be loaded: Insufficient access to Opportunity Contact Roles'
        );
        expect(text(element, 'dd.campaign')).toBe('Spring Webinar 2026');
        expect(warningCodes(element)).toEqual([]);
    });

    it('gives every icon and spinner a text alternative', async () => {
        const element = await mountWith('opportunityNoCampaign', 'contactRolesIncomplete');
        const described = Array.from(root(element).querySelectorAll('lightning-icon, lightning-spinner')) as Array<
            HTMLElement & { alternativeText?: string }
        >;
        expect(described.length).toBeGreaterThan(0);
        described.forEach((node) => expect(node.alternativeText).toBeTruthy());
    });
});
