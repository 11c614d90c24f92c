/**
 * Issue 7 item 3: the Apex tests must pass in any org, so no Apex test class may spell an Opportunity stage, a Lead
 * Status or a Lead Source (an admin changes Attribution_Rules.Default, the org's picklists differ, and a production
 * deploy running all local tests would fail). Every such value is read at run time by the tests' configuration
 * reader, the class `AttributionTestConfig` (which `AttributionTestFactory.config()` returns), the only place such a
 * literal may appear. The seeded defects are the classes from before the reader existed. The values come
 * from the project: the demo-org standard value sets and the value lists of the shipped Default record (the
 * fields refs/governed.ts maps to these value sets), plus Salesforce's stock statuses the audit knows. Literals are
 * read from the jorje syntax tree (Apex and SOQL strings), compared trimmed and case-insensitively.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseValueSet, STOCK_CONVERTED_STATUSES, STOCK_OPEN_STATUSES } from '../../src/audit/config.js';
import { loadCustomMetadataRecord } from '../../src/formula/metadata.js';
import { parseApex, type ApexUnit } from '../../src/verify/apex/ast.js';
import { isTestClass, stringLiterals } from '../../src/verify/apex/literals.js';
import { RECORD_VALUE_LISTS } from '../../src/verify/refs/governed.js';
import { DEFAULT_DIR } from './helpers.js';

/** The configuration reader (a top-level class): literals inside it are allowed (it is where values are derived). */
const CONFIG_READER = 'AttributionTestConfig';
const GOVERNED_SETS = ['OpportunityStage', 'LeadStatus', 'LeadSource'] as const;
const CLASSES_DIR = join(DEFAULT_DIR, 'classes');
const FIXTURES = join('test', 'rules', 'fixtures', 'apex-literals');

function orgSpecificValues(): Map<string, string> {
    const values = new Map<string, string>();
    const add = (value: string, origin: string): void => {
        const key = value.trim().toLowerCase();
        if (key && !values.has(key)) values.set(key, origin);
    };
    for (const set of GOVERNED_SETS) {
        const file = `demo-org/main/default/standardValueSets/${set}.standardValueSet-meta.xml`;
        for (const v of parseValueSet(readFileSync(file, 'utf8'), file)) add(v, `${set} standard value set`);
    }
    const record = loadCustomMetadataRecord(
        join(DEFAULT_DIR, 'customMetadata', 'Attribution_Rules.Default.md-meta.xml')
    );
    for (const [field, set] of Object.entries(RECORD_VALUE_LISTS)) {
        if (!field.startsWith('Attribution_Rules__mdt.') || !(GOVERNED_SETS as readonly string[]).includes(set))
            continue;
        const value = record[field.replace('__mdt.', '__mdt.Default.')]?.value;
        if (typeof value === 'string') for (const v of value.split(';')) add(v, `Attribution_Rules.Default ${field}`);
    }
    for (const v of [...STOCK_CONVERTED_STATUSES, ...STOCK_OPEN_STATUSES]) add(v, 'stock Lead Status');
    return values;
}

async function units(dir: string): Promise<ApexUnit[]> {
    const names = readdirSync(dir)
        .filter((n) => n.endsWith('.cls'))
        .sort();
    return Promise.all(names.map(async (n) => parseApex(readFileSync(join(dir, n), 'utf8'), n)));
}

/** `File.cls:line where: 'value' (origin)` for every org-specific literal outside the configuration reader. */
function offending(parsed: readonly ApexUnit[], values: ReadonlyMap<string, string>): string[] {
    return parsed
        .filter(isTestClass)
        .flatMap(stringLiterals)
        .filter((l) => !(l.where === CONFIG_READER || l.where.startsWith(`${CONFIG_READER}.`)))
        .filter((l) => values.has(l.value.trim().toLowerCase()))
        .map((l) => `${l.file}:${l.line} ${l.where}: '${l.value}' (${values.get(l.value.trim().toLowerCase()) ?? ''})`);
}

