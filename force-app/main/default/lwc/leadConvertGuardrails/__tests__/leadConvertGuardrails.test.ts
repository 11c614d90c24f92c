import { createElement } from '@lwc/engine-dom';
import LeadConvertGuardrails from 'c/leadConvertGuardrails';
import getPreflight from '@salesforce/apex/AttributionLeadConvertController.getPreflight';
import convertLead from '@salesforce/apex/AttributionLeadConvertController.convertLead';
import { CONVERT_LABELS } from 'c/attributionLabels';

jest.mock('@salesforce/apex/AttributionLeadConvertController.getPreflight', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/AttributionLeadConvertController.convertLead', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock(
    'lightning/actions',
    () => ({
        CloseActionScreenEvent: class extends CustomEvent<unknown> {
            constructor() {
                super('close');
            }
        }
    }),
    { virtual: true }
);

interface PageReferenceShape {
    type: string;
    attributes: Record<string, unknown>;
}
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: PageReferenceShape, replace?: boolean) {
                mockNavigate(ref, replace);
            }
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});

const getPreflightMock = getPreflight as unknown as jest.Mock;
const convertLeadMock = convertLead as unknown as jest.Mock;
const LEAD_ID = '00Q5g00000ConvAAA';
const load = (name: string): Record<string, unknown> =>
    JSON.parse(JSON.stringify(jest.requireActual(`./data/${name}.json`))) as Record<string, unknown>;

type Modal = HTMLElement & { recordId?: string; pending?: Promise<void> };
interface Lwc {
    pending: Promise<void>;
}

async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

