/**
 * Stub of `lightning/navigation`: NavigationMixin records each navigation (window.__previewNavigations and the
 * server log) instead of leaving the page; GenerateUrl gives the Lightning URL of a page reference.
 */
import { logEvent } from '../transport';
import { wireAdapter } from '../wire';

export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

declare global {
    interface Window {
        __previewNavigations?: PageReference[];
    }
}

export function urlOf(ref: PageReference): string {
    const a = ref.attributes ?? {};
    switch (ref.type) {
        case 'standard__recordPage':
            return `/lightning/r/${String(a.objectApiName ?? 'sObject')}/${String(a.recordId)}/${String(a.actionName ?? 'view')}`;
        case 'standard__objectPage':
            return `/lightning/o/${String(a.objectApiName)}/${String(a.actionName ?? 'home')}`;
        case 'standard__recordRelationshipPage':
            return `/lightning/r/${String(a.objectApiName ?? 'sObject')}/${String(a.recordId)}/related/${String(a.relationshipApiName)}/view`;
        default:
            return `/lightning/preview/${ref.type}`;
    }
}

const Navigate = Symbol('NavigationMixin.Navigate');
const GenerateUrl = Symbol('NavigationMixin.GenerateUrl');

// A mixin's base constructor must accept any arguments (TypeScript's mixin pattern).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

function mixin<T extends Constructor>(Base: T) {
    return class extends Base {
        [Navigate](ref: PageReference, replace?: boolean): void {
            (window.__previewNavigations ??= []).push(ref);
            logEvent('navigate', { ref, replace: Boolean(replace), url: urlOf(ref) });
        }

        [GenerateUrl](ref: PageReference): Promise<string> {
            return Promise.resolve(urlOf(ref));
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** The current record page (from the frame's URL). */
export const CurrentPageReference = wireAdapter<Record<string, unknown>, PageReference>('CurrentPageReference', () =>
    Promise.resolve({
        type: 'standard__recordPage',
        attributes: {
            recordId: document.body.dataset.recordId,
            objectApiName: document.body.dataset.objectApiName,
            actionName: 'view'
        },
        state: {}
    })
);
