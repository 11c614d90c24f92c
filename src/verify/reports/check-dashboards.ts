/**
 * Dashboards: the running-user model is the one the catalog chose (stated, no stored username), the kit ships no
 * more dynamic dashboards than its budget, the folder is in the project, and every component names a report of
 * the project in the same package directory, groups on one of that report's groupings and summarises RowCount or
 * a column the report aggregates that way (table and filter columns must be the report's columns).
 */
import { childrenNamed, childText, firstChild, type XmlElement } from '../xml.js';
import { DASHBOARD_MODEL, ROW_COUNT } from './catalog.js';
import { columnAggregates, groupingFields, packageDir, type Finding, type Parsed } from './model.js';

export interface ReportInfo {
    file: string;
    groupings: Set<string>;
    aggregates: Map<string, Set<string>>;
}

export function reportInfo(file: Parsed): ReportInfo {
    const blocks = childrenNamed(file.root, 'block');
    const groupings = new Set([...groupingFields(file.root), ...blocks.flatMap((b) => groupingFields(b))]);
    return { file: file.rel, groupings, aggregates: columnAggregates(file.root) };
}

function components(root: XmlElement): { el: XmlElement; path: string }[] {
    const out: { el: XmlElement; path: string }[] = [];
    const grid = firstChild(root, 'dashboardGridLayout');
    if (grid) {
        childrenNamed(grid, 'dashboardGridComponents').forEach((g, i) => {
            const c = firstChild(g, 'dashboardComponent');
            if (c)
                out.push({
                    el: c,
                    path: `Dashboard/dashboardGridLayout/dashboardGridComponents[${i + 1}]/dashboardComponent`
                });
        });
    }
    for (const section of ['leftSection', 'middleSection', 'rightSection']) {
        const s = firstChild(root, section);
        if (s) {
            childrenNamed(s, 'components').forEach((c, i) => {
                out.push({ el: c, path: `Dashboard/${section}/components[${i + 1}]` });
            });
        }
    }
    return out;
}

function checkComponent(
    findings: Finding[],
    file: Parsed,
    component: { el: XmlElement; path: string },
    reports: ReadonlyMap<string, ReportInfo>
): void {
    const { el, path } = component;
    const reportEl = firstChild(el, 'report');
    if (!reportEl) return; // rich text, image, LWC components name no report
    const name = reportEl.text.trim();
    const report = reports.get(name);
    if (!report) {
        findings.push({
            file: file.rel,
            el: reportEl,
            path: `${path}/report`,
            message: `report ${name} is not in the project (Folder/DeveloperName)`
        });
        return;
    }
    if (packageDir(report.file) !== packageDir(file.rel)) {
        findings.push({
            file: file.rel,
            el: reportEl,
            path: `${path}/report`,
            message: `report ${name} lives in ${packageDir(report.file)}/, this dashboard in ${packageDir(file.rel)}/: each directory deploys on its own (an org without that directory would reject the dashboard)`
        });
    }
    childrenNamed(el, 'groupingColumn').forEach((g, i) => {
        if (!report.groupings.has(g.text.trim())) {
            findings.push({
                file: file.rel,
                el: g,
                path: `${path}/groupingColumn[${i + 1}]`,
                message: `${g.text.trim()} is not a grouping of ${name} (groupings: ${[...report.groupings].join(', ') || 'none'})`
            });
        }
    });
    childrenNamed(el, 'chartSummary').forEach((s, i) => {
        const column = childText(s, 'column') ?? '';
        const aggregate = childText(s, 'aggregate');
        if (column === ROW_COUNT) return;
        const allowed = report.aggregates.get(column);
        if (!allowed || !aggregate || !allowed.has(aggregate)) {
            findings.push({
                file: file.rel,
                el: s,
                path: `${path}/chartSummary[${i + 1}]`,
                message: `${aggregate ?? '(no aggregate)'} of ${column} is not a summary ${name} computes (${allowed ? `its aggregates of ${column}: ${[...allowed].join(', ') || 'none'}` : `${column} is not one of its columns`})`
            });
        }
    });
    const columns = new Set(report.aggregates.keys());
    for (const [list, child] of [
        ['dashboardTableColumn', 'column'],
        ['dashboardFilterColumns', 'column']
    ] as const) {
        childrenNamed(el, list).forEach((t, i) => {
            const column = childText(t, child) ?? '';
            if (column !== ROW_COUNT && !columns.has(column) && !report.groupings.has(column)) {
                findings.push({
                    file: file.rel,
                    el: t,
                    path: `${path}/${list}[${i + 1}]/${child}`,
                    message: `${column} is not a column of ${name}`
                });
            }
        });
    }
}

export function checkDashboards(
    findings: Finding[],
    dashboards: readonly Parsed[],
    reports: ReadonlyMap<string, ReportInfo>,
    folders: ReadonlySet<string>
): void {
    let dynamic = 0;
    for (const file of dashboards) {
        const root = file.root;
        const runningUser = firstChild(root, 'runningUser');
        if (runningUser) {
            findings.push({
                file: file.rel,
                el: runningUser,
                path: 'Dashboard/runningUser',
                message: `runningUser ${runningUser.text.trim()} is a username of one org: it does not exist in another (see DASHBOARD_MODEL in src/verify/reports/catalog.ts)`
            });
        }
        const type = childText(root, 'dashboardType');
        if (type !== DASHBOARD_MODEL.dashboardType) {
            findings.push({
                file: file.rel,
                el: firstChild(root, 'dashboardType') ?? root,
                path: 'Dashboard/dashboardType',
                message: `dashboardType is ${type ?? 'not stated (SpecifiedUser: the deploying user becomes the running user and every viewer sees that user\u2019s data)'}; the kit's model is ${DASHBOARD_MODEL.dashboardType} (each viewer sees their own data)`
            });
        }
        if (type === 'LoggedInUser' || type === 'MyTeamUser') dynamic++;
        if (!childText(root, 'description')) {
            findings.push({ file: file.rel, el: root, path: 'Dashboard', message: 'dashboard has no description' });
        }
        const folder = file.fullName.split('/')[0] ?? '';
        if (!folders.has(folder)) {
            findings.push({
                file: file.rel,
                el: root,
                path: 'Dashboard',
                message: `dashboard folder ${folder} has no .dashboardFolder-meta.xml in the project`
            });
        }
        for (const c of components(root)) checkComponent(findings, file, c, reports);
    }
    if (dynamic > DASHBOARD_MODEL.maxDynamicDashboards) {
        const first = dashboards[0];
        findings.push({
            file: first?.rel ?? 'force-app',
            path: 'Dashboard/dashboardType',
            message: `${dynamic} dynamic dashboards: the kit takes at most ${DASHBOARD_MODEL.maxDynamicDashboards} of an org's dynamic dashboards (Developer Edition has 3, Enterprise 5)`
        });
    }
}
