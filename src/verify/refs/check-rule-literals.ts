/**
 * One source of truth for the rules: the Lead Sources, Lead Statuses and Opportunity stages the guardrails decide on
 * live in the `Attribution_Rules__mdt` Default record only. This check fails when a copy of such a value sits
 * anywhere else an admin would have to keep in step by hand:
 * - a validation rule formula or a flow compares a rules-governed field (StageName, LeadSource, Status) with a
 *   literal, or holds a literal that is one of those values (`CONTAINS("Closed Lost;Closed Won", …)` included);
 * - a project LWC's source (its `.ts`, else its `.js`; tests excluded) holds such a literal;
 * - an LWC design attribute mirrors the record ("Keep in sync with …" or a default that is such a value), or a
 *   FlexiPage sets such a value on a project component.
 * The values come from the value sets behind the record's list fields (`RECORD_VALUE_LISTS`) and from the record
 * itself, so a value the project does not ship a value set for is still known once the record lists it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ast, type FormulonNode } from 'formulon';
import ts from 'typescript';
import { problem } from '../problems.js';
import { childrenNamed, childText, descendants, firstChild } from '../xml.js';
import { ofType, type RefContext } from './context.js';
import { collectValueSets } from './check-values.js';
import { normalizeFormula, unwrapMergeFields } from './formula.js';
import { RECORD_VALUE_LISTS, STANDARD_PICKLISTS } from './governed.js';

const RULES_TYPE = 'Attribution_Rules__mdt';
const RULES_RECORD = 'Attribution_Rules.Default';
const SYNC = /Keep in sync with (\w+__c) on the (\w+__mdt) (\w+) record/;

/** A rule value and where it belongs: its value set and the Default record fields that list it. */
interface RuleValue {
    valueSet: string;
    fields: string[];
}

/** The value sets the Attribution_Rules__mdt list fields draw on (LeadSource, LeadStatus, OpportunityStage). */
export function ruleValueSets(): Map<string, string> {
    const byField = new Map<string, string>();
    for (const [key, set] of Object.entries(RECORD_VALUE_LISTS)) {
        const [type, field] = key.split('.');
        if (type === RULES_TYPE && field) byField.set(field, set);
    }
    return byField;
}

/** Every known rule value: the values of the rules' value sets shipped by the project, and the record's entries. */
export function ruleValues(ctx: RefContext): Map<string, RuleValue> {
    const fieldSets = ruleValueSets();
    const setNames = new Set(fieldSets.values());
    const values = new Map<string, RuleValue>();
    const add = (value: string, valueSet: string, field?: string): void => {
        const entry = values.get(value) ?? { valueSet, fields: [] };
        if (field && !entry.fields.includes(field)) entry.fields.push(field);
        values.set(value, entry);
    };
    const sets = collectValueSets(ctx);
    for (const name of setNames) for (const value of sets.get(name)?.values ?? []) add(value, name);
    const record = ofType(ctx, 'CustomMetadata').find((r) => r.fullName === RULES_RECORD);
    for (const v of record ? childrenNamed(record.root, 'values') : []) {
        const field = childText(v, 'field') ?? '';
        const set = fieldSets.get(field);
        const text = firstChild(v, 'value')?.text ?? '';
        if (!set) continue;
        for (const value of splitEntries(text)) add(value, set, field);
    }
    return values;
}

function splitEntries(text: string): string[] {
    return text
        .split(';')
        .map((x) => x.trim())
        .filter(Boolean);
}

/** The rule values a literal holds: itself, or its `;`-separated entries. */
function matches(literal: string, known: ReadonlyMap<string, RuleValue>): string[] {
    const whole = literal.trim();
    if (known.has(whole)) return [whole];
    return literal.includes(';') ? splitEntries(literal).filter((part) => known.has(part)) : [];
}

function advice(value: string, known: ReadonlyMap<string, RuleValue>): string {
    const info = known.get(value);
    const where = info?.fields.length
        ? `it is listed in ${info.fields.map((f) => `${RULES_TYPE}.Default.${f}`).join(', ')}`
        : `add a field to ${RULES_TYPE} and a value to the Default record`;
    return `rule values live in ${RULES_TYPE} only (${where})`;
}

/** Text literals of a formula (validation rule or flow), from formulon's syntax tree. */
export function formulaTextLiterals(formula: string): string[] {
    const tree = ast(normalizeFormula(unwrapMergeFields(formula)));
    if (tree.type === 'error') return [];
    const out: string[] = [];
    const walk = (node: FormulonNode): void => {
        if (node.type === 'literal' && node.dataType === 'text' && typeof node.value === 'string') out.push(node.value);
        (node.arguments ?? []).forEach(walk);
    };
    walk(tree);
    return out;
}

