import { createElement } from '@lwc/engine-dom';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import getRules from '@salesforce/apex/AttributionRulesController.getRules';
import OpportunityAttribution from 'c/opportunityAttribution';

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

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const getRecordAdapter = getRecord as unknown as TestWireAdapter;
const getRelatedListRecordsAdapter = getRelatedListRecords as unknown as TestWireAdapter;
const getRulesAdapter = getRules as unknown as TestWireAdapter;

const loadJson = (name: string): unknown => jest.requireActual(`./data/${name}.json`);
/** A deep copy, so a test can change a payload without touching the shared fixture. */
const loadCopy = <T>(name: string): T => JSON.parse(JSON.stringify(loadJson(name))) as T;

interface RecordPayload {
    fields: Record<string, { value: unknown; displayValue: string | null }>;
}
interface CollectionPayload {
    count: number;
    nextPageToken: string | null;
    records: RecordPayload[];
}
const OPPORTUNITY_ID = '006000000000001AAA';

/** The DTO of AttributionRulesController.getRules (AttributionRulesController.Rules in Apex). */
interface RulesPayload {
    agedLeadDays: number | null;
    campaignExemptStages: string[];
    contactRoleRequiredStage: string | null;
    convertedLeadStatuses: string[];
    exemptLeadSources: string[];
    mqlLeadStatuses: string[];
    openLeadStatuses: string[];
    salesSourcedLeadSources: string[];
    sqlLeadStatuses: string[];
    stageOrder: string[];
}

type AttributionElement = HTMLElement & { recordId?: string };

function mount(properties: Partial<AttributionElement> = {}): AttributionElement {
    const element = createElement('c-opportunity-attribution', { is: OpportunityAttribution }) as AttributionElement;
    element.recordId = OPPORTUNITY_ID;
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

/** Lets LWC re-render after a wire emission. */
const flush = () => Promise.resolve();

function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

function text(element: HTMLElement, selector: string): string | undefined {
    return root(element).querySelector(selector)?.textContent?.trim();
}

function warningCodes(element: HTMLElement): string[] {
    return Array.from(root(element).querySelectorAll<HTMLElement>('li.warning')).map((li) => li.dataset.code ?? '');
}

async function mountWith(
    opportunity: string,
    contactRoles: string,
    rules: RulesPayload = loadCopy<RulesPayload>('rulesDefault')
) {
    const element = mount();
    getRulesAdapter.emit(rules);
    getRecordAdapter.emit(loadJson(opportunity));
    getRelatedListRecordsAdapter.emit(loadJson(contactRoles));
    await flush();
    return element;
}

describe('c-opportunity-attribution', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

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
        const spinner = root(element).querySelector('lightning-spinner') as HTMLElement & {
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
            '/lightning/r/Campaign/701000000000001AAA/view'
        );
        expect(text(element, 'dd.lead-source')).toBe('Webinar');
        expect(text(element, 'dd.persona')).toBe('Economic Buyer');
        expect(text(element, 'dd[data-field="UTM_Source__c"]')).toBe('linkedin');
        expect(text(element, 'dd[data-field="UTM_Term__c"]')).toBe('—');
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
        expect(text(element, 'p.utm-empty')).toBe('No UTM values were captured for this opportunity.');
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
        const alert = root(element).querySelector('p.rules-error')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toContain(
            'You do not have access to the Apex class named AttributionRulesController'
        );
        expect(warningCodes(element)).toEqual([]);
        expect(root(element).querySelector('p.complete')).toBeNull();
        expect(text(element, 'dd.lead-source')).toBe('Web');
    });

    it('names a campaign the rep cannot read and counts contact roles beyond the first page', async () => {
        const opportunity = loadCopy<RecordPayload>('opportunityAttributed');
        delete opportunity.fields.Campaign; // optional field left out: no read access to Campaign
        const contactRoles = loadCopy<CollectionPayload>('contactRolesIncomplete');
        contactRoles.records = contactRoles.records.slice(0, 1);
        contactRoles.count = 1;
        contactRoles.nextPageToken = '1';
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(opportunity);
        getRelatedListRecordsAdapter.emit(contactRoles);
        await flush();

        expect(text(element, 'dd.campaign')).toBe('Campaign (name not visible to you)');
        expect(text(element, 'dd.contact-role-count')).toBe('1+ contact roles');
        expect(text(element, 'dd.roles')).toBe('None');
        expect(warningCodes(element)).toEqual(['NO_PRIMARY_CONTACT_ROLE', 'CONTACT_ROLE_WITHOUT_ROLE']);
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

        const alert = root(element).querySelector('div.load-error')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toContain('The requested resource does not exist');
        expect(root(element).querySelector('lightning-spinner')).toBeNull();
        expect(root(element).querySelector('dl.sources')).toBeNull();
    });

    it('shows a contact role error without hiding the rest of the card', async () => {
        const element = mount();
        getRulesAdapter.emit(loadCopy<RulesPayload>('rulesDefault'));
        getRecordAdapter.emit(loadJson('opportunityAttributed'));
        getRelatedListRecordsAdapter.error({ message: 'Insufficient access to Opportunity Contact Roles' }, 403);
        await flush();

        const alert = root(element).querySelector('p.contact-role-error')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent).toContain('Insufficient access to Opportunity Contact Roles');
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
