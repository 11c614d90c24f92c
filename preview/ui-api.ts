/**
 * The preview's stand-in for the UI API (pure: rows and field metadata in, UI API shapes out). Answers
 * `GET /ui-api/records/{id}`, related-list records, object info and `PATCH /ui-api/records/{id}` the way the UI API
 * does, including its errors: an unknown field in `fields` is a 400 INVALID_FIELD, in `optionalFields` it is left out;
 * an unknown record is a 404; a non-updateable field or a converted lead refuses the save.
 */
import type { FieldMeta } from './metadata.js';
import type { Row, Snapshot } from './snapshot.js';

export interface ApiResponse {
    status: number;
    body: unknown;
}

export interface FieldValue {
    value: unknown;
    displayValue: string | null;
}

export interface RecordRep {
    apiName: string;
    id: string;
    childRelationships: Record<string, never>;
    eTag: string;
    fields: Record<string, FieldValue>;
    lastModifiedById: null;
    lastModifiedDate: string;
    recordTypeId: string;
    recordTypeInfo: null;
    systemModstamp: string;
    weakEtag: number;
}

/** Related lists the preview serves: the child object and its lookup to the parent (related list API names). */
export const RELATED_LISTS: Readonly<Record<string, { object: string; parentField: string }>> = {
    OpportunityContactRoles: { object: 'OpportunityContactRole', parentField: 'OpportunityId' },
    Contacts: { object: 'Contact', parentField: 'AccountId' },
    Opportunities: { object: 'Opportunity', parentField: 'AccountId' }
};

export const MASTER_RECORD_TYPE = '012000000000000AAA';
const MODSTAMP = '2026-11-22T10:00:00.000Z';

const errorList = (status: number, errorCode: string, message: string): ApiResponse => ({
    status,
    body: [{ errorCode, message }]
});

export type Objects = Readonly<Record<string, Readonly<Record<string, FieldMeta>>>>;

/** Formats a value as the UI API's `displayValue` (en-US user): dates, currency, picklist labels; else null. */
export function displayValueOf(meta: FieldMeta, value: unknown): string | null {
    if (value === null || value === undefined) return null;
    switch (meta.dataType) {
        case 'Date': {
            const [y, m, d] = String(value).split('-');
            return `${Number(m)}/${Number(d)}/${y}`;
        }
        case 'DateTime':
            return new Date(String(value)).toLocaleString('en-US', { timeZone: 'UTC' });
        case 'Currency':
            return new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(value));
        case 'Picklist':
            return String(value);
        default:
            return null;
    }
}

/** A CSV cell as the UI API's typed `value` (checkboxes never null, numbers as numbers). */
export function typedValue(meta: FieldMeta, raw: string | null | undefined): unknown {
    if (meta.dataType === 'Boolean') return (raw ?? meta.defaultValue ?? 'false') === 'true';
    if (raw === null || raw === undefined || raw === '') return null;
    if (meta.dataType === 'Currency' || meta.dataType === 'Double') return Number(raw);
    return raw;
}

export class PreviewStore {
    private readonly byId = new Map<string, { object: string; row: Row }>();

    constructor(
        private readonly snapshot: Snapshot,
        readonly objects: Objects
    ) {
        for (const [object, rows] of Object.entries(snapshot)) {
            for (const row of rows) if (row.Id) this.byId.set(row.Id, { object, row: { ...row } });
        }
    }

    rows(object: string): Row[] {
        return [...this.byId.values()].filter((r) => r.object === object).map((r) => r.row);
    }

    objectOf(id: string): string | null {
        return this.byId.get(id)?.object ?? null;
    }

    /** Inserts a row (the Apex stand-ins' DML); returns its Id. */
    insertRow(object: string, row: Row): string {
        const id = String(row.Id);
        this.byId.set(id, { object, row: { ...row } });
        return id;
    }

    /** Changes raw values of a row (the Apex stand-ins' DML); false when the record does not exist. */
    patchRow(id: string, values: Readonly<Row>): boolean {
        const found = this.byId.get(id);
        if (!found) return false;
        Object.assign(found.row, values);
        return true;
    }

    /** Deletes a row; false when it did not exist. */
    deleteRow(id: string): boolean {
        return this.byId.delete(id);
    }

