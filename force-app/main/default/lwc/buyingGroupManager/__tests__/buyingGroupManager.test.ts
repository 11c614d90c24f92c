import { createElement } from '@lwc/engine-dom';
import { refreshApex } from '@salesforce/apex';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import saveContactRole from '@salesforce/apex/AttributionDealController.saveContactRole';
import removeContactRole from '@salesforce/apex/AttributionDealController.removeContactRole';
import BuyingGroupManager, { addableContacts, roleOptions, suggestedRole } from 'c/buyingGroupManager';
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
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
const contextAdapter = getDealContext as unknown as TestWireAdapter;
const save = saveContactRole as unknown as jest.Mock;
const remove = removeContactRole as unknown as jest.Mock;

const OPPORTUNITY_ID = '006000000000001AAA';
/** The delete guard flow's message, as the controller passes it on (flows/Opportunity_Contact_Role_Delete_Guard). */
const GUARD_MESSAGE =
    'You cannot remove the last Contact Role of an opportunity at Proposal/Quote. Add the right contact first, then remove this one.';

const load = <T>(name: string): T => JSON.parse(JSON.stringify(jest.requireActual(`./data/${name}.json`))) as T;

type ManagerElement = HTMLElement & { recordId?: string; openAdd?: boolean };

function mount(properties: Partial<ManagerElement> = {}): ManagerElement {
    const element = createElement('c-buying-group-manager', { is: BuyingGroupManager }) as ManagerElement;
    element.recordId = OPPORTUNITY_ID;
    Object.assign(element, properties);
    document.body.appendChild(element);
    return element;
}

async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

const shadow = (element: HTMLElement): ShadowRoot => element.shadowRoot!;
const all = (element: HTMLElement, selector: string): HTMLElement[] =>
    Array.from(shadow(element).querySelectorAll<HTMLElement>(selector));
const one = (element: HTMLElement, selector: string): HTMLElement | null =>
    shadow(element).querySelector<HTMLElement>(selector);
