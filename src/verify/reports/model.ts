/**
 * The report gate's view of the project: custom report types with the column tokens they offer, reports with the
 * tokens they offer to dashboards, folders. Pure functions over parsed files; problems are collected by the caller.
 */
import type { MetadataFile } from '../project.js';
import type { ObjectCatalog } from '../refs/catalog.js';
import { childrenNamed, childText, firstChild, type XmlElement } from '../xml.js';
import { CHILD_RELATIONSHIPS, CUSTOM_REPORT_TYPE_TOKENS, STANDARD_REPORT_TYPES } from './catalog.js';

export type Parsed = MetadataFile & { root: XmlElement; fullName: string };

export interface Finding {
    file: string;
    el?: XmlElement;
    path: string;
    message: string;
}

export interface TokenInfo {
    /** Object the field belongs to once the lookup path is followed (undefined when it does not resolve). */
    object: string;
    /** Field path from the table's object, e.g. `Campaign.Name`. */
    field: string;
}

export interface ReportTypeModel {
    /** Name a report uses in `<reportType>`. */
    name: string;
    file: string;
    /** Package directory (first path segment), for the deploy-together rule. */
    dir?: string;
    baseObject: string;
    /** Table path → object (`Campaign.Opportunities` → Opportunity). */
    tables: Map<string, string>;
    tokens: Map<string, TokenInfo>;
    /** Token of the base record's Id (cross filters' primaryTableColumn). */
    idToken: string;
}

export const packageDir = (rel: string): string => rel.split('/')[0] ?? rel;

export function ofType(files: readonly MetadataFile[], type: string): Parsed[] {
    return files.filter((f): f is Parsed => f.sdrType === type && !!f.root && !!f.fullName && !f.ignored);
}

/** Reads a custom report type: its tables (join chain) and the tokens of its columns, checking both. */
export function readCustomReportType(file: Parsed, catalog: ObjectCatalog, findings: Finding[]): ReportTypeModel {
    const root = file.root;
    const baseObject = childText(root, 'baseObject') ?? '';
    const tables = new Map<string, string>();
    if (!catalog.hasObject(baseObject)) {
        findings.push({
            file: file.rel,
            el: firstChild(root, 'baseObject') ?? root,
            path: 'ReportType/baseObject',
            message: `base object ${baseObject || '(none)'} is neither in the project nor in standard-fields.json`
        });
    }
    tables.set(baseObject, baseObject);
    let join = firstChild(root, 'join');
    let table = baseObject;
    let object = baseObject;
    let path = 'ReportType/join';
    while (join) {
        const rel = childText(join, 'relationship') ?? '';
        const child = CHILD_RELATIONSHIPS[object]?.[rel]?.child;
        if (!child) {
            findings.push({
                file: file.rel,
                el: firstChild(join, 'relationship') ?? join,
                path: `${path}/relationship`,
                message: `${object} has no child relationship ${rel} in the report catalog (src/verify/reports/catalog.ts CHILD_RELATIONSHIPS)`
            });
            break;
        }
        table = `${table}.${rel}`;
        object = child;
        tables.set(table, object);
        join = firstChild(join, 'join');
        path += '/join';
    }
    const tokens = new Map<string, TokenInfo>();
    childrenNamed(root, 'sections').forEach((section, s) => {
        childrenNamed(section, 'columns').forEach((column, c) => {
            const where = `ReportType/sections[${s + 1}]/columns[${c + 1}]`;
            const tableName = childText(column, 'table') ?? '';
            const field = childText(column, 'field') ?? '';
            const tableObject = tables.get(tableName);
            if (!tableObject) {
                findings.push({
                    file: file.rel,
                    el: firstChild(column, 'table') ?? column,
                    path: `${where}/table`,
                    message: `table ${tableName} is not one of this report type's tables (${[...tables.keys()].join(', ')})`
                });
                return;
            }
            const error = catalog.resolvePath(tableObject, field.split('.'));
            if (error) {
                findings.push({
                    file: file.rel,
                    el: firstChild(column, 'field') ?? column,
                    path: `${where}/field`,
                    message: `${tableName} column ${field}: ${error}`
                });
                return;
            }
            tokens.set(`${tableName}${CUSTOM_REPORT_TYPE_TOKENS.separator}${field}`, { object: tableObject, field });
        });
    });
    const model: ReportTypeModel = {
        name: `${file.fullName}${CUSTOM_REPORT_TYPE_TOKENS.typeSuffix}`,
        file: file.rel,
        dir: packageDir(file.rel),
        baseObject,
        tables,
        tokens,
        idToken: `${baseObject}${CUSTOM_REPORT_TYPE_TOKENS.separator}Id`
    };
    return model;
}

/** The model of a standard report type of the catalog, with the base object's custom fields (`Lead.MQL_Date__c`). */
export function standardReportType(
    name: string,
    catalog: ObjectCatalog,
    customFields: readonly string[]
): ReportTypeModel | undefined {
    const def = STANDARD_REPORT_TYPES[name];
    if (!def) return undefined;
    const tokens = new Map<string, TokenInfo>();
    for (const [token, target] of Object.entries(def.tokens)) {
        const [object = '', ...field] = target.split('.');
        tokens.set(token, { object, field: field.join('.') });
    }
    for (const f of customFields) {
        const [object, field] = f.split('.');
        if (object === def.baseObject && field && catalog.field(object, field)) tokens.set(f, { object, field });
    }
    return {
        name,
        file: '(standard)',
        baseObject: def.baseObject,
        tables: new Map([[def.baseObject, def.baseObject]]),
        tokens,
        idToken: `${def.baseObject.toUpperCase()}_ID`
    };
}

/** Text of every `<field>` of the report element's groupings (down, then across). */
export function groupingFields(report: XmlElement): string[] {
    return [...childrenNamed(report, 'groupingsDown'), ...childrenNamed(report, 'groupingsAcross')]
        .map((g) => childText(g, 'field') ?? '')
        .filter(Boolean);
}

/** Column token → its aggregate types (`Sum`…), for dashboard summaries. */
export function columnAggregates(report: XmlElement): Map<string, Set<string>> {
    const out = new Map<string, Set<string>>();
    const blocks = childrenNamed(report, 'block');
    for (const el of blocks.length ? blocks : [report]) {
        for (const c of childrenNamed(el, 'columns')) {
            const field = childText(c, 'field');
            if (field) out.set(field, new Set(childrenNamed(c, 'aggregateTypes').map((a) => a.text.trim())));
        }
    }
    return out;
}