describe('Apex tests spell no stage, Lead Status or Lead Source', () => {
    const values = orgSpecificValues();

    it('takes the values from the project (standard value sets and the Default record)', () => {
        for (const v of ['closed lost', 'proposal/quote', 'qualification', 'working', 'converted', 'web', 'outbound']) {
            expect(values.has(v), v).toBe(true);
        }
        expect(values.size).toBeGreaterThan(20);
    });

    it('finds none in the shipped Apex test classes outside AttributionTestConfig', async () => {
        const parsed = await units(CLASSES_DIR);
        expect(parsed.filter(isTestClass).length).toBeGreaterThanOrEqual(6);
        expect(offending(parsed, values)).toEqual([]);
    });

    it('the configuration reader exists and reads the configuration and the org at run time', () => {
        const reader = readFileSync(join(CLASSES_DIR, `${CONFIG_READER}.cls`), 'utf8');
        expect(reader).toMatch(/@IsTest\s+public with sharing class AttributionTestConfig \{/);
        expect(reader).toContain("Attribution_Rules__mdt.getInstance('Default')");
        expect(reader).toContain('Persona_Role_Mapping__mdt.getAll()');
        expect(reader).toMatch(/FROM OpportunityStage\s+WHERE IsActive = TRUE/);
        expect(reader).toMatch(/FROM LeadStatus/);
        expect(reader).toContain('Lead.LeadSource.getDescribe()');
    });

    it('the tests get the reader only through AttributionTestFactory.config(), which caches it', () => {
        const factory = readFileSync(join(CLASSES_DIR, 'AttributionTestFactory.cls'), 'utf8');
        expect(factory).toMatch(
            /public static AttributionTestConfig config\(\) \{\s+if \(active == null\) \{\s+active = new AttributionTestConfig\(\);/
        );
        const constructing = readdirSync(CLASSES_DIR)
            .filter((n) => n.endsWith('.cls') && n !== 'AttributionTestFactory.cls')
            .filter((n) => /new AttributionTestConfig\s*\(/.test(readFileSync(join(CLASSES_DIR, n), 'utf8')));
        expect(constructing).toEqual([]);
    });

    it('seeded defect: fails on the old shape (demo values in the factory and the campaign rule test)', async () => {
        const found = offending(await units(FIXTURES), values);
        const spelled = new Set(found.map((f) => /'([^']+)'/.exec(f)?.[1]));
        for (const v of ['Closed Lost', 'Qualification', 'Proposal/Quote', 'Negotiation', 'Open', 'Web', 'Webinar']) {
            expect(spelled.has(v), `${v} in ${found.join('\n')}`).toBe(true);
        }
        expect(found).toContain(
            "AttributionTestFactory.cls:13 AttributionTestFactory: 'Closed Lost' (OpportunityStage standard value set)"
        );
        expect(found).toContain(
            "RequirePrimaryCampaignSourceTest.cls:78 RequirePrimaryCampaignSourceTest.exemptLeadSourceSaves: 'Outbound' (LeadSource standard value set)"
        );
    });

    it('seeded defect: a literal in SOQL counts, and a literal inside AttributionTestConfig does not', async () => {
        const reader = `@IsTest
public with sharing class AttributionTestConfig {
    public String x = 'Closed Lost';
    public Boolean isWon(String stage) {
        return stage == 'Closed Won';
    }
}
`;
        const factory = `@IsTest
public with sharing class AttributionTestFactory {
    static void y() {
        List<Opportunity> o = [SELECT Id FROM Opportunity WHERE StageName = 'Negotiation'];
    }
}
`;
        const parsed = [
            await parseApex(reader, 'AttributionTestConfig.cls'),
            await parseApex(factory, 'AttributionTestFactory.cls')
        ];
        expect(offending(parsed, values)).toEqual([
            "AttributionTestFactory.cls:4 AttributionTestFactory.y: 'Negotiation' (OpportunityStage standard value set)"
        ]);
    });

    it('seeded defect: the old inner reader AttributionTestFactory.Config is no longer exempt', async () => {
        const src = `@IsTest
public with sharing class AttributionTestFactory {
    public with sharing class Config {
        public String x = 'Closed Lost';
    }
}
`;
        expect(offending([await parseApex(src, 'AttributionTestFactory.cls')], values)).toEqual([
            "AttributionTestFactory.cls:4 AttributionTestFactory.Config: 'Closed Lost' (OpportunityStage standard value set)"
        ]);
    });
});
