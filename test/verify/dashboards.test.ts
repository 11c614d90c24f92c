/**
 * Check `reports` on the Attribution Health dashboard, one seeded defect per rule, and the schema check on the
 * report metadata types (Report, ReportType, Dashboard and both folder types are validated against the WSDL).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/verify/gate.js';
import { DTS, REPO, WSDL } from './helpers.js';
import { DB, FA, RP, RT, reportProblems, reportProject, show } from './reports-harness.js';

describe('report gate: seeded defects in the dashboard', () => {
    it('a stored running user (a username of one org) and a SpecifiedUser dashboard', () => {
        const problems = reportProblems([
            {
                file: DB,
                from: '    <textColor>',
                to: '    <runningUser>admin@attribution-demo.example</runningUser>\n    <textColor>'
            },
            {
                file: DB,
                from: '<dashboardType>LoggedInUser</dashboardType>',
                to: '<dashboardType>SpecifiedUser</dashboardType>'
            }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /Attribution_Health\.dashboard-meta\.xml:\d+ Dashboard\/runningUser — runningUser admin@attribution-demo\.example is a username of one org/
            ),
            expect.stringMatching(
                /Dashboard\/dashboardType — dashboardType is SpecifiedUser; the kit's model is LoggedInUser/
            )
        ]);
    });

    it('no dashboardType at all (SpecifiedUser by default: the deploying user becomes the running user)', () => {
        const problems = reportProblems([
            { file: DB, from: '    <dashboardType>LoggedInUser</dashboardType>\n', to: '' }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(/dashboardType is not stated \(SpecifiedUser: the deploying user/)
        ]);
    });

    it("a second dynamic dashboard exceeds the kit's budget of the edition's dynamic dashboards", () => {
        const copy = readFileSync(join(REPO, DB), 'utf8').replace(
            '<title>Attribution Health</title>',
            '<title>Attribution Health 2</title>'
        );
        const problems = reportProblems([
            { file: DB.replace('Attribution_Health.', 'Attribution_Health_2.'), to: copy }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /Dashboard\/dashboardType — 2 dynamic dashboards: the kit takes at most 1 of an org's dynamic dashboards/
            )
        ]);
    });

    it('a component on a report that does not exist, or that lives in campaign-influence/', () => {
        const missing = reportProblems([
            {
                file: DB,
                from: 'Attribution_Guardrails/AG_Lead_Funnel_by_Source_and_Status<',
                to: 'Attribution_Guardrails/AG_Lead_Funnel<'
            }
        ]);
        expect(show(missing)).toEqual([
            expect.stringMatching(
                /dashboardGridComponents\[1\]\/dashboardComponent\/report — report Attribution_Guardrails\/AG_Lead_Funnel is not in the project/
            )
        ]);
        const influence = reportProblems([
            {
                file: DB,
                from: 'Attribution_Guardrails/AG_Pipeline_by_Primary_Campaign<',
                to: 'Attribution_Guardrails/AG_Influenced_Pipeline_by_Campaign<'
            }
        ]);
        expect(show(influence)).toContainEqual(
            expect.stringMatching(
                /dashboardGridComponents\[2\]\/dashboardComponent\/report — report Attribution_Guardrails\/AG_Influenced_Pipeline_by_Campaign lives in campaign-influence\/, this dashboard in force-app\//
            )
        );
    });

    it('a grouping column the report does not group on, a summary the report does not compute', () => {
        const grouping = reportProblems([
            {
                file: DB,
                from: '<groupingColumn>Opportunity$StageName</groupingColumn>',
                to: '<groupingColumn>Opportunity$LeadSource</groupingColumn>'
            }
        ]);
        expect(show(grouping)).toEqual([
            expect.stringMatching(
                /dashboardGridComponents\[5\]\/dashboardComponent\/groupingColumn\[1\] — Opportunity\$LeadSource is not a grouping of Attribution_Guardrails\/AG_Opportunities_Without_Contact_Roles \(groupings: Opportunity\$StageName\)/
            )
        ]);
        const average = reportProblems([
            { file: DB, from: '<aggregate>Sum</aggregate>', to: '<aggregate>Average</aggregate>' }
        ]);
        expect(show(average)).toEqual([
            expect.stringMatching(
                /dashboardGridComponents\[2\]\/dashboardComponent\/chartSummary\[1\] — Average of Opportunity\$Amount is not a summary .*its aggregates of Opportunity\$Amount: Sum/
            )
        ]);
        const unaggregated = reportProblems([
            {
                file: `${RP}/AG_Pipeline_by_Primary_Campaign.report-meta.xml`,
                from: '<aggregateTypes>Sum</aggregateTypes>\n',
                to: ''
            }
        ]);
        expect(show(unaggregated)).toEqual([
            expect.stringMatching(/chartSummary\[1\] — Sum of Opportunity\$Amount is not a summary .*none/)
        ]);
    });

    it('a dashboard folder shared with a public group the kit does not ship', () => {
        const problems = reportProblems([
            {
                file: `${FA}/dashboards/Attribution_Guardrails.dashboardFolder-meta.xml`,
                from: '<sharedTo>AllInternalUsers</sharedTo>',
                to: '<sharedTo>RevOps</sharedTo>'
            }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /DashboardFolder\/folderShares\[1\] — shared to Group RevOps: a new org has no such group/
            )
        ]);
    });
});

describe('schema check covers the report metadata types', () => {
    it('d.ts: the shipped reports, report types, dashboard and folders validate', async () => {
        const clean = await runGate({ root: reportProject(), schema: DTS, skipPackaging: true, preconditions: false });
        expect(show(clean.problems.filter((p) => p.check === 'schema' || p.check === 'reports'))).toEqual([]);
    });

    it('WSDL: they validate, and seeded enumeration errors in each type fail', async () => {
        if (!WSDL) return expect.fail('the v66 WSDL is required for this test (SF_METADATA_WSDL)');
        const clean = await runGate({ root: reportProject(), schema: WSDL, skipPackaging: true, preconditions: false });
        expect(show(clean.problems.filter((p) => p.check === 'schema' || p.check === 'reports'))).toEqual([]);
        const broken = reportProject([
            {
                file: `${RP}/AG_Campaign_Funnel_Joined.report-meta.xml`,
                from: '<format>MultiBlock</format>',
                to: '<format>Joined</format>'
            },
            {
                file: `${RT}/AG_Leads_Attribution.reportType-meta.xml`,
                from: '<category>leads</category>',
                to: '<category>lead</category>'
            },
            {
                file: DB,
                from: '<dashboardType>LoggedInUser</dashboardType>',
                to: '<dashboardType>Dynamic</dashboardType>'
            },
            {
                file: `${FA}/reports/Attribution_Guardrails.reportFolder-meta.xml`,
                from: '<accessLevel>View</accessLevel>',
                to: '<accessLevel>Read</accessLevel>'
            }
        ]);
        const result = await runGate({ root: broken, schema: WSDL, skipPackaging: true, preconditions: false });
        expect(
            result.problems.filter((p) => p.check === 'schema').map((p) => `${p.file.split('/').pop()} ${p.path}`)
        ).toEqual([
            'Attribution_Health.dashboard-meta.xml Dashboard/dashboardType',
            'Attribution_Guardrails.reportFolder-meta.xml ReportFolder/folderShares/accessLevel',
            'AG_Campaign_Funnel_Joined.report-meta.xml Report/format',
            'AG_Leads_Attribution.reportType-meta.xml ReportType/category'
        ]);
    });
});
