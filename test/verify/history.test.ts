/** The `history` check: tracked fields the org can accept, within the per-object budget, covering attribution. */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../src/verify/check-history.js';
import { ATTRIBUTION_TRACKED_FIELDS, HISTORY_FACTS, KIT_TRACKED_FIELDS_MAX } from '../../src/verify/history.js';
import { loadProject } from '../../src/verify/project.js';
import { DEFAULT, gate, lines, REPO, seeded } from './helpers.js';

const LEAD_UTM = `${DEFAULT}/objects/Lead/fields/UTM_Source__c.field-meta.xml`;
const OPP_PERSONA = `${DEFAULT}/objects/Opportunity/fields/Persona__c.field-meta.xml`;
const CAMPAIGN = 'unpackaged/main/default/objects/Opportunity/fields/CampaignId.field-meta.xml';

const textField = (name: string, extra = ''): string => `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <description>A field.</description>
    <inlineHelpText>Help.</inlineHelpText>
    <label>${name}</label>
    <length>255</length>
    <required>false</required>${extra}
    <trackHistory>true</trackHistory>
    <type>Text</type>
</CustomField>
`;

async function history(dir: string): Promise<string[]> {
    return lines((await gate(dir)).filter((p) => p.check === 'history'));
}

describe('history check on seeded defects', () => {
    it('accepts the good fixture', async () => {
        expect(await history(seeded([]))).toEqual([]);
    });

    it('fails a tracked field on an object whose history the kit does not assume or enable', async () => {
        const account = `${DEFAULT}/objects/Account/fields/Tier__c.field-meta.xml`;
        const custom = `${DEFAULT}/objects/Program__c/Program__c.object-meta.xml`;
        const dir = seeded([
            { file: account, to: textField('Tier__c') },
            {
                file: custom,
                to: `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <description>A program.</description>
    <enableHistory>false</enableHistory>
    <label>Program</label>
    <nameField>
        <label>Program Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>Programs</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`
            },
            { file: `${DEFAULT}/objects/Program__c/fields/Level__c.field-meta.xml`, to: textField('Level__c') },
            {
                file: `${DEFAULT}/objects/Attribution_Rules__mdt/fields/Exempt_Lead_Sources__c.field-meta.xml`,
                from: '    <type>',
                to: '    <trackHistory>true</trackHistory>\n    <type>'
            }
        ]);
        const found = await history(dir);
        expect(found.join('\n')).toContain(
            `${account}:9 [history] CustomField/trackHistory — Account.Tier__c is tracked but Account history is off until an admin enables it, and the deploy fails ("The entity: Account does not have history tracking enabled"): list Account in HISTORY_ENABLED_OBJECTS (src/verify/history.ts) with the install step that enables it`
        );
        expect(found.join('\n')).toContain(
            'Program__c.Level__c is tracked but Program__c does not enable history (<enableHistory>true</enableHistory> in Program__c.object-meta.xml): the deploy fails'
        );
        expect(found.join('\n')).toContain(
            'Attribution_Rules__mdt.Exempt_Lead_Sources__c is tracked but custom metadata type Attribution_Rules__mdt has no field history: its fields cannot be tracked'
        );
        expect(found).toHaveLength(3);
    });

    it('fails a formula field and a field the kit deliberately leaves to Stage History', async () => {
        const formula = `${DEFAULT}/objects/Lead/fields/Score__c.field-meta.xml`;
        const stage = 'unpackaged/main/default/objects/Opportunity/fields/StageName.field-meta.xml';
        const dir = seeded([
            { file: formula, to: textField('Score__c', '\n    <formula>1</formula>') },
            { file: stage, to: readFileSync(join(REPO, CAMPAIGN), 'utf8').replace('CampaignId', 'StageName') }
        ]);
        expect((await history(dir)).map((l) => l.replace(/^.*? — /, ''))).toEqual([
            'Lead.Score__c is a formula field, which cannot be tracked',
            'Opportunity.StageName is tracked although OpportunityHistory (Stage History) already records every stage change in every org, without using one of the 20 tracked-field slots'
        ]);
    });

    it('fails an object with more tracked fields than the limit minus the headroom', async () => {
        const extra = Array.from({ length: KIT_TRACKED_FIELDS_MAX }, (_, i) => `Extra_${i + 1}__c`);
        const dir = seeded(
            extra.map((name) => ({
                file: `${DEFAULT}/objects/Lead/fields/${name}.field-meta.xml`,
                to: textField(name)
            }))
        );
        const found = await history(dir);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatch(
            /^force-app\/main\/default\/objects\/Lead\/fields\/Extra_\d+__c\.field-meta\.xml:2 \[history\] CustomField — Lead: the project tracks 13 fields \(.*\), more than 10 \(20 per object minus 10 left to the org's own tracking\)$/
        );
        // exactly at the maximum passes
        const atMax = seeded(
            extra
                .slice(0, KIT_TRACKED_FIELDS_MAX - 3)
                .map((name) => ({ file: `${DEFAULT}/objects/Lead/fields/${name}.field-meta.xml`, to: textField(name) }))
        );
        expect(await history(atMax)).toEqual([]);
    });

    it('fails an attribution field that is not tracked, custom or standard', async () => {
        const dir = seeded([
            { file: LEAD_UTM, from: '    <trackHistory>true</trackHistory>\n', to: '' },
            { file: OPP_PERSONA, from: '<trackHistory>true</trackHistory>', to: '<trackHistory>false</trackHistory>' }
        ]);
        // the Primary Campaign Source file removed: Opportunity is extended by the project, so CampaignId must be tracked
        rmSync(join(dir, CAMPAIGN));
        expect(await history(dir)).toEqual([
            `${LEAD_UTM}:2 [history] CustomField — attribution field Lead.UTM_Source__c is not tracked: add <trackHistory>true</trackHistory> so overwrites can be traced`,
            `${OPP_PERSONA}:8 [history] CustomField/trackHistory — attribution field Opportunity.Persona__c is not tracked: add <trackHistory>true</trackHistory> so overwrites can be traced`,
            `${CAMPAIGN}:- [history]  — attribution field Opportunity.CampaignId is not tracked: ship this standard-field file with <trackHistory>true</trackHistory> (an unlocked package cannot hold standard fields)`
        ]);
    });
});

describe('standard-field files', () => {
    it('must name a standard field that exists (a typo is not a new field)', async () => {
        const typo = 'unpackaged/main/default/objects/Opportunity/fields/CampaignID.field-meta.xml';
        const dir = seeded([
            { file: typo, to: readFileSync(join(REPO, CAMPAIGN), 'utf8').replace('CampaignId', 'CampaignID') }
        ]);
        expect(lines((await gate(dir)).filter((p) => p.check === 'references'))).toEqual([
            `${typo}:2 [references] CustomField/fullName — standard field Opportunity.CampaignID is not in standard-fields.json (a typo, or a field to add there)`
        ]);
    });
});

describe('history tracking of the repository', () => {
    const project = loadProject(REPO);

    it('tracks every attribution field, within the budget on every object', () => {
        expect(checkHistory(project.files, HISTORY_FACTS)).toEqual([]);
        const tracked = new Map<string, string[]>();
        for (const f of project.files) {
            if (f.sdrType !== 'CustomField' || !f.fullName || !f.root) continue;
            if (!f.root.children.some((c) => c.name === 'trackHistory' && c.text.trim() === 'true')) continue;
            const [object = '', field = ''] = f.fullName.split('.');
            tracked.set(object, [...(tracked.get(object) ?? []), field]);
        }
        for (const [object, fields] of Object.entries(ATTRIBUTION_TRACKED_FIELDS)) {
            expect(new Set(tracked.get(object)), object).toEqual(new Set(fields));
            expect(fields.length, `${object} within the kit's share`).toBeLessThanOrEqual(KIT_TRACKED_FIELDS_MAX);
        }
        expect([...tracked.keys()].sort()).toEqual(['Contact', 'Lead', 'Opportunity']);
    });

    it('keeps standard fields out of the unlocked package directory', () => {
        const standardInPackage = project.files.filter(
            (f) => f.sdrType === 'CustomField' && f.rel.startsWith('force-app/') && !f.fullName?.endsWith('__c')
        );
        expect(standardInPackage.map((f) => f.rel)).toEqual([]);
        const standardFiles = readdirSync(join(REPO, 'unpackaged/main/default/objects'), { recursive: true })
            .map(String)
            .filter((p) => p.endsWith('.field-meta.xml'))
            .sort();
        const dirs = (
            JSON.parse(readFileSync(join(REPO, 'sfdx-project.json'), 'utf8')) as {
                packageDirectories: { path: string; package?: string }[];
            }
        ).packageDirectories;
        expect(
            dirs.find((d) => d.path === 'unpackaged'),
            'unpackaged/ is deployed from source, never packaged'
        ).toEqual({
            path: 'unpackaged',
            default: false
        });
        expect(standardFiles).toEqual([
            'Contact/fields/LeadSource.field-meta.xml',
            'Lead/fields/LeadSource.field-meta.xml',
            'Opportunity/fields/CampaignId.field-meta.xml',
            'Opportunity/fields/LeadSource.field-meta.xml'
        ]);
    });
});