    /** `GET /ui-api/records/{id}?fields=&optionalFields=` (qualified names, `Object.Field` or `Object.Rel.Field`). */
    getRecord(id: string, fields: readonly string[], optionalFields: readonly string[]): ApiResponse {
        const found = this.byId.get(id);
        if (!found) return errorList(404, 'NOT_FOUND', 'The requested resource does not exist');
        const rep = this.emptyRep(found.object, id);
        for (const [qualified, optional] of [
            ...fields.map((f) => [f, false] as const),
            ...optionalFields.map((f) => [f, true] as const)
        ]) {
            const [object, ...pathParts] = qualified.split('.');
            const ok = object === found.object && this.addPath(rep, found.object, found.row, pathParts);
            if (!ok && !optional) {
                return errorList(
                    400,
                    'INVALID_FIELD',
                    `No such column '${pathParts.join('.')}' on entity '${found.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`
                );
            }
        }
        return { status: 200, body: rep };
    }

    /** `GET /ui-api/related-list-records/{parentId}/{relatedListId}`: pages of `pageSize`, `pageToken` = offset. */
    getRelatedListRecords(
        parentId: string,
        relatedListId: string,
        fields: readonly string[],
        optionalFields: readonly string[],
        pageSize: number,
        pageToken: string | null
    ): ApiResponse {
        const list = RELATED_LISTS[relatedListId];
        if (!list) return errorList(400, 'INVALID_TYPE', `The related list ${relatedListId} is not supported.`);
        if (!this.byId.has(parentId)) return errorList(404, 'NOT_FOUND', 'The requested resource does not exist');
        const children = this.rows(list.object).filter((r) => r.Id && r[list.parentField] === parentId);
        const offset = pageToken ? Number(pageToken) : 0;
        const records: RecordRep[] = [];
        for (const row of children.slice(offset, offset + pageSize)) {
            const answer = this.getRecord(row.Id as string, fields, optionalFields);
            if (answer.status !== 200) return answer;
            records.push(answer.body as RecordRep);
        }
        const next = offset + pageSize < children.length ? String(offset + pageSize) : null;
        return {
            status: 200,
            body: {
                count: records.length,
                currentPageToken: pageToken,
                currentPageUrl: null,
                fields: [...fields],
                listInfoETag: 'preview',
                listReference: {
                    inContextOfRecordId: parentId,
                    listViewApiName: null,
                    objectApiName: list.object,
                    parentObjectApiName: this.objectOf(parentId),
                    recordTypeId: null,
                    relatedListId
                },
                nextPageToken: next,
                nextPageUrl: null,
                optionalFields: [...optionalFields],
                pageSize,
                previousPageToken: offset > 0 ? String(Math.max(0, offset - pageSize)) : null,
                previousPageUrl: null,
                records,
                sortBy: []
            }
        };
    }

    /** `GET /ui-api/object-info/{objectApiName}`. */
    getObjectInfo(apiName: string): ApiResponse {
        const fields = this.objects[apiName];
        if (!fields) return errorList(400, 'INVALID_TYPE', `sObject type '${apiName}' is not supported.`);
        const fieldInfos = Object.fromEntries(
            Object.values(fields).map((f) => [
                f.apiName,
                {
                    apiName: f.apiName,
                    calculated: Boolean(f.compound),
                    compound: Boolean(f.compound),
                    controllerName: null,
                    createable: f.updateable,
                    custom: f.custom,
                    dataType: f.dataType,
                    inlineHelpText: f.inlineHelpText,
                    label: f.label,
                    length: f.length,
                    nameField: f.apiName === 'Name',
                    nillable: !f.required && f.dataType !== 'Boolean',
                    reference: Boolean(f.referenceTo),
                    referenceToInfos: f.referenceTo ? [{ apiName: f.referenceTo, nameFields: ['Name'] }] : [],
                    relationshipName: f.relationshipName ?? null,
                    required: f.required,
                    updateable: f.updateable
                }
            ])
        );
        return {
            status: 200,
            body: {
                apiName,
                associateEntityType: null,
                childRelationships: [],
                createable: true,
                custom: apiName.endsWith('__c'),
                defaultRecordTypeId: MASTER_RECORD_TYPE,
                deletable: true,
                fields: fieldInfos,
                keyPrefix: this.rows(apiName)[0]?.Id?.slice(0, 3) ?? null,
                label: apiName,
                labelPlural: `${apiName}s`,
                nameFields: ['Name'],
                queryable: true,
                recordTypeInfos: {},
                updateable: true
            }
        };
    }

