/**
 * Check `reports` on the shipped report types and reports, and one seeded defect per rule: each seeded edit turns
 * the shipped (clean) metadata into the defective shape, and the gate must name the file, line and element.
 */
import { describe, expect, it } from 'vitest';
import { CI, FA, RP, RT, reportProblems, show } from './reports-harness.js';

const FUNNEL = `${RP}/AG_Lead_Funnel_by_Source_and_Status.report-meta.xml`;
const JOINED = `${RP}/AG_Campaign_Funnel_Joined.report-meta.xml`;
const NO_ROLES = `${RP}/AG_Opportunities_Without_Contact_Roles.report-meta.xml`;
const MISSING = `${RP}/AG_Missing_Primary_Campaign.report-meta.xml`;
const LOST = `${RP}/AG_Converted_Leads_Lost_Lead_Source.report-meta.xml`;

describe('report gate: shipped reports', () => {
    it('the shipped report types, reports, folders and dashboard are clean', () => {
        expect(show(reportProblems())).toEqual([]);
    });
});

describe('report gate: seeded defects in reports', () => {
    it('a column the report type does not offer (typo in a custom field)', () => {
        const problems = reportProblems([{ file: FUNNEL, from: 'Lead$MQL_Date__c', to: 'Lead$MQL_Dat__c' }]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /AG_Lead_Funnel_by_Source_and_Status\.report-meta\.xml:\d+ Report\/columns\[3\]\/field — Lead\$MQL_Dat__c is not a column of report type AG_Leads_Attribution__c/
            )
        ]);
    });

    it('a filter, grouping and time-frame column outside the report type', () => {
        const problems = reportProblems([
            {
                file: NO_ROLES,
                from: '<column>Opportunity$IsClosed</column>',
                to: '<column>Opportunity$IsClosd</column>'
            },
            { file: NO_ROLES, from: '<field>Opportunity$StageName</field>', to: '<field>STAGE_NAME</field>' },
            {
                file: NO_ROLES,
                from: '<dateColumn>Opportunity$CloseDate</dateColumn>',
                to: '<dateColumn>CLOSE_DATE</dateColumn>'
            }
        ]);
        expect(problems.filter((p) => p.file === NO_ROLES).map((p) => p.path)).toEqual([
            'Report/groupingsDown[1]/field',
            'Report/filter/criteriaItems[1]/column',
            'Report/timeFrameFilter/dateColumn'
        ]);
    });

    it('a report type field that does not exist breaks the type and every report using the column', () => {
        const problems = reportProblems([
            {
                file: `${RT}/AG_Leads_Attribution.reportType-meta.xml`,
                from: '<field>SQL_Date__c</field>',
                to: '<field>SQL_Dat__c</field>'
            }
        ]);
        const text = show(problems);
        expect(text).toContainEqual(
            expect.stringMatching(
                /AG_Leads_Attribution\.reportType-meta\.xml:\d+ ReportType\/sections\[1\]\/columns\[6\]\/field — Lead column SQL_Dat__c: field Lead\.SQL_Dat__c does not exist/
            )
        );
        expect(text).toContainEqual(
            expect.stringMatching(/AG_Lead_Funnel_by_Source_and_Status.*Lead\$SQL_Date__c is not a column/)
        );
    });

    it('a lookup path the field catalog cannot follow, and a join on a relationship that is not a child relationship', () => {
        const problems = reportProblems([
            {
                file: `${RT}/AG_Leads_Attribution.reportType-meta.xml`,
                from: '<field>ConvertedOpportunity.LeadSource</field>',
                to: '<field>ConvertedOpportunityId.LeadSource</field>'
            },
            {
                file: `${RT}/AG_Campaigns_Leads.reportType-meta.xml`,
                from: '<relationship>CampaignMembers</relationship>',
                to: '<relationship>CampaignMember</relationship>'
            }
        ]);
        const text = show(problems);
        expect(text).toContainEqual(
            expect.stringMatching(
                /ReportType\/sections\[2\]\/columns\[2\]\/field — Lead column ConvertedOpportunityId\.LeadSource: Lead has no relationship ConvertedOpportunityId/
            )
        );
        expect(text).toContainEqual(
            expect.stringMatching(
                /AG_Campaigns_Leads\.reportType-meta\.xml:\d+ ReportType\/join\/relationship — Campaign has no child relationship CampaignMember/
            )
        );
    });

    it('a grouping that is also a column, and a Summary report without groupings', () => {
        const grouped = reportProblems([
            { file: FUNNEL, from: '<field>Lead$Company</field>', to: '<field>Lead$LeadSource</field>' }
        ]);
        expect(show(grouped.filter((p) => p.file === FUNNEL))).toEqual([
            expect.stringMatching(/Report\/columns\[2\] — Lead\$LeadSource is both a grouping and a column/)
        ]);
        const ungrouped = reportProblems([{ file: LOST, from: /<groupingsDown>[\s\S]*<\/groupingsDown>\n/, to: '' }]);
        expect(show(ungrouped)).toEqual([
            expect.stringMatching(/Report\/format — a Summary report needs at least one groupingsDown/),
            // the dashboard component charting that report loses its grouping too
            expect.stringMatching(
                /groupingColumn\[1\] — Lead\$LeadSource is not a grouping of Attribution_Guardrails\/AG_Converted_Leads_Lost_Lead_Source \(groupings: none\)/
            )
        ]);
    });

    it('the "without Contact Roles" cross filter on the wrong join column, the wrong table, or not on the Id', () => {
        const wrongColumn = reportProblems([
            {
                file: NO_ROLES,
                from: '<relatedTableJoinColumn>Opportunity</relatedTableJoinColumn>',
                to: '<relatedTableJoinColumn>OpportunityId</relatedTableJoinColumn>'
            }
        ]);
        expect(show(wrongColumn)).toEqual([
            expect.stringMatching(
                /crossFilters\[1\]\/relatedTableJoinColumn — OpportunityContactRole joins Opportunity on Opportunity, not OpportunityId/
            )
        ]);
        const wrongTable = reportProblems([
            {
                file: NO_ROLES,
                from: '<relatedTable>OpportunityContactRole</relatedTable>',
                to: '<relatedTable>Contact</relatedTable>'
            }
        ]);
        expect(show(wrongTable)).toEqual([
            expect.stringMatching(/crossFilters\[1\]\/relatedTable — Contact is not a child object of Opportunity/)
        ]);
        const notId = reportProblems([
            {
                file: NO_ROLES,
                from: '<primaryTableColumn>Opportunity$Id</primaryTableColumn>',
                to: '<primaryTableColumn>Opportunity$Name</primaryTableColumn>'
            }
        ]);
        expect(show(notId)).toEqual([
            expect.stringMatching(
                /primaryTableColumn — the cross filter must join on the Opportunity record's Id \(Opportunity\$Id\)/
            )
        ]);
    });

    it('a filter that hard-codes an exempt Lead Source (a rule value of Attribution_Rules__mdt)', () => {
        const problems = reportProblems([
            {
                file: MISSING,
                from: '        <criteriaItems>\n            <column>Opportunity$CampaignId</column>',
                to: '        <criteriaItems>\n            <column>Opportunity$LeadSource</column>\n            <operator>notEqual</operator>\n            <value>Outbound</value>\n        </criteriaItems>\n        <criteriaItems>\n            <column>Opportunity$CampaignId</column>'
            }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /AG_Missing_Primary_Campaign\.report-meta\.xml:\d+ Report\/filter\/criteriaItems\[1\]\/value — filter hard-codes "Outbound" for Opportunity\.LeadSource, a rule value/
            )
        ]);
    });

    it('a field-to-field filter naming a column the report type lacks', () => {
        const problems = reportProblems([
            { file: LOST, from: '<value>Lead$LeadSource</value>', to: '<value>Lead$Lead_Source__c</value>' }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(/Report\/filter\/criteriaItems\[3\]\/value — Lead\$Lead_Source__c is not a column/)
        ]);
    });

    it('an unknown report type, and a standard type with a token outside the catalog', () => {
        const unknown = reportProblems([
            {
                file: FUNNEL,
                from: '<reportType>AG_Leads_Attribution__c</reportType>',
                to: '<reportType>AG_Leads__c</reportType>'
            }
        ]);
        expect(show(unknown)).toEqual([
            expect.stringMatching(
                /Report\/reportType — report type AG_Leads__c is neither a custom report type of the project/
            )
        ]);
        const standard = `<?xml version="1.0" encoding="UTF-8"?>
<Report xmlns="http://soap.sforce.com/2006/04/metadata">
    <columns>
        <field>COMPANY</field>
    </columns>
    <columns>
        <field>Lead.MQL_Date__c</field>
    </columns>
    <description>Standard Leads report.</description>
    <format>Summary</format>
    <groupingsDown>
        <field>LEAD_SOURCES</field>
        <sortOrder>Asc</sortOrder>
    </groupingsDown>
    <name>Standard Leads</name>
    <reportType>LeadList</reportType>
</Report>
`;
        const problems = reportProblems([{ file: `${RP}/Standard_Leads.report-meta.xml`, to: standard }]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /Standard_Leads\.report-meta\.xml:12 Report\/groupingsDown\[1\]\/field — LEAD_SOURCES is not a column of report type LeadList/
            )
        ]);
        expect(
            show(
                reportProblems([
                    {
                        file: `${RP}/Standard_Leads.report-meta.xml`,
                        to: standard.replace('LEAD_SOURCES', 'LEAD_SOURCE')
                    }
                ])
            )
        ).toEqual([]);
    });

    it('a force-app report on the Campaign Influence report type, which ships in campaign-influence/', () => {
        const problems = reportProblems([
            { file: FUNNEL, from: /AG_Leads_Attribution__c/, to: 'AG_Campaign_Influence__c' }
        ]);
        expect(show(problems)).toContainEqual(
            expect.stringMatching(
                /Report\/reportType — report type AG_Campaign_Influence__c lives in campaign-influence\/, this report in force-app\/: each directory deploys on its own/
            )
        );
    });

    it('a report name over 40 characters, a report without a description, a report outside any folder', () => {
        const long = reportProblems([
            {
                file: FUNNEL,
                from: '<name>Lead Funnel by Lead Source and Status</name>',
                to: '<name>Lead Funnel by Lead Source and Status, all time</name>'
            }
        ]);
        expect(show(long)).toEqual([
            expect.stringMatching(/Report\/name — name is 47 characters; a report name holds at most 40/)
        ]);
        const undescribed = reportProblems([{ file: FUNNEL, from: /<description>.*<\/description>\n/, to: '' }]);
        expect(show(undescribed)).toEqual([expect.stringMatching(/Report — report has no description/)]);
        const orphan = reportProblems([
            {
                file: `${CI}/reports/Marketing/AG_Orphan.report-meta.xml`,
                to: '<?xml version="1.0" encoding="UTF-8"?>\n<Report xmlns="http://soap.sforce.com/2006/04/metadata">\n    <description>x</description>\n    <format>Tabular</format>\n    <name>Orphan</name>\n    <reportType>AG_Campaign_Influence__c</reportType>\n</Report>\n'
            }
        ]);
        expect(show(orphan)).toEqual([
            expect.stringMatching(
                /AG_Orphan\.report-meta\.xml:2 Report — report folder Marketing has no \.reportFolder-meta\.xml/
            )
        ]);
    });
});

