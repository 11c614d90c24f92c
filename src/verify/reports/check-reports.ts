/**
 * Reports: the report type exists (a project custom report type in the same package directory, or a standard type
 * of the catalog); every column, grouping, filter, time-frame, sort and chart column is a token of that report type;
 * the format has the groupings it needs; joined reports hold 2-5 Summary/Matrix blocks and group only on tokens
 * every block offers; cross filters join a child of the report's base object on its lookup; filters hard-code no
 * rule value; texts fit; the report's folder is in the project and shared only with what a new org has.
 */
import { childrenNamed, childText, descendants, firstChild, type XmlElement } from '../xml.js';
import type { ObjectCatalog } from '../refs/catalog.js';
import {
    CHILD_RELATIONSHIPS,
    FORMAT_RULES,
    NEW_ORG_FOLDER_SHARES,
    REPORT_TEXT_LIMITS,
    ROW_COUNT,
    RULE_VALUE_FIELDS
} from './catalog.js';
import { groupingFields, packageDir, type Finding, type Parsed, type ReportTypeModel } from './model.js';

export interface ReportContext {
    catalog: ObjectCatalog;
    /** Report type name (`X__c` or standard) → model. */
    reportTypes: (name: string) => ReportTypeModel | undefined;
    findings: Finding[];
}