    /** `PATCH /ui-api/records/{id}` with `{ fields }`; answers the saved record (every field) or the RecordError. */
    updateRecord(id: string, fields: Readonly<Record<string, unknown>>): ApiResponse {
        const found = this.byId.get(id);
        if (!found) return errorList(404, 'NOT_FOUND', 'The requested resource does not exist');
        const meta = this.objects[found.object] ?? {};
        for (const name of Object.keys(fields)) {
            const field = meta[name];
            if (!field) return errorList(400, 'INVALID_FIELD', `No such column '${name}' on entity '${found.object}'.`);
            if (!field.updateable) {
                return recordError(
                    'INVALID_FIELD_FOR_INSERT_UPDATE',
                    `Unable to create/update fields: ${name}.`,
                    name,
                    field.label
                );
            }
        }
        if (found.object === 'Lead' && found.row.IsConverted === 'true') {
            return recordError('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', null);
        }
        for (const [name, value] of Object.entries(fields)) {
            found.row[name] = value === null || value === undefined ? null : String(value);
        }
        const all = Object.keys(meta).map((f) => `${found.object}.${f}`);
        return this.getRecord(id, [], all);
    }

    private emptyRep(object: string, id: string): RecordRep {
        return {
            apiName: object,
            id,
            childRelationships: {},
            eTag: 'preview',
            fields: {},
            lastModifiedById: null,
            lastModifiedDate: MODSTAMP,
            recordTypeId: MASTER_RECORD_TYPE,
            recordTypeInfo: null,
            systemModstamp: MODSTAMP,
            weakEtag: 0
        };
    }

    /** Adds one field path (`Name` or `Campaign.Name`) to the record representation; false when it does not exist. */
    private addPath(rep: RecordRep, object: string, row: Row, parts: readonly string[]): boolean {
        const [head, ...rest] = parts;
        const fields = this.objects[object] ?? {};
        if (!head) return false;
        if (rest.length === 0) {
            const meta = fields[head];
            if (!meta) return false;
            const raw = meta.compound
                ? meta.compound
                      .map((f) => row[f] ?? '')
                      .join(' ')
                      .trim()
                : row[head];
            const value = typedValue(meta, raw);
            rep.fields[head] = { value, displayValue: displayValueOf(meta, value) };
            return true;
        }
        const lookup = Object.values(fields).find((f) => f.relationshipName === head && f.referenceTo);
        if (!lookup?.referenceTo) return false;
        const targetId = row[lookup.apiName];
        const target = targetId ? this.byId.get(targetId) : undefined;
        if (!this.objects[lookup.referenceTo]) return false;
        const existing = rep.fields[head]?.value as RecordRep | null | undefined;
        if (!target) {
            // A blank lookup: the relationship is null, whatever fields were asked through it (if they exist).
            const probe = this.emptyRep(lookup.referenceTo, 'probe');
            if (!this.addPath(probe, lookup.referenceTo, {}, rest)) return false;
            rep.fields[head] = { value: existing ?? null, displayValue: null };
            return true;
        }
        const nested = existing ?? this.emptyRep(target.object, target.row.Id as string);
        if (!this.addPath(nested, target.object, target.row, rest)) return false;
        const name = nested.fields.Name?.value;
        rep.fields[head] = { value: nested, displayValue: typeof name === 'string' ? name : null };
        return true;
    }
}

/**
 * The UI API's "Error with Output" body with `enhancedErrorType: RecordError` and Record Exceptions as `output`
 * (validation rules, field-level save errors; UI API Developer Guide, "Error with Output", "Record Exception Error").
 */
export function recordError(
    errorCode: string,
    message: string,
    field: string | null,
    fieldLabel: string | null = null
): ApiResponse {
    const entry = { constituentField: null, duplicateRecordError: null, errorCode, field, fieldLabel, message };
    return {
        status: 400,
        body: {
            enhancedErrorType: 'RecordError',
            message: 'An error occurred while trying to update the record. Please try again.',
            output: field ? { errors: [], fieldErrors: { [field]: [entry] } } : { errors: [entry], fieldErrors: {} }
        }
    };
}
