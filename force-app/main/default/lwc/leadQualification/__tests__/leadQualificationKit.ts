/** Shared set-up of the c-lead-qualification tests: mounting, wire emissions and what a rep sees. */
import { createElement } from '@lwc/engine-dom';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import LeadQualification from 'c/leadQualification';

export interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
    getLastConfig(): Record<string, unknown>;
}
export const getRecordAdapter = getRecord as unknown as TestWireAdapter;
export const getObjectInfoAdapter = getObjectInfo as unknown as TestWireAdapter;
export const updateRecordMock = updateRecord as unknown as jest.Mock;

export interface RecordPayload {
    id: string;
    fields: Record<string, { value: unknown; displayValue: string | null }>;
}
export const loadJson = (name: string): unknown => jest.requireActual(`./data/${name}.json`);
/** A deep copy, so a test can change a payload without touching the shared fixture. */
export const loadRecord = (name: string): RecordPayload => JSON.parse(JSON.stringify(loadJson(name))) as RecordPayload;

export const LEAD_ID = '00Q000000000001AAA';

export type ToggleElement = HTMLInputElement;

export interface ToastDetail {
    title: string;
    message?: string;
    variant?: string;
}

/** Runs queued microtasks: wire emissions, re-renders and the awaited updateRecord promise. */
export async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

export function mount(): HTMLElement {
    const element = createElement('c-lead-qualification', { is: LeadQualification }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = LEAD_ID;
    document.body.appendChild(element);
    return element;
}

export async function mountWith(
    lead: string | RecordPayload,
    objectInfo: unknown = loadJson('leadObjectInfo')
): Promise<HTMLElement> {
    const element = mount();
    getObjectInfoAdapter.emit(objectInfo);
    getRecordAdapter.emit(typeof lead === 'string' ? loadJson(lead) : lead);
    await flush();
    return element;
}

export function toggles(element: HTMLElement): ToggleElement[] {
    return Array.from(element.shadowRoot!.querySelectorAll('input[role="switch"]')) as ToggleElement[];
}

export function toggle(element: HTMLElement, field: string): ToggleElement {
    return element.shadowRoot!.querySelector(`input[data-field="${field}"]`) as ToggleElement;
}

export function text(element: HTMLElement, selector: string): string | undefined {
    return element.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
}

/** The text a rep reads inside a child component (c-error-panel, c-utm-list), found through its shadow root. */
export function childText(element: HTMLElement, host: string, selector: string): string | undefined {
    const child = element.shadowRoot!.querySelector(host);
    return child?.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
}

/** The visible label of a switch: the text of its enclosing <label>. */
export function label(input: ToggleElement): string | null | undefined {
    return input.closest('label')?.querySelector('span.bant-label')?.textContent;
}

/** Clicks the switch like a rep (mouse or Space) when it is not already in the wanted state. */
export function flip(input: ToggleElement, checked: boolean): void {
    if (input.checked !== checked) {
        input.click();
    } else {
        input.dispatchEvent(new CustomEvent('change'));
    }
}

export function captureToasts(element: HTMLElement): ToastDetail[] {
    const toasts: ToastDetail[] = [];
    element.addEventListener('lightning__showtoast', (event) =>
        toasts.push((event as CustomEvent<ToastDetail>).detail)
    );
    return toasts;
}

/** Removes every mounted card and clears the mocks between tests. */
export function cleanUp(): void {
    while (document.body.firstChild) {
        document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
}
