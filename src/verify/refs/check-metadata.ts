/**
 * Reference checks for validation rules, custom fields, permission sets, custom metadata records, layouts,
 * FlexiPages, duplicate/matching rules and lead-convert mappings. Each pushes problems into the context.
 */
import { childrenNamed, childText, descendants, firstChild, type XmlElement } from '../xml.js';
import type { FieldDef } from './catalog.js';
import { analyzeFormula } from './formula.js';
import { checkField, checkIdentifier, ofType, report, resolveTarget, type RefContext } from './context.js';

/** Why a lead-convert mapping between two project fields cannot work (different type or value set), if it cannot. */
function mappingMismatch(from: FieldDef | true | undefined, to: FieldDef | true | undefined): string | undefined {
    if (!from || !to || from === true || to === true) return undefined;
    if (from.type && to.type && from.type !== to.type) return `types differ (${from.type} vs ${to.type})`;
    if (from.valueSetName !== to.valueSetName) {
        return `picklists use different value sets (${from.valueSetName ?? 'inline'} vs ${to.valueSetName ?? 'inline'})`;
    }
    return undefined;
}

function objectOf(fullName: string): string {
    return fullName.split('.')[0] ?? fullName;
}

export function checkValidationRules(ctx: RefContext): void {
    for (const f of ofType(ctx, 'ValidationRule')) {
        const object = objectOf(f.fullName);
        const formulaEl = firstChild(f.root, 'errorConditionFormula');
        const path = `ValidationRule/errorConditionFormula`;
        if (formulaEl) {
            const refs = analyzeFormula(formulaEl.text);
            if (refs.error) report(ctx, f.rel, formulaEl, path, `formula does not parse (${refs.error})`);
            for (const id of refs.identifiers) {
                const err = checkIdentifier(ctx, id, object);
                if (err) report(ctx, f.rel, formulaEl, path, `${id}: ${err}`);
            }
            for (const c of refs.comparisons) {
                const target = resolveTarget(ctx, c.identifier, object);
                if (target) ctx.valueUses.push({ file: f.rel, line: formulaEl.line, path, ...target, value: c.value });
            }
        }
        const display = firstChild(f.root, 'errorDisplayField');
        if (display) {
            const err = checkField(ctx, object, display.text.trim());
            if (err) report(ctx, f.rel, display, 'ValidationRule/errorDisplayField', err);
        }
    }
}

export function checkFieldDefinitions(ctx: RefContext): void {
    const globalValueSets = new Set(ofType(ctx, 'GlobalValueSet').map((f) => f.fullName));
    for (const field of ctx.fields) {
        const custom = field.object.endsWith('__c') || field.object.endsWith('__mdt');
        if (custom ? !ctx.projectObjects.has(field.object) : !ctx.standard[field.object]) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField',
                message: `field is defined on ${field.object}, which is neither a project object nor in standard-fields.json`
            });
        }
        const standardFields = custom ? undefined : ctx.standard[field.object]?.fields;
        if (standardFields && !field.name.endsWith('__c') && !standardFields.includes(field.name)) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField/fullName',
                message: `standard field ${field.object}.${field.name} is not in standard-fields.json (a typo, or a field to add there)`
            });
        }
        if (field.valueSetName && !globalValueSets.has(field.valueSetName)) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField/valueSet/valueSetName',
                message: `global value set ${field.valueSetName} is not defined in the project`
            });
        }
        if (field.referenceTo && !ctx.catalog.hasObject(field.referenceTo)) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField/referenceTo',
                message: `referenced object ${field.referenceTo} is neither in the project nor in standard-fields.json`
            });
        }
    }
}

