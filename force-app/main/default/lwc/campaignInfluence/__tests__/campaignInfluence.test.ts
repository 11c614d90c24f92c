import { createElement } from '@lwc/engine-dom';
import getCampaignInfluence from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';
import CampaignInfluence, { viewSentence } from 'c/campaignInfluence';
import type { InfluenceView } from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';

jest.mock(
    '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence',
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
    error(body?: unknown): void;
    getLastConfig(): Record<string, unknown>;
}
const adapter = getCampaignInfluence as unknown as TestWireAdapter;
const OPPORTUNITY_ID = '006000000000001AAA';
const load = <T>(name: string): T => JSON.parse(JSON.stringify(jest.requireActual(`./data/${name}.json`))) as T;

function mount(): HTMLElement {
    const element = createElement('c-campaign-influence', { is: CampaignInfluence }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = OPPORTUNITY_ID;
    document.body.appendChild(element);
    return element;
}
async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}
const shadow = (element: HTMLElement): ShadowRoot => element.shadowRoot!;
const textOf = (element: HTMLElement, selector: string): string | undefined =>
    shadow(element).querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

async function mountWith(payload: string): Promise<HTMLElement> {
    const element = mount();
    adapter.emit(load(payload));
    await flush();
    return element;
}

describe('c-campaign-influence', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('asks for its opportunity and is accessible while loading', async () => {
        const element = mount();
        await flush();
        expect(adapter.getLastConfig()).toEqual({ opportunityId: OPPORTUNITY_ID });
        expect(shadow(element).querySelector('c-loading-state')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists the touches oldest first, marks first and last touch and highlights the Primary Campaign Source', async () => {
        const element = await mountWith('influenceTouches');
        const rows = Array.from(shadow(element).querySelectorAll<HTMLElement>('table.touches tr.touch'));
        expect(rows.map((row) => row.querySelector('.campaign')?.firstChild?.textContent?.trim())).toEqual([
            'RevOps Summit 2026',
            'Attribution Playbook (ebook)',
            'Q3 Webinar: Attribution That Survives Conversion'
        ]);
        expect(rows.map((row) => row.querySelector('.first-touch') !== null)).toEqual([true, false, false]);
        expect(rows.map((row) => row.querySelector('.last-touch') !== null)).toEqual([false, false, true]);
        expect(rows.map((row) => row.classList.contains('primary-source'))).toEqual([false, false, true]);
        expect(
            rows.map(
                (row) => (row.querySelector('lightning-formatted-date-time') as HTMLElement & { value: string }).value
            )
        ).toEqual(['2026-06-04', '2026-08-11', '2026-09-18']);
        expect(textOf(element, '.view')).toBe(
            'Buying group responses before this opportunity was created (2026-10-02).'
        );
        expect(shadow(element).querySelector('table.model')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names the Customizable Campaign Influence view and shows the default model records', async () => {
        const element = await mountWith('influenceCustomizable');
        expect(textOf(element, '.view')).toBe(
            'Customizable Campaign Influence, default model, with the responses below.'
        );
        const model = Array.from(shadow(element).querySelectorAll<HTMLElement>('table.model tr.influence'));
        expect(model).toHaveLength(1);
        expect(model[0]!.classList.contains('primary-source')).toBe(true);
        const numbers = Array.from(model[0]!.querySelectorAll('lightning-formatted-number')) as (HTMLElement & {
            value: number;
        })[];
        expect(numbers.map((n) => n.value)).toEqual([1, 48000]);
        await expect(element).toBeAccessible();
    });

    it('says so when nobody responded, and is accessible', async () => {
        const element = await mountWith('influenceEmpty');
        expect(textOf(element, '.empty')).toBe('No one in the buying group responded to a campaign before this date.');
        await expect(element).toBeAccessible();
    });

    it('shows the server message when the influence cannot be read', async () => {
        const element = mount();
        adapter.error({ message: 'Your access does not include everything this panel reads' });
        await flush();
        const panel = shadow(element).querySelector('c-error-panel');
        expect(panel?.shadowRoot?.textContent).toContain('Your access does not include');
        await expect(element).toBeAccessible();
    });

    it('says which cutoff a closed deal uses', () => {
        const view = { ...load<InfluenceView>('influenceTouches'), isClosed: true, cutoffDate: '2026-11-20' };
        expect(viewSentence(view)).toBe('Buying group responses before this opportunity closed (2026-11-20).');
    });
});