async function mountWith(preflight: string | Error): Promise<Modal> {
    if (preflight instanceof Error) getPreflightMock.mockRejectedValue(preflight);
    else getPreflightMock.mockResolvedValue(load(preflight));
    const element = createElement('c-lead-convert-guardrails', { is: LeadConvertGuardrails }) as Modal;
    document.body.appendChild(element);
    element.recordId = LEAD_ID;
    await flush();
    return element;
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;
const q = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null =>
    root(element).querySelector<T>(selector);
const texts = (element: HTMLElement, selector: string): string[] =>
    Array.from(root(element).querySelectorAll(selector)).map((node) => (node.textContent ?? '').trim());

async function click(element: HTMLElement, selector: string): Promise<void> {
    const button = q(element, selector);
    if (!button) throw new Error(`no ${selector}`);
    button.click();
    await flush();
}

async function change(element: HTMLElement, selector: string, value: unknown, checked?: boolean): Promise<void> {
    const input = q(element, selector);
    if (!input) throw new Error(`no ${selector}`);
    input.dispatchEvent(new CustomEvent('change', { detail: checked === undefined ? { value } : { checked } }));
    await flush();
}

async function toDeal(element: HTMLElement): Promise<void> {
    await click(element, 'lightning-button.next');
    await click(element, 'lightning-button.next');
}

async function convert(element: Modal, result: string): Promise<void> {
    convertLeadMock.mockResolvedValue(load(result));
    await click(element, 'lightning-button.convert');
    const lwcHost = element as unknown as Lwc;
    await lwcHost.pending;
    await flush();
}

describe('c-lead-convert-guardrails', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('shows the loading state until the preflight arrives, then loads it once for the lead', async () => {
        getPreflightMock.mockReturnValue(new Promise(() => undefined));
        const element = createElement('c-lead-convert-guardrails', { is: LeadConvertGuardrails }) as Modal;
        document.body.appendChild(element);
        element.recordId = LEAD_ID;
        element.recordId = LEAD_ID;
        await flush();
        expect(q(element, 'c-loading-state')).not.toBeNull();
        expect(getPreflightMock).toHaveBeenCalledTimes(1);
        expect(getPreflightMock).toHaveBeenCalledWith({ leadId: LEAD_ID });
        await expect(element).toBeAccessible();
    });

    it('shows the load error when the rep cannot read the lead', async () => {
        const element = await mountWith(
            Object.assign(new Error('x'), { body: { message: CONVERT_LABELS.errorAccess } }) as Error
        );
        expect(q(element, 'c-error-panel.load-error')).not.toBeNull();
        expect((q(element, 'lightning-button.next') as unknown as { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('preflight: a ready lead gets its verdict and one line per check', async () => {
        const element = await mountWith('preflightReady');
        expect(texts(element, '.verdict')).toEqual([CONVERT_LABELS.verdictReady]);
        expect(texts(element, '.check-text')).toEqual([
            'Lead Source Webinar is a governed value.',
            'Persona Champion: the contact role will be Executive Sponsor.',
            CONVERT_LABELS.checkCampaignPass,
            CONVERT_LABELS.checkDuplicatesPass,
            'MQL since 2026-11-02; BANT 3 of 4.'
        ]);
        expect((q(element, 'lightning-button.next') as unknown as { disabled: boolean }).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('preflight: a blocking check stops the rep before the match step', async () => {
        const element = await mountWith('preflightBlocked');
        expect(texts(element, '.verdict')).toEqual([CONVERT_LABELS.verdictBlocked]);
        expect(root(element).querySelectorAll('li.check-block')).toHaveLength(1);
        expect(texts(element, '.check-lead_source .check-text')).toEqual([CONVERT_LABELS.checkLeadSourceBlock]);
        expect((q(element, 'lightning-button.next') as unknown as { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('match: suggests the existing account and contact found by the preflight', async () => {
        const element = await mountWith('preflightDuplicates');
        expect(texts(element, '.check-duplicates .check-text')).toEqual([
            '1 lead(s) and 1 contact(s) have this email: choose the existing contact in the next step.'
        ]);
        await click(element, 'lightning-button.next');
        const account = q(element, 'lightning-radio-group.account-choice') as unknown as {
            value: string;
            options: Array<{ value: string; label: string }>;
        };
        expect(account.value).toBe('0015g00000CompAAA');
        expect(account.options.map((o) => o.value)).toEqual(['new', '0015g00000CompAAA']);
        expect(account.options[1]?.label).toBe('Compilers Inc (Suggested)');
        const contact = q(element, 'lightning-radio-group.contact-choice') as unknown as {
            value: string;
            options: Array<{ value: string }>;
        };
        expect(contact.value).toBe('0035g00000GracAAA');
        expect(texts(element, '.duplicate-leads li')).toEqual(['G. Hopper (GRACE@compilers.example)']);
        await expect(element).toBeAccessible();
    });

    it('match: choosing a new account offers only a new contact', async () => {
        const element = await mountWith('preflightDuplicates');
        await click(element, 'lightning-button.next');
        await change(element, 'lightning-radio-group.account-choice', 'new');
        const contact = q(element, 'lightning-radio-group.contact-choice') as unknown as {
            value: string;
            options: Array<{ value: string }>;
        };
        expect(contact.value).toBe('new');
        expect(contact.options.map((o) => o.value)).toEqual(['new']);
    });

    it('deal: preselects the stage, the most recent responded campaign and the mapped contact role', async () => {
        const element = await mountWith('preflightReady');
        await toDeal(element);
        expect((q(element, 'lightning-combobox.stage') as unknown as { value: string }).value).toBe('Qualification');
        const campaign = q(element, 'lightning-combobox.campaign') as unknown as {
            value: string;
            options: Array<{ label: string; value: string }>;
        };
        expect(campaign.value).toBe('7015g00000WebnAAA');
        expect(campaign.options.map((o) => o.label)).toEqual([
            CONVERT_LABELS.campaignNone,
            'Fall Webinar (responded 2026-09-10)',
            'Spring Summit (responded 2026-04-02)'
        ]);
        expect((q(element, 'lightning-input.contact-role') as unknown as { value: string }).value).toBe(
            'Executive Sponsor'
        );
        expect((q(element, 'lightning-input.opportunity-name') as unknown as { value: string }).value).toBe(
            'Compilers Inc'
        );
        await expect(element).toBeAccessible();
    });

    it('converts with the rep choices, then toasts, navigates to the opportunity and closes', async () => {
        const element = await mountWith('preflightReady');
        const closed = jest.fn();
        element.addEventListener('close', closed);
        const toasts: unknown[] = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        await toDeal(element);
        await change(element, 'lightning-input.amount', '12000');
        await change(element, 'lightning-input.close-date', '2026-12-31');
        await change(element, 'lightning-combobox.stage', 'Proposal/Quote');
        await convert(element, 'convertSuccess');
        expect(convertLeadMock).toHaveBeenCalledWith({
            request: {
                leadId: LEAD_ID,
                accountId: null,
                contactId: null,
                createOpportunity: true,
                opportunityName: 'Compilers Inc',
                amount: 12000,
                closeDate: '2026-12-31',
                stageName: 'Proposal/Quote',
                campaignId: '7015g00000WebnAAA',
                contactRole: 'Executive Sponsor',
                allowDuplicates: false
            }
        });
        expect(mockNavigate).toHaveBeenCalledWith(
            { type: 'standard__recordPage', attributes: { recordId: '0065g00000NewAAAA', actionName: 'view' } },
            undefined
        );
        expect(toasts).toEqual([
            { title: CONVERT_LABELS.successTitle, message: 'Grace Hopper was converted.', variant: 'success' }
        ]);
        expect(closed).toHaveBeenCalledTimes(1);
    });

    it('converts into the existing contact without an opportunity and lands on the contact', async () => {
        const element = await mountWith('preflightDuplicates');
        await toDeal(element);
        await change(element, 'lightning-input.create-opportunity', false, false);
        expect((q(element, 'lightning-input.opportunity-name') as unknown as { disabled: boolean }).disabled).toBe(
            true
        );
        await convert(element, 'convertNoOpportunity');
        const sent = (convertLeadMock.mock.calls[0] as [{ request: Record<string, unknown> }])[0].request;
        expect(sent).toMatchObject({
            accountId: '0015g00000CompAAA',
            contactId: '0035g00000GracAAA',
            createOpportunity: false,
            opportunityName: null,
            campaignId: null,
            contactRole: null
        });
        expect(mockNavigate.mock.calls[0]?.[0]).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: '0035g00000GracAAA', actionName: 'view' }
        });
    });

    it('a validation rule error stays on the deal step, on its field, with the rule message', async () => {
        const element = await mountWith('preflightReady');
        await toDeal(element);
        const field = (selector: string) =>
            jest.spyOn(
                q(element, selector) as unknown as { setCustomValidity: (m: string) => void },
                'setCustomValidity'
            );
        const onCampaign = field('lightning-combobox.campaign');
        const onStage = field('lightning-combobox.stage');
        await convert(element, 'convertValidation');
        expect(onCampaign).toHaveBeenLastCalledWith(
            expect.stringMatching(/^Choose the campaign that sourced this opportunity/)
        );
        expect(onStage).toHaveBeenLastCalledWith('');
        expect(texts(element, '.step-title')).toEqual([CONVERT_LABELS.stepDeal]);
        expect(texts(element, '.error-text')).toEqual([CONVERT_LABELS.errorValidation]);
        expect(texts(element, '.error-detail')[0]).toMatch(/^Choose the campaign that sourced this opportunity/);
        expect(texts(element, '.nothing-saved')).toEqual([CONVERT_LABELS.nothingSaved]);
        expect(q(element, '[role="alert"]')).not.toBeNull();
        expect(mockNavigate).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('a duplicate alert goes back to the match step and offers save anyway, which resends allowing it', async () => {
        const element = await mountWith('preflightReady');
        await toDeal(element);
        await convert(element, 'convertDuplicate');
        expect(texts(element, '.step-title')).toEqual([CONVERT_LABELS.stepMatch]);
        expect(texts(element, '.error-text')).toEqual([CONVERT_LABELS.errorDuplicate]);
        expect(q(element, 'lightning-button.save-anyway')).not.toBeNull();
        await expect(element).toBeAccessible();
        convertLeadMock.mockResolvedValue(load('convertSuccess'));
        await click(element, 'lightning-button.save-anyway');
        await (element as unknown as Lwc).pending;
        expect((convertLeadMock.mock.calls[1] as [{ request: { allowDuplicates: boolean } }])[0].request).toMatchObject(
            { allowDuplicates: true }
        );
        expect(mockNavigate).toHaveBeenCalledTimes(1);
    });

    it('a duplicate rule that blocks offers no save anyway', async () => {
        const element = await mountWith('preflightReady');
        await toDeal(element);
        await convert(element, 'convertDuplicateBlocked');
        expect(texts(element, '.error-text')).toEqual([CONVERT_LABELS.errorDuplicateBlocked]);
        expect(q(element, 'lightning-button.save-anyway')).toBeNull();
    });

    it('missing access says so in rep language', async () => {
        const element = await mountWith('preflightReady');
        await toDeal(element);
        await convert(element, 'convertAccess');
        expect(texts(element, '.error-text')).toEqual([CONVERT_LABELS.errorAccess]);
        await expect(element).toBeAccessible();
    });

    it('cancel closes the action without converting', async () => {
        const element = await mountWith('preflightReady');
        const closed = jest.fn();
        element.addEventListener('close', closed);
        await click(element, 'lightning-button.cancel');
        expect(closed).toHaveBeenCalledTimes(1);
        expect(convertLeadMock).not.toHaveBeenCalled();
    });
});