describe('report gate: seeded defects in the joined report', () => {
    it('a global grouping one block does not offer, a Tabular block, a single block', () => {
        const grouping = reportProblems([
            {
                file: JOINED,
                from: '<field>Campaign$Name</field>',
                to: '<field>Campaign.Opportunities$LeadSource</field>'
            }
        ]);
        expect(show(grouping)).toEqual([
            expect.stringMatching(
                /Report\/groupingsDown\[1\]\/field — a joined report groups only on a column every block offers; Campaign\.Opportunities\$LeadSource is not in AG_Campaigns_Leads__c/
            )
        ]);
        const tabular = reportProblems([
            { file: JOINED, from: '<format>Summary</format>', to: '<format>Tabular</format>' }
        ]);
        expect(show(tabular)).toEqual([
            expect.stringMatching(
                /Report\/block\[1\]\/format — a joined report's block must be Summary or Matrix, not Tabular/
            )
        ]);
        const single = reportProblems([
            {
                file: JOINED,
                from: /    <block>\n        <blockInfo>\n            <blockId>B2[\s\S]*?    <\/block>\n/,
                to: ''
            }
        ]);
        expect(show(single)).toEqual([expect.stringMatching(/a joined report holds 2-5 blocks, this one 1/)]);
    });

    it("a block column of the other block's report type", () => {
        const problems = reportProblems([
            {
                file: JOINED,
                from: '<field>Campaign.CampaignMembers$Status</field>',
                to: '<field>Campaign.Opportunities$StageName</field>'
            }
        ]);
        expect(show(problems)).toEqual([
            expect.stringMatching(
                /Report\/block\[1\]\/columns\[3\]\/field — Campaign\.Opportunities\$StageName is not a column of report type AG_Campaigns_Leads__c/
            )
        ]);
    });
});

describe('report gate: folders', () => {
    it('a folder shared with a role a new org does not have, or with nobody', () => {
        const folder = `${FA}/reports/Attribution_Guardrails.reportFolder-meta.xml`;
        const role = reportProblems([
            {
                file: folder,
                from: '<sharedTo>AllInternalUsers</sharedTo>\n        <sharedToType>Group</sharedToType>',
                to: '<sharedTo>CEO</sharedTo>\n        <sharedToType>Role</sharedToType>'
            }
        ]);
        expect(show(role)).toEqual([
            expect.stringMatching(/ReportFolder\/folderShares\[1\] — shared to Role CEO: a new org has no such role/)
        ]);
        const nobody = reportProblems([{ file: folder, from: /    <folderShares>[\s\S]*<\/folderShares>\n/, to: '' }]);
        expect(show(nobody)).toEqual([expect.stringMatching(/ReportFolder — folder is shared with nobody/)]);
    });
});
