/** I/O for the setup script: the kit's flow names, matching and duplicate rules, and the staged duplicate-rule deploy. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KitDuplicateRule, SortOrderPlan } from './duplicate-order.js';
import { withSortOrder } from './duplicate-order.js';
import { KIT_DIRS } from './org-facts.js';

const files = (dir: string, suffix: string): string[] =>
    readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort();

/** `sourceApiVersion` of sfdx-project.json (read here without loading SDR: the setup script calls this CLI often). */
export function sourceApiVersion(root: string): string {
    const file = join(root, 'sfdx-project.json');
    const version = (JSON.parse(readFileSync(file, 'utf8')) as { sourceApiVersion?: unknown }).sourceApiVersion;
    if (typeof version !== 'string' || !/^\d+\.0$/.test(version))
        throw new Error(`${file}: sourceApiVersion must look like "66.0"`);
    return version;
}

/** API names of the kit's flows, from `force-app/main/default/flows/*.flow-meta.xml`. */
export function kitFlowNames(root: string): string[] {
    return files(join(root, KIT_DIRS.flows), '.flow-meta.xml').map((f) => f.replace('.flow-meta.xml', ''));
}

/** Full names (`<fullName>`) of the kit's matching rules. */
export function kitMatchingRuleNames(root: string): string[] {
    const dir = join(root, KIT_DIRS.matchingRules);
    return files(dir, '.matchingRule-meta.xml').flatMap((f) =>
        [...readFileSync(join(dir, f), 'utf8').matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1] ?? '')
    );
}

export function kitDuplicateRules(root: string): (KitDuplicateRule & { file: string })[] {
    const dir = join(root, KIT_DIRS.duplicateRules);
    return files(dir, '.duplicateRule-meta.xml').map((f) => {
        const [object = '', name = ''] = f.replace('.duplicateRule-meta.xml', '').split('.');
        const xml = readFileSync(join(dir, f), 'utf8');
        const order = /<sortOrder>(\d+)<\/sortOrder>\s*<\/DuplicateRule>\s*$/.exec(xml)?.[1];
        if (!order) throw new Error(`${join(KIT_DIRS.duplicateRules, f)}: no top-level <sortOrder>`);
        return { object, name, sortOrder: Number(order), file: join(dir, f) };
    });
}

/**
 * Writes the kit's duplicate rules, with the planned sort orders, as a Metadata API deploy directory
 * (`package.xml` + `duplicateRules/<Object>.<Name>.duplicateRule`) for `sf project deploy start --metadata-dir`.
 * The repository files are never changed.
 */
export function stageDuplicateRules(
    root: string,
    plans: readonly SortOrderPlan[],
    out: string,
    apiVersion: string
): string[] {
    const rules = kitDuplicateRules(root);
    mkdirSync(join(out, 'duplicateRules'), { recursive: true });
    const members: string[] = [];
    for (const plan of plans) {
        for (const a of plan.assignments) {
            const rule = rules.find((r) => r.object === plan.object && r.name === a.name);
            if (!rule) throw new Error(`duplicate rule ${plan.object}.${a.name} is not in ${KIT_DIRS.duplicateRules}`);
            const xml = withSortOrder(readFileSync(rule.file, 'utf8'), a.to, rule.file);
            writeFileSync(join(out, 'duplicateRules', `${plan.object}.${a.name}.duplicateRule`), xml);
            members.push(`${plan.object}.${a.name}`);
        }
    }
    const xml = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Package xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <types>',
        ...members.map((m) => `        <members>${m}</members>`),
        '        <name>DuplicateRule</name>',
        '    </types>',
        `    <version>${apiVersion}</version>`,
        '</Package>',
        ''
    ].join('\n');
    writeFileSync(join(out, 'package.xml'), xml);
    return members;
}

/**
 * The kit's fields with `<trackHistory>true</trackHistory>`, per object, from the field files of `force-app` and
 * `unpackaged/` (`objects/<Object>/fields/<Field>.field-meta.xml`): the setup script checks the org has room for them.
 */
export function kitTrackedFields(root: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const base of [KIT_DIRS.packagedObjects, KIT_DIRS.unpackagedObjects]) {
        const dir = join(root, base);
        if (!existsSync(dir)) continue;
        for (const object of readdirSync(dir).sort()) {
            const fields = join(dir, object, 'fields');
            if (!existsSync(fields)) continue;
            for (const f of files(fields, '.field-meta.xml')) {
                if (!/<trackHistory>\s*true\s*<\/trackHistory>/.test(readFileSync(join(fields, f), 'utf8'))) continue;
                (out[object] ??= []).push(f.replace('.field-meta.xml', ''));
            }
        }
    }
    for (const list of Object.values(out)) list.sort();
    return out;
}
