/** Shared set-up of the c-opportunity-attribution tests: mounting, wire emissions and what a rep sees. */
import { createElement } from '@lwc/engine-dom';
import { getRecord } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import getRules from '@salesforce/apex/AttributionRulesController.getRules';
import OpportunityAttribution from 'c/opportunityAttribution';

export interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
export const getRecordAdapter = getRecord as unknown as TestWireAdapter;
export const getRelatedListRecordsAdapter = getRelatedListRecords as unknown as TestWireAdapter;
export const getRulesAdapter = getRules as unknown as TestWireAdapter;
export const getObjectInfoAdapter = getObjectInfo as unknown as TestWireAdapter;

export const loadJson = (name: string): unknown => jest.requireActual(`./data/${name}.json`);
/** A deep copy, so a test can change a payload without touching the shared fixture. */
export const loadCopy = <T>(name: string): T => JSON.parse(JSON.stringify(loadJson(name))) as T;

export interface RecordPayload {
    fields: Record<string, { value: unknown; displayValue: string | null }>;
}
export interface CollectionPayload {
    count: number;
    nextPageToken: string | null;
    records: RecordPayload[];
}
export const OPPORTUNITY_ID = '006000000000001AAA';

/** The DTO of AttributionRulesController.getRules (AttributionRulesController.Rules in Apex). */
export interface RulesPayload {
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

export type AttributionElement = HTMLElement & { recordId?: string };

export function mount(properties: Partial<AttributionElement> = {}): AttributionElement {
    const element = createElement('c-opportunity-attribution', { is: OpportunityAttribution }) as AttributionElement;
    element.recordId = OPPORTUNITY_ID;
    Object.assign(element, properties);
    document.body.appendChild(element);
    getObjectInfoAdapter.emit(loadJson('opportunityObjectInfo'));
    return element;
}

/** Lets LWC re-render after a wire emission (and the GenerateUrl promise settle). */
export async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

/** The text a rep reads inside a child component (c-error-panel, c-utm-list), found through its shadow root. */
export function childText(element: HTMLElement, host: string, selector: string): string | undefined {
    const child = root(element).querySelector(host);
    return child?.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
}

export function root(element: HTMLElement): ShadowRoot {
    return element.shadowRoot!;
}

export function text(element: HTMLElement, selector: string): string | undefined {
    return root(element).querySelector(selector)?.textContent?.trim();
}

export function warningCodes(element: HTMLElement): string[] {
    return Array.from(root(element).querySelectorAll<HTMLElement>('li.warning')).map((li) => li.dataset.code ?? '');
}

export async function mountWith(
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

/** Removes every mounted card and clears the mocks between tests. */
export function cleanUp(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
}