export function checkPermissionSets(ctx: RefContext): void {
    for (const f of ofType(ctx, 'PermissionSet')) {
        childrenNamed(f.root, 'fieldPermissions').forEach((fp, i) => {
            const el = firstChild(fp, 'field');
            const value = el?.text.trim() ?? '';
            const [object, ...field] = value.split('.');
            const err =
                object && field.length ? checkField(ctx, object, field.join('.')) : `"${value}" is not Object.Field`;
            if (err) report(ctx, f.rel, el ?? fp, `PermissionSet/fieldPermissions[${i + 1}]/field`, err);
        });
        childrenNamed(f.root, 'objectPermissions').forEach((op, i) => {
            const el = firstChild(op, 'object');
            const object = el?.text.trim() ?? '';
            if (!ctx.catalog.hasObject(object)) {
                report(
                    ctx,
                    f.rel,
                    el ?? op,
                    `PermissionSet/objectPermissions[${i + 1}]/object`,
                    `object ${object} is neither in the project nor in standard-fields.json`
                );
            }
        });
        childrenNamed(f.root, 'customPermissions').forEach((cp, i) => {
            const el = firstChild(cp, 'name');
            const name = el?.text.trim() ?? '';
            if (!ctx.customPermissions.has(name)) {
                report(
                    ctx,
                    f.rel,
                    el ?? cp,
                    `PermissionSet/customPermissions[${i + 1}]/name`,
                    `custom permission ${name} is not defined in the project`
                );
            }
        });
        childrenNamed(f.root, 'customMetadataTypeAccesses').forEach((ca, i) => {
            const el = firstChild(ca, 'name');
            const name = el?.text.trim() ?? '';
            if (!name.endsWith('__mdt') || !ctx.projectObjects.has(name)) {
                report(
                    ctx,
                    f.rel,
                    el ?? ca,
                    `PermissionSet/customMetadataTypeAccesses[${i + 1}]/name`,
                    `custom metadata type ${name} is not defined in the project`
                );
            }
        });
    }
}

/** Every custom field that field-level security applies to is readable in at least one permission set. */
export function checkFieldCoverage(ctx: RefContext): void {
    const granted = new Set<string>();
    for (const f of ofType(ctx, 'PermissionSet')) {
        for (const fp of childrenNamed(f.root, 'fieldPermissions')) {
            if (childText(fp, 'readable') === 'true' || childText(fp, 'editable') === 'true') {
                granted.add(childText(fp, 'field') ?? '');
            }
        }
    }
    for (const field of ctx.fields) {
        // FLS does not apply to custom metadata fields, required fields and master-detail relationships
        if (field.object.endsWith('__mdt') || field.required || field.type === 'MasterDetail') continue;
        // standard fields (history-tracking files in unpackaged/) keep the org's own field-level security
        if (!field.name.endsWith('__c')) continue;
        const name = `${field.object}.${field.name}`;
        if (!granted.has(name)) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField',
                message: `custom field ${name} is not granted (readable) in any permission set`
            });
        }
    }
}

export function checkCustomMetadataRecords(ctx: RefContext): void {
    for (const f of ofType(ctx, 'CustomMetadata')) {
        const type = `${f.fullName.split('.')[0] ?? ''}__mdt`;
        if (!ctx.projectObjects.has(type)) {
            report(ctx, f.rel, f.root, 'CustomMetadata', `custom metadata type ${type} is not defined in the project`);
            continue;
        }
        childrenNamed(f.root, 'values').forEach((v, i) => {
            const el = firstChild(v, 'field');
            const field = el?.text.trim() ?? '';
            const err = ctx.catalog.field(type, field) ? undefined : `field ${type}.${field} does not exist`;
            if (err) report(ctx, f.rel, el ?? v, `CustomMetadata/values[${i + 1}]/field`, err);
        });
    }
}

function checkFieldList(ctx: RefContext, file: string, object: string, els: readonly XmlElement[], path: string): void {
    for (const el of els) {
        const name = el.text.trim();
        if (!name) continue;
        const err = checkField(ctx, object, name);
        if (err) report(ctx, file, el, path, err);
    }
}

