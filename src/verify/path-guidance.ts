/**
 * Checks of the demo org's Path metadata (demo-org/main/default/pathAssistants): each path has a step for every
 * active value of its picklist's standard value set and none for a value the set lacks, every step's guidance names
 * its owner (Marketing, Sales or RevOps) and says what to capture, every key field exists on the object (the project's
 * custom fields or src/verify/standard-fields.json), and each path shows attribution fields. Problems name file and
 * line.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { childText, childrenNamed, parseXml } from './xml.js';
import type { XmlElement } from './xml.js';

export const PATH_OWNERS = ['Marketing', 'Sales', 'RevOps'] as const;
/** Fields whose presence on a path's steps makes it show attribution (any one per path; Lead and Opportunity). */
export const ATTRIBUTION_KEY_FIELDS = ['LeadSource', 'CampaignId', 'Persona__c', 'UTM_Source__c', 'UTM_Campaign__c'];
/** The standard value set behind each path picklist. */
const VALUE_SETS: Record<string, string> = { 'Lead.Status': 'LeadStatus', 'Opportunity.StageName': 'OpportunityStage' };
/** Conservative guidance length (rich text); longer texts belong in docs/configuration.md. */
export const MAX_GUIDANCE = 1000;

export interface PathProblem {
    file: string;
    line: number;
    message: string;
}

export interface PathContext {
    /** Active values of each standard value set, by set name. */
    valueSets: Record<string, string[]>;
    /** Fields known on each object (standard and the project's custom fields). */
    fields: Record<string, Set<string>>;
}

function text(html: string): string {
    return html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
}

/** Problems of one PathAssistant file's XML. */
export function checkPath(file: string, xml: string, context: PathContext): PathProblem[] {
    const root: XmlElement = parseXml(xml);
    const problems: PathProblem[] = [];
    const at = (el: XmlElement, message: string): void => {
        problems.push({ file, line: el.line, message });
    };
    const entity = childText(root, 'entityName') ?? '';
    const field = childText(root, 'fieldName') ?? '';
    const setName = VALUE_SETS[`${entity}.${field}`];
    if (!setName) {
        at(root, `no standard value set known for ${entity}.${field}`);
        return problems;
    }
    const values = context.valueSets[setName] ?? [];
    const steps = childrenNamed(root, 'pathAssistantSteps');
    const seen = new Set<string>();
    let attribution = false;
    for (const step of steps) {
        const value = childText(step, 'picklistValueName') ?? '';
        seen.add(value);
        if (!values.includes(value)) at(step, `step "${value}" is not an active ${setName} value`);
        const info = text(childText(step, 'info') ?? '');
        const owners = PATH_OWNERS.filter((owner) => new RegExp(`Owner: ${owner}\\b`).test(info));
        if (owners.length !== 1) at(step, `guidance of "${value}" must name one owner (Owner: Marketing/Sales/RevOps)`);
        if (info.replace(/^Owner: \w+\.\s*/, '').length < 20)
            at(step, `guidance of "${value}" says nothing to capture`);
        if ((childText(step, 'info') ?? '').length > MAX_GUIDANCE)
            at(step, `guidance of "${value}" is over ${MAX_GUIDANCE} characters`);
        for (const keyField of childrenNamed(step, 'fieldNames')) {
            const name = keyField.text.trim();
            if (!context.fields[entity]?.has(name)) at(keyField, `key field ${entity}.${name} does not exist`);
            if (ATTRIBUTION_KEY_FIELDS.includes(name)) attribution = true;
        }
    }
    for (const value of values) {
        if (!seen.has(value)) at(root, `no step for ${setName} value "${value}"`);
    }
    if (!attribution) at(root, `no step shows an attribution field (${ATTRIBUTION_KEY_FIELDS.join(', ')})`);
    return problems;
}

/** The context from the repository: demo-org value sets, force-app custom fields, standard-fields.json. */
export function loadPathContext(root: string): PathContext {
    const valueSets: Record<string, string[]> = {};
    const setDir = join(root, 'demo-org/main/default/standardValueSets');
    for (const name of Object.values(VALUE_SETS)) {
        const xml = parseXml(readFileSync(join(setDir, `${name}.standardValueSet-meta.xml`), 'utf8'));
        valueSets[name] = childrenNamed(xml, 'standardValue').map((v) => childText(v, 'fullName') ?? '');
    }
    const standard = JSON.parse(readFileSync(join(root, 'src/verify/standard-fields.json'), 'utf8')) as {
        objects: Record<string, { fields: string[] }>;
    };
    const fields: Record<string, Set<string>> = {};
    for (const entity of ['Lead', 'Opportunity']) {
        const dir = join(root, 'force-app/main/default/objects', entity, 'fields');
        const custom = existsSync(dir) ? readdirSync(dir).map((f) => f.replace(/\.field-meta\.xml$/, '')) : [];
        fields[entity] = new Set([...(standard.objects[entity]?.fields ?? []), ...custom]);
    }
    return { valueSets, fields };
}

/** Every path file of the demo org, checked. */
export function checkDemoPaths(root: string): PathProblem[] {
    const dir = join(root, 'demo-org/main/default/pathAssistants');
    const context = loadPathContext(root);
    return readdirSync(dir)
        .filter((f) => f.endsWith('.pathAssistant-meta.xml'))
        .flatMap((f) =>
            checkPath(join('demo-org/main/default/pathAssistants', f), readFileSync(join(dir, f), 'utf8'), context)
        );
}
