// Ambient types for the Salesforce platform modules the TypeScript LWCs import.
// `@salesforce/lightning-types` covers base components only; the modules below are declared here.
// This file must stay a *script* (no top-level import/export), otherwise each `declare module` becomes an
// augmentation of a module that does not exist and TypeScript reports TS2307.

declare module '@salesforce/schema/*' {
    /** A field or object reference; the platform compiler rewrites the import to this shape. */
    const reference: { objectApiName: string; fieldApiName: string };
    export default reference;
}

declare module '@salesforce/label/*' {
    /** The label's text in the user's language. */
    const label: string;
    export default label;
}

declare module 'lightning/uiRecordApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface FieldId {
        objectApiName: string;
        fieldApiName: string;
    }
    export interface FieldValueRepresentation {
        displayValue: string | null;
        value: unknown;
    }
    export interface RecordRepresentation {
        apiName: string;
        id: string;
        fields: Record<string, FieldValueRepresentation>;
        lastModifiedDate?: string;
        weakEtag?: number;
    }
    export interface GetRecordConfig {
        recordId?: string;
        fields?: ReadonlyArray<FieldId | string>;
        optionalFields?: ReadonlyArray<FieldId | string>;
    }
    export interface GetRecordResult {
        data?: RecordRepresentation;
        error?: unknown;
    }
    export interface RecordInput {
        fields: Record<string, unknown>;
    }
    export const getRecord: WireAdapterConstructor<GetRecordConfig, GetRecordResult>;
    export function getFieldValue(record: RecordRepresentation, field: FieldId | string): unknown;
    export function getFieldDisplayValue(
        record: RecordRepresentation,
        field: FieldId | string
    ): string | null | undefined;
    export function updateRecord(
        recordInput: RecordInput,
        clientOptions?: Record<string, unknown>
    ): Promise<RecordRepresentation>;
}

declare module 'lightning/uiRelatedListApi' {
    import type { WireAdapterConstructor } from 'lwc';
    import type { RecordRepresentation } from 'lightning/uiRecordApi';

    export interface GetRelatedListRecordsConfig {
        parentRecordId?: string;
        relatedListId: string;
        fields?: ReadonlyArray<string>;
        optionalFields?: ReadonlyArray<string>;
        pageSize?: number;
        pageToken?: string;
        sortBy?: ReadonlyArray<string>;
        where?: string;
    }
    export interface RelatedListRecordCollection {
        count: number;
        records: RecordRepresentation[];
        listReference?: unknown;
        nextPageToken?: string | null;
        nextPageUrl?: string | null;
    }
    export interface GetRelatedListRecordsResult {
        data?: RelatedListRecordCollection;
        error?: unknown;
    }
    export const getRelatedListRecords: WireAdapterConstructor<
        GetRelatedListRecordsConfig,
        GetRelatedListRecordsResult
    >;
}

declare module 'lightning/platformShowToastEvent' {
    export type ToastVariant = 'info' | 'success' | 'warning' | 'error';
    export interface ToastConfig {
        title: string;
        message?: string;
        variant?: ToastVariant;
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: ReadonlyArray<unknown>;
    }
    export class ShowToastEvent extends CustomEvent<ToastConfig> {
        constructor(toast: ToastConfig);
    }
}

declare module 'lightning/uiObjectInfoApi' {
    import type { WireAdapterConstructor } from 'lwc';

    export interface FieldInfo {
        apiName: string;
        label: string;
        inlineHelpText?: string | null;
        dataType?: string;
    }
    export interface ObjectInfo {
        apiName: string;
        label: string;
        fields: Record<string, FieldInfo>;
    }
    export interface GetObjectInfoResult {
        data?: ObjectInfo;
        error?: unknown;
    }
    export const getObjectInfo: WireAdapterConstructor<
        { objectApiName?: string | { objectApiName: string } },
        GetObjectInfoResult
    >;
}

declare module 'lightning/navigation' {
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    export interface NavigationHost {
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    interface NavigationMixinApi {
        // A mixin's constructor type must take `any[]` (TS2545).
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        <T extends new (...args: any[]) => object>(base: T): T & (new (...args: any[]) => NavigationHost);
        readonly Navigate: unique symbol;
        readonly GenerateUrl: unique symbol;
    }
    export const NavigationMixin: NavigationMixinApi;
}

declare module 'lightning/refresh' {
    /** Called when a RefreshEvent reaches the view; resolves true when the component's data is fresh again. */
    export type RefreshHandler = () => Promise<boolean>;
    export function registerRefreshHandler(contextElement: object, handler: RefreshHandler): number;
    export function unregisterRefreshHandler(id: number): void;
    export class RefreshEvent extends CustomEvent<unknown> {
        constructor();
    }
}

declare module '@salesforce/apex' {
    /** Asks the wire service for fresh data of a wired result (Apex wires and LDS wires such as related lists). */
    export function refreshApex(wiredResult: unknown): Promise<void>;
}

declare module 'lightning/actions' {
    /** Closes the modal of a screen quick action (an LWC with the lightning__RecordAction target). */
    export class CloseActionScreenEvent extends CustomEvent<unknown> {
        constructor();
    }
}
