/** Stub of `lightning/uiRelatedListApi`: getRelatedListRecords over the preview server. */
import { callOrThrow, UI_API } from '../transport';
import { fieldList, wireAdapter } from '../wire';

interface RelatedListConfig extends Record<string, unknown> {
    parentRecordId?: string;
    relatedListId?: string;
    fields?: unknown;
    optionalFields?: unknown;
    pageSize?: number;
    pageToken?: string;
}

export const getRelatedListRecords = wireAdapter<RelatedListConfig, unknown>(
    'getRelatedListRecords',
    (config) => {
        const q = new URLSearchParams({
            fields: fieldList(config.fields).join(','),
            optionalFields: fieldList(config.optionalFields).join(','),
            pageSize: String(config.pageSize ?? 50)
        });
        if (config.pageToken) q.set('pageToken', config.pageToken);
        return callOrThrow(
            'GET',
            `${UI_API}/related-list-records/${config.parentRecordId ?? ''}/${config.relatedListId ?? ''}?${q}`
        );
    },
    (config) => Boolean(config.parentRecordId && config.relatedListId)
);