export function checkLayoutsAndRules(ctx: RefContext): void {
    const matchingRules = new Set<string>();
    for (const f of ofType(ctx, 'MatchingRules')) {
        for (const r of childrenNamed(f.root, 'matchingRules'))
            matchingRules.add(`${f.fullName}.${childText(r, 'fullName') ?? ''}`);
    }
    for (const f of ofType(ctx, 'Layout')) {
        const object = f.fullName.split('-')[0] ?? '';
        const items = descendants(f.root, 'layoutItems').flatMap((li) => childrenNamed(li, 'field'));
        checkFieldList(ctx, f.rel, object, items, 'Layout/layoutSections/layoutColumns/layoutItems/field');
    }
    for (const f of ofType(ctx, 'DuplicateRule')) {
        const object = objectOf(f.fullName);
        for (const item of descendants(f.root, 'duplicateRuleFilterItems')) {
            const table = childText(item, 'table') ?? object;
            checkFieldList(
                ctx,
                f.rel,
                table,
                childrenNamed(item, 'field'),
                'DuplicateRule/duplicateRuleFilter/duplicateRuleFilterItems/field'
            );
        }
        for (const m of descendants(f.root, 'duplicateRuleMatchRules')) {
            const path = 'DuplicateRule/duplicateRuleMatchRules';
            const target = childText(m, 'matchRuleSObjectType') ?? '';
            if (!ctx.catalog.hasObject(target)) {
                report(ctx, f.rel, m, `${path}/matchRuleSObjectType`, `object ${target} is unknown`);
                continue;
            }
            const ruleEl = firstChild(m, 'matchingRule');
            const rule = ruleEl?.text.trim() ?? '';
            // Salesforce's own rules (Standard_Lead_Match_Rule_v1_0 …) live in every org, not in the project
            if (ruleEl && !rule.startsWith('Standard_') && !matchingRules.has(`${target}.${rule}`)) {
                report(
                    ctx,
                    f.rel,
                    ruleEl,
                    `${path}/matchingRule`,
                    `matching rule ${target}.${rule} is not defined in the project`
                );
            }
            for (const om of childrenNamed(m, 'objectMapping')) {
                const input = childText(om, 'inputObject') ?? object;
                const output = childText(om, 'outputObject') ?? target;
                for (const mf of childrenNamed(om, 'mappingFields')) {
                    checkFieldList(
                        ctx,
                        f.rel,
                        input,
                        childrenNamed(mf, 'inputField'),
                        `${path}/objectMapping/mappingFields/inputField`
                    );
                    checkFieldList(
                        ctx,
                        f.rel,
                        output,
                        childrenNamed(mf, 'outputField'),
                        `${path}/objectMapping/mappingFields/outputField`
                    );
                }
            }
        }
    }
    for (const f of [...ofType(ctx, 'MatchingRules'), ...ofType(ctx, 'MatchingRule')]) {
        const object = objectOf(f.fullName);
        const names = descendants(f.root, 'matchingRuleItems').flatMap((i) => childrenNamed(i, 'fieldName'));
        checkFieldList(ctx, f.rel, object, names, 'MatchingRules/matchingRules/matchingRuleItems/fieldName');
    }
    for (const f of ofType(ctx, 'FlexiPage')) {
        const object = childText(f.root, 'sobjectType');
        if (object && !ctx.catalog.hasObject(object)) {
            report(
                ctx,
                f.rel,
                firstChild(f.root, 'sobjectType'),
                'FlexiPage/sobjectType',
                `object ${object} is unknown`
            );
        }
        if (!object) continue;
        for (const item of descendants(f.root, 'fieldItem')) {
            const ref = item.text.trim().replace(/^Record\./, '');
            const err = checkField(ctx, object, ref);
            if (err) report(ctx, f.rel, item, 'FlexiPage/…/fieldInstance/fieldItem', err);
        }
        for (const left of descendants(f.root, 'leftValue')) {
            const m = /^\{!Record\.([\w.]+)\}$/.exec(left.text.trim());
            const err = m?.[1] ? checkField(ctx, object, m[1]) : undefined;
            if (err) report(ctx, f.rel, left, 'FlexiPage/…/visibilityRule/criteria/leftValue', err);
        }
    }
    for (const f of ofType(ctx, 'Settings')) {
        if (f.root.name !== 'LeadConvertSettings') continue;
        childrenNamed(f.root, 'objectMapping').forEach((om, i) => {
            const input = childText(om, 'inputObject') ?? 'Lead';
            const output = childText(om, 'outputObject') ?? '';
            childrenNamed(om, 'mappingFields').forEach((mf, j) => {
                const path = `LeadConvertSettings/objectMapping[${i + 1}]/mappingFields[${j + 1}]`;
                const inEl = firstChild(mf, 'inputField');
                const outEl = firstChild(mf, 'outputField');
                const inErr = inEl ? checkField(ctx, input, inEl.text.trim()) : undefined;
                if (inErr) report(ctx, f.rel, inEl, `${path}/inputField`, inErr);
                const outErr = outEl ? checkField(ctx, output, outEl.text.trim()) : undefined;
                if (outErr) report(ctx, f.rel, outEl, `${path}/outputField`, outErr);
                if (!inEl || !outEl || inErr || outErr) return;
                const inName = inEl.text.trim();
                if (!inName.endsWith('__c')) {
                    report(
                        ctx,
                        f.rel,
                        inEl,
                        `${path}/inputField`,
                        `${inName} is a standard field: lead conversion maps standard fields natively, only custom lead fields belong here`
                    );
                }
                const mismatch = mappingMismatch(
                    ctx.catalog.field(input, inName),
                    ctx.catalog.field(output, outEl.text.trim())
                );
                if (mismatch)
                    report(
                        ctx,
                        f.rel,
                        outEl,
                        `${path}/outputField`,
                        `${input}.${inName} → ${output}.${outEl.text.trim()}: ${mismatch}`
                    );
            });
        });
    }
}
