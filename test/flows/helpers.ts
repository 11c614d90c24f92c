/** Shared fixtures for the flow scenario tests: the real flow XML and custom metadata records in force-app. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Database, loadCustomMetadataDir, loadFlowsFromDir, parseFlowXml } from '../../src/flow-sim/index.js';
import type { EngineOptions, Fields } from '../../src/flow-sim/index.js';
import type { LoadedFlow } from '../../src/flow-sim/flow-schema.js';

export const FLOW_DIR = 'force-app/main/default/flows';
export const CMDT_DIR = 'force-app/main/default/customMetadata';
export const BYPASS = 'Attribution_Guardrails_Bypass';

export const FLOWS = loadFlowsFromDir(FLOW_DIR);
export const CUSTOM_METADATA = loadCustomMetadataDir(CMDT_DIR);

export function flowXml(name: string): string {
    return readFileSync(join(FLOW_DIR, `${name}.flow-meta.xml`), 'utf8');
}

/** Replaces one flow by a mutated copy of its XML (the mutation must change something). */
export function mutateFlow(name: string, mutate: (xml: string) => string): LoadedFlow[] {
    const original = flowXml(name);
    const mutated = mutate(original);
    if (mutated === original) {
        throw new Error(`mutation of ${name} changed nothing`);
    }
    return FLOWS.map((flow) => (flow.name === name ? parseFlowXml(mutated, name) : flow));
}

export function newDb(options: Partial<EngineOptions> = {}): Database {
    return new Database({ flows: FLOWS, customMetadata: CUSTOM_METADATA, ...options });
}

/** Runs `work` and returns the error it throws (fails the test when nothing is thrown). */
export function thrown(work: () => unknown): Error {
    try {
        work();
    } catch (error) {
        return error as Error;
    }
    throw new Error('expected an error, nothing was thrown');
}

export function opportunity(db: Database, values: Fields = {}): string {
    const [id] = db.seed('Opportunity', [
        { Name: 'Deal', StageName: 'Qualification', CloseDate: '2026-12-31', ...values }
    ]);
    return id ?? '';
}

export function contact(db: Database, values: Fields = {}): string {
    const [id] = db.seed('Contact', [{ LastName: 'Buyer', ...values }]);
    return id ?? '';
}

/** The fault records the flows logged (Attribution_Guardrail_Fault__c), oldest first. */
export function faults(db: Database): Fields[] {
    return db.all('Attribution_Guardrail_Fault__c');
}

export function campaign(db: Database, name: string): string {
    const [id] = db.seed('Campaign', [{ Name: name, IsActive: true }]);
    return id ?? '';
}
