/** Stub of `lightning/uiObjectInfoApi`: object info from the project's field metadata, via the preview server. */
import { callOrThrow, UI_API } from '../transport';
import { objectName, wireAdapter } from '../wire';

export const getObjectInfo = wireAdapter<{ objectApiName?: unknown }, unknown>(
    'getObjectInfo',
    (config) => callOrThrow('GET', `${UI_API}/object-info/${objectName(config.objectApiName)}`),
    (config) => Boolean(config.objectApiName)
);

export const getObjectInfos = wireAdapter<{ objectApiNames?: unknown[] }, unknown>(
    'getObjectInfos',
    async (config) => {
        const results = await Promise.all(
            (config.objectApiNames ?? []).map(async (name) => {
                try {
                    return {
                        statusCode: 200,
                        result: await callOrThrow('GET', `${UI_API}/object-info/${objectName(name)}`)
                    };
                } catch (error) {
                    return { statusCode: (error as { status?: number }).status ?? 500, result: error };
                }
            })
        );
        return { results };
    },
    (config) => Array.isArray(config.objectApiNames) && config.objectApiNames.length > 0
);
