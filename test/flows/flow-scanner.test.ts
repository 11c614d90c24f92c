/**
 * Lints every flow with @flow-scanner/lightning-flow-scanner-core 6.6.0 (parse + scan) and fails on any
 * error-severity finding. All rules run at their default severities; none is turned off.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import scanner from '@flow-scanner/lightning-flow-scanner-core';
import { describe, expect, it } from 'vitest';
import { FLOW_DIR } from './helpers.js';

const { parse, scan } = scanner;
const files = readdirSync(FLOW_DIR)
    .filter((f) => f.endsWith('.flow-meta.xml'))
    .map((f) => resolve(join(FLOW_DIR, f)));

describe('lightning-flow-scanner-core', () => {
    it('parses all five flows and reports no error-severity finding', async () => {
        const results = scan(await parse(files));
        expect(results.map((r) => r.flow.name).sort()).toEqual([
            'Lead_After_Conversion',
            'Lead_Funnel_Stamps',
            'Opportunity_Campaign_Auto_Association',
            'Opportunity_Contact_Role_Delete_Guard',
            'Opportunity_Contact_Role_Gate'
        ]);
        const findings = results.flatMap((r) =>
            r.ruleResults
                .filter((rule) => rule.occurs)
                .map(
                    (rule) =>
                        `${r.flow.name}: [${rule.severity}] ${rule.ruleName} ${rule.details.map((d) => d.name).join(', ')}`
                )
        );
        expect(findings.filter((f) => f.includes('[error]'))).toEqual([]);
        // the flows are also free of warnings (e.g. GetRecordAllFields, MissingFaultPath) today
        expect(findings).toEqual([]);
    });

    it('flags a flow whose DML lost its fault connector (the scanner is live, not vacuous)', async () => {
        const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
        const { tmpdir } = await import('node:os');
        const dir = mkdtempSync(join(tmpdir(), 'flow-scan-'));
        const source = readFileSync(join(FLOW_DIR, 'Opportunity_Campaign_Auto_Association.flow-meta.xml'), 'utf8');
        const broken = source.replace(
            /(<name>Set_Campaign<\/name>[\s\S]*?)<faultConnector>\s*<targetReference>Fault_At_Set_Campaign<\/targetReference>\s*<\/faultConnector>/,
            '$1'
        );
        expect(broken).not.toBe(source);
        const file = join(dir, 'Opportunity_Campaign_Auto_Association.flow-meta.xml');
        writeFileSync(file, broken);
        const [result] = scan(await parse([file]));
        const missing = result?.ruleResults.find((r) => r.ruleName === 'MissingFaultPath');
        expect(missing?.occurs).toBe(true);
        expect(missing?.severity).toBe('error');
        expect(missing?.details.map((d) => d.name)).toEqual(['Set_Campaign']);
    });
});