const textOf = (element: HTMLElement, selector: string): string | undefined =>
    one(element, selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function mountWith(payload: string, properties: Partial<ManagerElement> = {}): Promise<ManagerElement> {
    const element = mount(properties);
    contextAdapter.emit(load<DealContext>(payload));
    await flush();
    return element;
}

function change(target: HTMLElement | null, value: string): void {
    target!.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-buying-group-manager', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('asks for the deal context of its opportunity and is accessible while loading', async () => {
        const element = mount();
        await flush();
        expect(contextAdapter.getLastConfig()).toEqual({ opportunityId: OPPORTUNITY_ID });
        expect(one(element, 'c-loading-state')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists every contact role with Role, Primary and Persona', async () => {
        const element = await mountWith('dealContext');
        const rows = all(element, 'tr.role-row');
        expect(rows.map((row) => row.querySelector('.contact')?.textContent?.trim())).toEqual([
            'Dana Whitfield',
            'Priya Raman'
        ]);
        expect(rows.map((row) => row.querySelector('.role')?.textContent?.trim())).toEqual(['Decision Maker', '—']);
        expect(rows.map((row) => row.querySelector('.persona')?.textContent?.trim())).toEqual([
            'Decision Maker',
            'Technical Evaluator'
        ]);
        expect(rows.map((row) => row.querySelector('.primary lightning-badge') !== null)).toEqual([true, false]);
        expect(all(element, 'lightning-button-icon.remove').map((b) => b.getAttribute('title'))).toEqual([
            'Remove Dana Whitfield',
            'Remove Priya Raman'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says so when the deal has no contact role and is accessible', async () => {
        const element = await mountWith('dealContextEmpty');
        expect(textOf(element, '.empty')).toBe('No contact roles yet. Add the people who decide, sign and use.');
        await expect(element).toBeAccessible();
    });

    it('shows the server message when the group cannot be read', async () => {
        const element = mount();
        contextAdapter.error({ message: 'You cannot see this opportunity, or it was deleted.' });
        await flush();
        const panel = one(element, 'c-error-panel.load-error');
        expect(panel).not.toBeNull();
        expect(panel!.shadowRoot!.textContent).toContain('You cannot see this opportunity');
        await expect(element).toBeAccessible();
    });

    it('adds a contact of the account with the role its Persona maps to, then reads the group again', async () => {
        save.mockResolvedValue(load('savedContactRole'));
        const changed = jest.fn();
        const element = await mountWith('dealContext');
        element.addEventListener('change', changed);
        (one(element, 'lightning-button.add') as HTMLElement).click();
        await flush();
        const contact = one(element, 'select.add-contact') as HTMLSelectElement;
        // contacts that already have a role are not offered again (the first option is the placeholder)
        expect(Array.from(contact.options).map((o) => o.value)).toEqual([
            '',
            '003000000000003AAA',
            '003000000000004AAA'
        ]);
        change(contact, '003000000000003AAA');
        await flush();
        expect((one(element, 'select.add-role') as HTMLSelectElement).value).toBe('Economic Buyer');
        expect(textOf(element, '.role-hint')).toBe('Economic Buyer usually maps to Economic Buyer.');
        await expect(element).toBeAccessible();
        (one(element, 'lightning-button.save-new') as HTMLElement).click();
        await flush();
        expect(save).toHaveBeenCalledWith({
            opportunityId: OPPORTUNITY_ID,
            contactRoleId: null,
            contactId: '003000000000003AAA',
            role: 'Economic Buyer',
            isPrimary: false
        });
        expect(refreshApex).toHaveBeenCalled();
        expect(changed).toHaveBeenCalledTimes(1);
        expect(one(element, 'section.add-row')).toBeNull();
    });

    it('opens the add row at once when asked (the card fix) and makes the first contact primary', async () => {
        const element = await mountWith('dealContextEmpty', { openAdd: true });
        expect(one(element, 'section.add-row')).not.toBeNull();
        expect(textOf(element, '.no-contacts')).toContain('Create the contact on the account first');
        await expect(element).toBeAccessible();
    });

    it('edits a row: a new role and primary, saved for that contact role', async () => {
        save.mockResolvedValue({ ...load<object>('savedContactRole'), id: '00K000000000002AAA' });
        const element = await mountWith('dealContext');
        (all(element, 'lightning-button-icon.edit')[1] as HTMLElement).click();
        await flush();
        change(one(element, 'select.edit-role'), 'Technical Buyer');
        const primary = one(element, 'lightning-input.edit-primary') as HTMLElement & { checked: boolean };
        primary.checked = true;
        primary.dispatchEvent(new CustomEvent('change'));
        await flush();
        await expect(element).toBeAccessible();
        (one(element, 'lightning-button.save') as HTMLElement).click();
        await flush();
        expect(save).toHaveBeenCalledWith({
            opportunityId: OPPORTUNITY_ID,
            contactRoleId: '00K000000000002AAA',
            contactId: null,
            role: 'Technical Buyer',
            isPrimary: true
        });
    });

    it('shows the delete guard message on the row it concerns, and keeps the row', async () => {
        remove.mockRejectedValue({ body: { message: GUARD_MESSAGE }, status: 500 });
        const element = await mountWith('dealContext');
        (all(element, 'lightning-button-icon.remove')[0] as HTMLElement).click();
        await flush();
        expect(remove).toHaveBeenCalledWith({ contactRoleId: '00K000000000001AAA' });
        const rows = all(element, 'tr.role-row');
        expect(rows[0]!.querySelector('.row-error')?.textContent).toBe(`Not saved: ${GUARD_MESSAGE}`);
        expect(rows[1]!.querySelector('.row-error')).toBeNull();
        expect(refreshApex).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('shows a failed add on the add row', async () => {
        save.mockRejectedValue({ body: { message: 'Your access does not include everything this panel reads' } });
        const element = await mountWith('dealContext');
        (one(element, 'lightning-button.add') as HTMLElement).click();
        await flush();
        change(one(element, 'select.add-contact'), '003000000000004AAA');
        await flush();
        (one(element, 'lightning-button.save-new') as HTMLElement).click();
        await flush();
        expect(textOf(element, '.add-error')).toBe(
            'Not saved: Your access does not include everything this panel reads'
        );
        await expect(element).toBeAccessible();
    });
});

describe('buying group logic', () => {
    const context = load<DealContext>('dealContext');

    it('offers only contacts without a role, with their title', () => {
        expect(addableContacts(context)).toEqual([
            { label: 'Marcus Lee, Finance Director', value: '003000000000003AAA' },
            { label: 'Sam Ortiz', value: '003000000000004AAA' }
        ]);
    });

    it('suggests the mapped role only when the org offers it', () => {
        expect(suggestedRole(context, '003000000000002AAA')).toBe('Technical Buyer');
        expect(suggestedRole({ ...context, roleOptions: ['Other'] }, '003000000000002AAA')).toBe('');
        expect(suggestedRole(context, '003000000000004AAA')).toBe('');
    });

    it('keeps a retired current role selectable', () => {
        expect(roleOptions(context, 'Retired Role').map((o) => o.value)).toContain('Retired Role');
        expect(roleOptions(context)[0]).toEqual({ label: '--None--', value: '' });
    });
});
