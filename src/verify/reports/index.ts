/**
 * Check `reports`: custom report types, reports, dashboards and their folders against the report catalog
 * (`catalog.ts`) and the field catalog. The schema check validates the same files against the Metadata API WSDL.
 */
import type { MetadataFile } from '../project.js';
import { problem, type Problem } from '../problems.js';
import { collectFields, ObjectCatalog, type StandardCatalog } from '../refs/catalog.js';
import { REPORT_TEXT_LIMITS } from './catalog.js';
import { checkDashboards, reportInfo, type ReportInfo } from './check-dashboards.js';
import { checkFolder, checkReport } from './check-reports.js';
import { ofType, readCustomReportType, standardReportType, type Finding, type ReportTypeModel } from './model.js';
import { childText, firstChild } from '../xml.js';

export function checkReports(files: readonly MetadataFile[], standard: StandardCatalog): Problem[] {
    const fields = collectFields(files);
    const projectObjects = new Set(ofType(files, 'CustomObject').map((f) => f.fullName));
    const catalog = new ObjectCatalog(standard, projectObjects, fields);
    const findings: Finding[] = [];

    const custom = new Map<string, ReportTypeModel>();
    for (const file of ofType(files, 'ReportType')) {
        const model = readCustomReportType(file, catalog, findings);
        custom.set(model.name, model);
        const label = childText(file.root, 'label') ?? '';
        if (label.length > REPORT_TEXT_LIMITS.reportTypeLabel) {
            findings.push({
                file: file.rel,
                el: firstChild(file.root, 'label'),
                path: 'ReportType/label',
                message: `label is ${label.length} characters; a report type label holds at most ${REPORT_TEXT_LIMITS.reportTypeLabel}`
            });
        }
        if (!childText(file.root, 'description')) {
            findings.push({
                file: file.rel,
                el: file.root,
                path: 'ReportType',
                message: 'report type has no description'
            });
        }
    }
    const customFieldNames = fields.map((f) => `${f.object}.${f.name}`);
    const reportTypes = (name: string): ReportTypeModel | undefined =>
        custom.get(name) ?? standardReportType(name, catalog, customFieldNames);

    const reportFolders = ofType(files, 'ReportFolder');
    const dashboardFolders = ofType(files, 'DashboardFolder');
    for (const f of reportFolders) checkFolder(findings, f, 'ReportFolder');
    for (const f of dashboardFolders) checkFolder(findings, f, 'DashboardFolder');

    const reports = new Map<string, ReportInfo>();
    const folderNames = new Set(reportFolders.map((f) => f.fullName));
    for (const file of ofType(files, 'Report')) {
        checkReport({ catalog, reportTypes, findings }, file, folderNames);
        reports.set(file.fullName, reportInfo(file));
    }
    checkDashboards(findings, ofType(files, 'Dashboard'), reports, new Set(dashboardFolders.map((f) => f.fullName)));

    return findings.map((f) =>
        problem('reports', f.file, f.message, f.el ? { line: f.el.line, path: f.path } : { path: f.path })
    );
}