/** String literals of a TypeScript or JavaScript module with their 1-based lines (imports excluded). */
export function sourceStringLiterals(fileName: string, text: string): { value: string; line: number }[] {
    const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    const out: { value: string; line: number }[] = [];
    const walk = (node: ts.Node): void => {
        if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
            out.push({ value: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
        }
        ts.forEachChild(node, walk);
    };
    walk(source);
    return out;
}

export function checkRuleLiterals(ctx: RefContext): void {
    const known = ruleValues(ctx);
    const ruleSets = new Set(ruleValueSets().values());
    const governed = new Set(Object.entries(STANDARD_PICKLISTS).flatMap(([f, set]) => (ruleSets.has(set) ? [f] : [])));
    for (const f of ctx.fields)
        if (f.valueSetName && ruleSets.has(f.valueSetName)) governed.add(`${f.object}.${f.name}`);
    const seen = new Set<string>();
    const push = (file: string, line: number | undefined, path: string, message: string): void => {
        ctx.problems.push(problem('references', file, message, line === undefined ? { path } : { line, path }));
    };
    const flag = (file: string, line: number | undefined, path: string, value: string, what: string): void => {
        const key = `${file}:${line ?? 0}:${value}`;
        if (seen.has(key)) return;
        seen.add(key);
        push(file, line, path, `literal "${value}" ${what}: ${advice(value, known)}`);
    };

    // (1) comparisons of governed fields in validation rules and flows (collected by the formula and flow checks)
    const formulaFiles = new Map(
        [...ofType(ctx, 'ValidationRule'), ...ofType(ctx, 'Flow')].map((f) => [f.rel, f] as const)
    );
    for (const use of ctx.valueUses) {
        const key = `${use.object}.${use.field}`;
        const file = formulaFiles.get(use.file);
        if (!governed.has(key) || !file) continue;
        seen.add(`${use.file}:${use.line}:${use.value}`);
        push(use.file, use.line, use.path, `literal "${use.value}" compared with ${key}: ${advice(use.value, known)}`);
    }

    // (2) any literal that is a rule value, in validation rule formulas and flow formulas / string values
    for (const f of ofType(ctx, 'ValidationRule')) {
        const formula = firstChild(f.root, 'errorConditionFormula');
        for (const value of formula ? formulaTextLiterals(formula.text).flatMap((l) => matches(l, known)) : [])
            flag(f.rel, formula?.line, 'ValidationRule/errorConditionFormula', value, 'in a validation rule formula');
    }
    for (const f of ofType(ctx, 'Flow')) {
        for (const expression of descendants(f.root, 'expression'))
            for (const value of formulaTextLiterals(expression.text).flatMap((l) => matches(l, known)))
                flag(f.rel, expression.line, 'Flow/…/expression', value, 'in a flow formula');
        for (const string of descendants(f.root, 'stringValue'))
            for (const value of matches(string.text, known))
                flag(f.rel, string.line, 'Flow/…/stringValue', value, 'in a flow');
    }

    // (3) LWC sources, design attributes and FlexiPage component properties
    const bundles = ofType(ctx, 'LightningComponentBundle');
    for (const bundle of bundles) {
        for (const prop of descendants(bundle.root, 'property')) {
            const path = `LightningComponentBundle/targetConfigs/targetConfig/property[${prop.attrs.name ?? '?'}]`;
            const sync = SYNC.exec(prop.attrs.description ?? '');
            if (sync) {
                push(
                    bundle.rel,
                    prop.line,
                    path,
                    `mirrors ${sync[1]} on ${sync[2]}.${sync[3]}: a design attribute is a second copy of a rule value; read the rules through AttributionRulesController.getRules instead`
                );
                continue;
            }
            for (const value of matches(prop.attrs.default ?? '', known))
                flag(bundle.rel, prop.line, `${path}@default`, value, 'as a design attribute default');
        }
        // TypeScript bundles are checked in their .ts (the committed .js is tsc's output); others in their .js
        const dir = dirname(bundle.abs);
        const names = readdirSync(dir).sort();
        const typescript = names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
        const modules = typescript.length > 0 ? typescript : names.filter((n) => n.endsWith('.js'));
        for (const name of modules) {
            const file = `${dirname(bundle.rel)}/${name}`;
            for (const literal of sourceStringLiterals(name, readFileSync(join(dir, name), 'utf8')))
                for (const value of matches(literal.value, known))
                    flag(file, literal.line, `lwc/${bundle.fullName}/${name}`, value, 'in LWC source');
        }
    }
    const projectBundles = new Set(bundles.map((b) => b.fullName));
    for (const page of ofType(ctx, 'FlexiPage')) {
        for (const instance of descendants(page.root, 'componentInstance')) {
            const name = (childText(instance, 'componentName') ?? '').replace(/^c:/, '');
            if (!projectBundles.has(name)) continue;
            for (const prop of childrenNamed(instance, 'componentInstanceProperties')) {
                const valueEl = firstChild(prop, 'value');
                const path = `FlexiPage/…/componentInstance[${name}]/componentInstanceProperties[${childText(prop, 'name') ?? '?'}]`;
                for (const value of matches(valueEl?.text ?? '', known))
                    flag(page.rel, valueEl?.line, path, value, 'set on a project component in a FlexiPage');
            }
        }
    }
}