/** `B1#RowCount` (a joined report's block) and `s!AMOUNT` (sum, average, max, min, unique) name a column underneath. */
const summaryToken = (column: string): string => column.replace(/^B\d+#/, '').replace(/^[samxu]!/, '');

function checkTokens(ctx: ReportContext, file: string, el: XmlElement, base: string, type: ReportTypeModel): void {
    const uses: { el: XmlElement; path: string; token: string }[] = [];
    const push = (parent: XmlElement, parentPath: string, child: string, list: string): void => {
        childrenNamed(parent, list).forEach((item, i) => {
            const target = firstChild(item, child);
            if (target)
                uses.push({ el: target, path: `${parentPath}/${list}[${i + 1}]/${child}`, token: target.text.trim() });
        });
    };
    push(el, base, 'field', 'columns');
    push(el, base, 'field', 'groupingsDown');
    push(el, base, 'field', 'groupingsAcross');
    const filter = firstChild(el, 'filter');
    if (filter) {
        childrenNamed(filter, 'criteriaItems').forEach((item, i) => {
            const path = `${base}/filter/criteriaItems[${i + 1}]`;
            const column = firstChild(item, 'column');
            if (column) uses.push({ el: column, path: `${path}/column`, token: column.text.trim() });
            const value = firstChild(item, 'value');
            if (childText(item, 'columnToColumn') === 'true' && value) {
                uses.push({ el: value, path: `${path}/value`, token: value.text.trim() });
            } else if (value && value.text.trim() && column) {
                const info = type.tokens.get(column.text.trim());
                const target = info
                    ? `${ctx.catalog.walk(info.object, info.field.split('.').slice(0, -1)) ?? info.object}.${info.field.split('.').pop() ?? ''}`
                    : '';
                if (RULE_VALUE_FIELDS.includes(target)) {
                    ctx.findings.push({
                        file,
                        el: value,
                        path: `${path}/value`,
                        message: `filter hard-codes "${value.text.trim()}" for ${target}, a rule value of Attribution_Rules__mdt: report filters cannot read custom metadata, so the value would drift from the rules; group by the field instead`
                    });
                }
            }
        });
    }
    const timeFrame = firstChild(el, 'timeFrameFilter');
    const dateColumn = timeFrame ? firstChild(timeFrame, 'dateColumn') : undefined;
    if (dateColumn)
        uses.push({ el: dateColumn, path: `${base}/timeFrameFilter/dateColumn`, token: dateColumn.text.trim() });
    const sort = firstChild(el, 'sortColumn');
    if (sort) uses.push({ el: sort, path: `${base}/sortColumn`, token: sort.text.trim() });
    const chart = firstChild(el, 'chart');
    if (chart) {
        const grouping = firstChild(chart, 'groupingColumn');
        if (grouping) uses.push({ el: grouping, path: `${base}/chart/groupingColumn`, token: grouping.text.trim() });
        push(chart, `${base}/chart`, 'column', 'chartSummaries');
    }
    const formulas = new Set(childrenNamed(el, 'aggregates').map((a) => childText(a, 'developerName') ?? ''));
    for (const use of uses) {
        const token = summaryToken(use.token);
        if (token === ROW_COUNT || formulas.has(token)) continue;
        if (!type.tokens.has(token)) {
            ctx.findings.push({
                file,
                el: use.el,
                path: use.path,
                message: `${use.token} is not a column of report type ${type.name} (${type.dir ? type.file : 'standard: src/verify/reports/catalog.ts'})`
            });
        }
    }
    const grouped = new Set(groupingFields(el));
    childrenNamed(el, 'columns').forEach((c, i) => {
        const field = childText(c, 'field') ?? '';
        if (grouped.has(field)) {
            ctx.findings.push({
                file,
                el: c,
                path: `${base}/columns[${i + 1}]`,
                message: `${field} is both a grouping and a column; a grouping field must not be listed in <columns>`
            });
        }
    });
}

function checkCrossFilters(
    ctx: ReportContext,
    file: string,
    el: XmlElement,
    base: string,
    type: ReportTypeModel
): void {
    childrenNamed(el, 'crossFilters').forEach((x, i) => {
        const path = `${base}/crossFilters[${i + 1}]`;
        const related = childText(x, 'relatedTable') ?? '';
        const join = childText(x, 'relatedTableJoinColumn') ?? '';
        const primary = firstChild(x, 'primaryTableColumn');
        const relations = Object.values(CHILD_RELATIONSHIPS[type.baseObject] ?? {});
        const relation = relations.find((r) => r.child === related);
        if (!relation) {
            ctx.findings.push({
                file,
                el: firstChild(x, 'relatedTable') ?? x,
                path: `${path}/relatedTable`,
                message: `${related} is not a child object of ${type.baseObject} in the report catalog (CHILD_RELATIONSHIPS)`
            });
            return;
        }
        if (join !== relation.lookup) {
            ctx.findings.push({
                file,
                el: firstChild(x, 'relatedTableJoinColumn') ?? x,
                path: `${path}/relatedTableJoinColumn`,
                message: `${related} joins ${type.baseObject} on ${relation.lookup}, not ${join || '(none)'}`
            });
        }
        if (primary?.text.trim() !== type.idToken) {
            ctx.findings.push({
                file,
                el: primary ?? x,
                path: `${path}/primaryTableColumn`,
                message: `the cross filter must join on the ${type.baseObject} record's Id (${type.idToken}), not ${primary?.text.trim() ?? '(none)'}`
            });
        }
        childrenNamed(x, 'criteriaItems').forEach((item, j) => {
            const column = childText(item, 'column') ?? '';
            const error = ctx.catalog.resolvePath(related, column.split('.'));
            if (error) {
                ctx.findings.push({
                    file,
                    el: firstChild(item, 'column') ?? item,
                    path: `${path}/criteriaItems[${j + 1}]/column`,
                    message: `cross filter column ${column}: ${error}`
                });
            }
        });
    });
}

function checkFormat(ctx: ReportContext, file: string, el: XmlElement, base: string, isBlock: boolean): void {
    const format = childText(el, 'format') ?? '';
    const down = childrenNamed(el, 'groupingsDown').length;
    const across = childrenNamed(el, 'groupingsAcross').length;
    const fail = (message: string): void => {
        ctx.findings.push({ file, el: firstChild(el, 'format') ?? el, path: `${base}/format`, message });
    };
    if (isBlock && !FORMAT_RULES.blockFormats.includes(format)) {
        fail(`a joined report's block must be ${FORMAT_RULES.blockFormats.join(' or ')}, not ${format}`);
    }
    // a joined report's groupings are the report's own (on columns every block offers), not the blocks'
    if (!isBlock && format === 'Summary' && !down) fail('a Summary report needs at least one groupingsDown');
    if (!isBlock && format === 'Matrix' && (!down || !across)) {
        fail('a Matrix report needs groupingsDown and groupingsAcross');
    }
    if (format === 'Tabular' && (down || across)) fail('a Tabular report has no groupings');
    if (format === 'Summary' && across) fail('a Summary report has no groupingsAcross');
}

function resolveType(ctx: ReportContext, file: Parsed, el: XmlElement, base: string): ReportTypeModel | undefined {
    const typeEl = firstChild(el, 'reportType');
    const name = typeEl?.text.trim() ?? '';
    const type = ctx.reportTypes(name);
    if (!type) {
        ctx.findings.push({
            file: file.rel,
            el: typeEl ?? el,
            path: `${base}/reportType`,
            message: `report type ${name || '(none)'} is neither a custom report type of the project (<DeveloperName>__c) nor a standard type of src/verify/reports/catalog.ts`
        });
        return undefined;
    }
    if (type.dir && type.dir !== packageDir(file.rel)) {
        ctx.findings.push({
            file: file.rel,
            el: typeEl ?? el,
            path: `${base}/reportType`,
            message: `report type ${name} lives in ${type.dir}/, this report in ${packageDir(file.rel)}/: each directory deploys on its own, so a report's type must ship beside it`
        });
    }
    return type;
}

export function checkReport(ctx: ReportContext, file: Parsed, folders: ReadonlySet<string>): void {
    const root = file.root;
    const name = childText(root, 'name') ?? '';
    if (name.length > REPORT_TEXT_LIMITS.reportName) {
        ctx.findings.push({
            file: file.rel,
            el: firstChild(root, 'name'),
            path: 'Report/name',
            message: `name is ${name.length} characters; a report name holds at most ${REPORT_TEXT_LIMITS.reportName}`
        });
    }
    const description = childText(root, 'description') ?? '';
    if (!description) {
        ctx.findings.push({
            file: file.rel,
            el: root,
            path: 'Report',
            message: 'report has no description (say what it shows and what it cannot)'
        });
    } else if (description.length > REPORT_TEXT_LIMITS.description) {
        ctx.findings.push({
            file: file.rel,
            el: firstChild(root, 'description'),
            path: 'Report/description',
            message: `description is ${description.length} characters; at most ${REPORT_TEXT_LIMITS.description}`
        });
    }
    const folder = file.fullName.split('/')[0] ?? '';
    if (!folders.has(folder)) {
        ctx.findings.push({
            file: file.rel,
            el: root,
            path: 'Report',
            message: `report folder ${folder} has no .reportFolder-meta.xml in the project`
        });
    }
    const format = childText(root, 'format');
    if (format !== 'MultiBlock') {
        const type = resolveType(ctx, file, root, 'Report');
        checkFormat(ctx, file.rel, root, 'Report', false);
        if (type) {
            checkTokens(ctx, file.rel, root, 'Report', type);
            checkCrossFilters(ctx, file.rel, root, 'Report', type);
        }
        return;
    }
    const blocks = childrenNamed(root, 'block');
    if (blocks.length < FORMAT_RULES.minBlocks || blocks.length > FORMAT_RULES.maxBlocks) {
        ctx.findings.push({
            file: file.rel,
            el: root,
            path: 'Report',
            message: `a joined report holds ${FORMAT_RULES.minBlocks}-${FORMAT_RULES.maxBlocks} blocks, this one ${blocks.length}`
        });
    }
    const types: ReportTypeModel[] = [];
    blocks.forEach((block, i) => {
        const base = `Report/block[${i + 1}]`;
        const type = resolveType(ctx, file, block, base);
        checkFormat(ctx, file.rel, block, base, true);
        if (!type) return;
        types.push(type);
        checkTokens(ctx, file.rel, block, base, type);
        checkCrossFilters(ctx, file.rel, block, base, type);
    });
    for (const [i, g] of [
        ...childrenNamed(root, 'groupingsDown'),
        ...childrenNamed(root, 'groupingsAcross')
    ].entries()) {
        const field = childText(g, 'field') ?? '';
        const missing = types.filter((t) => !t.tokens.has(field)).map((t) => t.name);
        if (missing.length) {
            ctx.findings.push({
                file: file.rel,
                el: firstChild(g, 'field') ?? g,
                path: `Report/${g.name}[${i + 1}]/field`,
                message: `a joined report groups only on a column every block offers; ${field} is not in ${missing.join(', ')}`
            });
        }
    }
}

export function checkFolder(findings: Finding[], file: Parsed, kind: string): void {
    descendants(file.root, 'folderShares').forEach((share, i) => {
        const type = childText(share, 'sharedToType') ?? '';
        const to = childText(share, 'sharedTo') ?? '';
        const ok = NEW_ORG_FOLDER_SHARES.allowed.some(
            (a) => a.sharedToType === type && (!a.sharedTo || a.sharedTo === to)
        );
        if (!ok) {
            findings.push({
                file: file.rel,
                el: share,
                path: `${kind}/folderShares[${i + 1}]`,
                message: `shared to ${type} ${to}: a new org has no such ${type.toLowerCase()}; share with ${NEW_ORG_FOLDER_SHARES.allowed.map((a) => `${a.sharedToType}${a.sharedTo ? ` ${a.sharedTo}` : ''}`).join(' or ')}`
            });
        }
    });
    if (!descendants(file.root, 'folderShares').length) {
        findings.push({
            file: file.rel,
            el: file.root,
            path: kind,
            message: 'folder is shared with nobody: only its creator and admins would see the reports'
        });
    }
}
