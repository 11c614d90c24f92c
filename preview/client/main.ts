/**
 * The record-page frame: header (highlights), main column (record details), sidebar (the project's record-page
 * components for this object, as the FlexiPages place them), and a toast region, all styled by SLDS. Synthetic
 * shadow first, so SLDS's global stylesheet reaches the components' own templates as it does on the platform.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import components from 'preview:components';
import { runRefreshHandlers } from './refreshRegistry';
import { callOrThrow, logEvent, UI_API } from './transport';
import { liveAdapters } from './wire';

interface Page {
    objectApiName: string;
    recordId: string;
}

interface Toast {
    title?: string;
    message?: string;
    variant?: string;
}

declare global {
    interface Window {
        __previewToasts?: Toast[];
    }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}

function showToast(toast: Toast): void {
    (window.__previewToasts ??= []).push(toast);
    logEvent('toast', toast);
    const region = document.querySelector('.preview-toasts');
    const variant = ['success', 'error', 'warning', 'info'].includes(toast.variant ?? '') ? toast.variant : 'info';
    const node = el('div', `slds-notify slds-notify_toast slds-theme_${variant} preview-toast`);
    node.dataset.variant = variant;
    node.append(el('span', 'slds-assistive-text', variant));
    const content = el('div', 'slds-notify__content');
    content.append(el('h2', 'slds-text-heading_small', toast.title ?? ''));
    if (toast.message) content.append(el('p', '', toast.message));
    node.append(content);
    region?.replaceChildren(node);
    setTimeout(() => node.remove(), 10_000);
}

async function details(page: Page, main: HTMLElement): Promise<string> {
    const info = (await callOrThrow('GET', `${UI_API}/object-info/${page.objectApiName}`)) as {
        fields: Record<string, { label: string; dataType: string }>;
    };
    const names = Object.keys(info.fields).filter((f) => f !== 'Id');
    const q = new URLSearchParams({ optionalFields: names.map((f) => `${page.objectApiName}.${f}`).join(',') });
    const record = (await callOrThrow('GET', `${UI_API}/records/${page.recordId}?${q}`)) as {
        fields: Record<string, { value: unknown; displayValue: string | null }>;
    };
    const card = el('article', 'slds-card');
    const header = el('div', 'slds-card__header');
    header.append(el('h2', 'slds-card__header-title slds-text-heading_small', 'Details'));
    const list = el('dl', 'slds-card__body slds-card__body_inner slds-list_horizontal slds-wrap');
    for (const name of names) {
        const field = record.fields[name];
        if (!field || info.fields[name]?.dataType === 'Reference') continue;
        const label = info.fields[name]?.label ?? name;
        const value = field.displayValue ?? (field.value === null ? '' : String(field.value));
        list.append(el('dt', 'slds-item_label slds-text-color_weak', label), el('dd', 'slds-item_detail', value));
    }
    card.append(header, list);
    main.append(card);
    const nameValue = record.fields.Name?.value;
    return typeof nameValue === 'string' ? nameValue : page.recordId;
}

type PageEntry = (typeof components)[number];

/**
 * Opens a screen quick action as Lightning does: a modal over the page with the action's component, given the
 * record Id after it is created; the component's CloseActionScreenEvent closes it.
 */
function openAction(component: PageEntry, page: Page, opener: HTMLElement): void {
    const label = component.action?.label ?? component.masterLabel;
    const section = el('section', 'slds-modal slds-fade-in-open preview-action-modal');
    section.setAttribute('role', 'dialog');
    section.setAttribute('aria-modal', 'true');
    section.setAttribute('aria-label', label);
    section.dataset.component = component.name;
    const container = el('div', 'slds-modal__container');
    const node = createElement(tagOf(component.name), { is: component.ctor });
    Object.assign(node, { recordId: page.recordId, objectApiName: page.objectApiName });
    container.append(node);
    section.append(container);
    const backdrop = el('div', 'slds-backdrop slds-backdrop_open');
    node.addEventListener('close', () => {
        section.remove();
        backdrop.remove();
        logEvent('closeAction', { component: component.name });
        opener.focus();
    });
    document.body.append(section, backdrop);
    logEvent('openAction', { component: component.name, recordId: page.recordId });
}

const tagOf = (name: string): string => `c-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

async function start(): Promise<void> {
    const app = document.getElementById('app') as HTMLElement;
    const answer = await fetch(`/preview/page${window.location.search}`);
    const page = (await answer.json()) as Page & { message?: string };
    if (!answer.ok) {
        const card = el('article', 'slds-card slds-p-around_medium');
        card.append(el('p', 'slds-text-color_error', page.message ?? 'The preview failed'));
        app.append(card);
        return;
    }
    document.body.dataset.recordId = page.recordId;
    document.body.dataset.objectApiName = page.objectApiName;

    const header = el('header', 'slds-page-header slds-page-header_record-home');
    const title = el('h1', 'slds-page-header__title', page.recordId);
    header.append(el('p', 'slds-page-header__name-meta', page.objectApiName), title);
    const grid = el('div', 'slds-grid slds-wrap slds-gutters_small slds-m-top_small preview-columns');
    const main = el('main', 'slds-col slds-size_1-of-1 slds-large-size_8-of-12');
    const sidebar = el('aside', 'slds-col slds-size_1-of-1 slds-large-size_4-of-12 preview-sidebar');
    sidebar.setAttribute('aria-label', 'Sidebar');
    grid.append(main, sidebar);
    const toasts = el('div', 'slds-notify_container preview-toasts');
    toasts.setAttribute('role', 'status');
    toasts.setAttribute('aria-live', 'polite');
    app.append(header, grid, toasts);

    document.addEventListener('lightning__showtoast', (event) => showToast((event as CustomEvent<Toast>).detail));
    document.addEventListener('lightning__refreshevent', () => {
        logEvent('refresh', null);
        void runRefreshHandlers();
        for (const adapter of liveAdapters()) void adapter.refresh();
    });
    document.addEventListener('click', (event) => {
        const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
        const href = anchor?.getAttribute('href') ?? '';
        if (href.startsWith('/lightning/')) {
            event.preventDefault();
            logEvent('navigate', { url: href, via: 'link' });
        }
    });

    const onPage = components.filter((c) => c.objects.length === 0 || c.objects.includes(page.objectApiName));
    const actions = el('div', 'slds-page-header__controls preview-actions slds-m-top_x-small');
    for (const component of onPage.filter((c) => c.action)) {
        const button = el('button', 'slds-button slds-button_neutral preview-action', component.action?.label);
        button.type = 'button';
        button.dataset.component = component.name;
        button.addEventListener('click', () => openAction(component, page, button));
        actions.append(button);
    }
    header.append(actions);
    for (const component of onPage.filter((c) => !c.action)) {
        const node = createElement(tagOf(component.name), { is: component.ctor });
        Object.assign(node, { recordId: page.recordId, objectApiName: page.objectApiName });
        const slot = el('div', 'slds-m-bottom_small preview-component');
        slot.dataset.component = component.name;
        slot.append(node);
        sidebar.append(slot);
    }
    try {
        title.textContent = await details(page, main);
    } catch (error) {
        const card = el('article', 'slds-card slds-card__body_inner slds-p-around_medium');
        card.append(el('p', 'slds-text-color_error', 'Record details could not be loaded.'));
        main.append(card);
        console.info('preview: details not loaded', error);
    }
    document.body.dataset.ready = 'true';
}

void start();
