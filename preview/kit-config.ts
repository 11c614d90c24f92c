/**
 * What the preview's Apex stand-ins read from the kit's metadata, as the Apex does: the Default rules record's
 * campaign lookback, the Persona → Contact Role mapping (custom metadata, through the flow simulator's loader) and
 * the Persona values (the global value set, in its order).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseValueSet } from '../src/audit/config.js';
import { loadCustomMetadataDir } from '../src/flow-sim/index.js';

const KIT_DIR = 'force-app/main/default';

export type KitConfig = { lookbackDays: number | null; roleByPersona: Map<string, string>; personas: string[] };

export function loadKitConfig(projectDir: string): KitConfig {
    const records = loadCustomMetadataDir(path.join(projectDir, KIT_DIR, 'customMetadata'));
    const rules = records.find((r) => r.object === 'Attribution_Rules__mdt' && r.values.DeveloperName === 'Default');
    const lookback = rules?.values.Campaign_Lookback_Days__c;
    const roleByPersona = new Map<string, string>();
    for (const r of records.filter((x) => x.object === 'Persona_Role_Mapping__mdt')) {
        roleByPersona.set(String(r.values.Persona__c ?? ''), String(r.values.Contact_Role__c ?? ''));
    }
    const valueSet = path.join(projectDir, KIT_DIR, 'globalValueSets/Persona.globalValueSet-meta.xml');
    return {
        lookbackDays: lookback === null || lookback === undefined ? null : Number(lookback),
        roleByPersona,
        personas: parseValueSet(readFileSync(valueSet, 'utf8'), valueSet)
    };
}
