/**
 * Reference checks for flows: trigger object and record elements (`object`, `filters/field`,
 * `inputAssignments/field`, `outputAssignments/field`, `queriedFields`, `sortField`), `$Record.X` and resource
 * references, formulas and text templates, `customErrors` (fieldSelection, apiVersion ≥ 59), connectors, and the
 * Persona literals a flow compares or assigns.
 */
import { childrenNamed, childText, descendants, firstChild, type XmlElement } from '../xml.js';
import { analyzeFormula, type FormulaRefs } from './formula.js';
import { checkField, checkIdentifier, ofType, report, resolveTarget, type RefContext } from './context.js';

const RECORD_ELEMENTS = ['recordLookups', 'recordCreates', 'recordUpdates', 'recordDeletes'] as const;
const CUSTOM_ERRORS_MIN_API = 59;
const REFERENCE_TAGS = [
    'elementReference',
    'leftValueReference',
    'assignToReference',
    'inputReference',
    'outputReference',
    'collectionReference'
] as const;

function stringValue(el: XmlElement | undefined): XmlElement | undefined {
    return el ? firstChild(el, 'stringValue') : undefined;
}

/** Maps each flow resource/element name to its sObject type (null when it is not a record). */
export function flowResources(flow: XmlElement, triggerObject: string | undefined): Map<string, string | null> {
    const resources = new Map<string, string | null>();
    for (const el of flow.children) {
        const name = childText(el, 'name');
        if (name && el.name !== 'start') resources.set(name, null);
    }
    for (const v of childrenNamed(flow, 'variables')) {
        const name = childText(v, 'name');
        const type = childText(v, 'objectType');
        if (name && type) resources.set(name, type);
    }
    for (const kind of RECORD_ELEMENTS) {
        for (const el of childrenNamed(flow, kind)) {
            const name = childText(el, 'name');
            const object = childText(el, 'object');
            if (name && object && kind === 'recordLookups') resources.set(name, object);
        }
    }
    for (const loop of childrenNamed(flow, 'loops')) {
        const name = childText(loop, 'name');
        const source = childText(loop, 'collectionReference');
        if (name && source) resources.set(name, resources.get(source) ?? null);
    }
    if (triggerObject) resources.set('$Record', triggerObject);
    return resources;
}

function elementObject(
    el: XmlElement,
    resources: Map<string, string | null>,
    trigger: string | undefined
): string | undefined {
    const object = childText(el, 'object');
    if (object) return object;
    const ref = childText(el, 'inputReference');
    if (ref === '$Record') return trigger;
    return ref ? (resources.get(ref) ?? undefined) : undefined;
}

export function checkFlows(ctx: RefContext): void {
    for (const f of ofType(ctx, 'Flow')) {
        const flow = f.root;
        const start = firstChild(flow, 'start');
        const declaredTrigger = start ? childText(start, 'object') : undefined;
        const triggerKnown = !declaredTrigger || ctx.catalog.hasObject(declaredTrigger);
        // an unknown trigger object is reported once (start/object); $Record paths are then not resolved
        const trigger = triggerKnown ? declaredTrigger : undefined;
        const resources = flowResources(flow, declaredTrigger);
        // resources of an unknown sObject type are reported once (objectType/object), their fields are not resolved
        for (const [name, object] of resources) if (object && !ctx.catalog.hasObject(object)) resources.set(name, null);
        const bad = (el: XmlElement | undefined, path: string, message: string): void =>
            report(ctx, f.rel, el, path, message);
        const objectExists = (el: XmlElement | undefined, object: string, path: string): boolean => {
            if (ctx.catalog.hasObject(object)) return true;
            bad(el, path, `object ${object} is neither in the project nor in standard-fields.json`);
            return false;
        };
        const fields = (els: readonly XmlElement[], object: string | undefined, path: string): void => {
            if (!object) return;
            for (const el of els) {
                const err = checkField(ctx, object, el.text.trim());
                if (err) bad(el, path, err);
            }
        };
        const checked = new Set<XmlElement>();
        const reference = (el: XmlElement | undefined, path: string): void => {
            if (el) checked.add(el);
            const id = el?.text.trim();
            if (!el || !id || (!triggerKnown && /^\$Record(__Prior)?\b/.test(id))) return;
            const err = checkIdentifier(ctx, id, trigger, resources);
            if (err) bad(el, path, `${id}: ${err}`);
        };
        const formula = (el: XmlElement | undefined, path: string, refs?: FormulaRefs): void => {
            if (!el) return;
            const r = refs ?? analyzeFormula(el.text);
            if (r.error) bad(el, path, `formula does not parse (${r.error})`);
            for (const id of r.identifiers) reference({ ...el, text: id }, path);
            for (const c of r.comparisons) {
                const target = resolveTarget(ctx, c.identifier, trigger, resources);
                if (target) ctx.valueUses.push({ file: f.rel, line: el.line, path, ...target, value: c.value });
            }
        };
        /** Records a stringValue compared with / assigned to a field: `object` + `field`, or a reference to resolve. */
        const literal = (
            target: { object?: string; field?: string; ref?: string },
            valueEl: XmlElement | undefined,
            path: string
        ): void => {
            const lit = stringValue(valueEl);
            if (!lit) return;
            const resolved =
                target.ref !== undefined
                    ? resolveTarget(ctx, target.ref, trigger, resources)
                    : target.object && target.field
                      ? { object: target.object, field: target.field }
                      : undefined;
            if (resolved)
                ctx.valueUses.push({ file: f.rel, line: lit.line, path, ...resolved, value: lit.text.trim() });
        };

        if (start && declaredTrigger) {
            if (objectExists(firstChild(start, 'object'), declaredTrigger, 'Flow/start/object')) {
                for (const filter of childrenNamed(start, 'filters')) {
                    fields(childrenNamed(filter, 'field'), trigger, 'Flow/start/filters/field');
                    literal(
                        { object: declaredTrigger, field: childText(filter, 'field') },
                        firstChild(filter, 'value'),
                        'Flow/start/filters/value'
                    );
                }
            }
            formula(firstChild(start, 'filterFormula'), 'Flow/start/filterFormula');
        }

        for (const kind of RECORD_ELEMENTS) {
            for (const el of childrenNamed(flow, kind)) {
                const path = `Flow/${kind}[${childText(el, 'name') ?? '?'}]`;
                const objectEl = firstChild(el, 'object');
                if (objectEl && !objectExists(objectEl, objectEl.text.trim(), `${path}/object`)) continue;
                const object = elementObject(el, resources, trigger);
                for (const filter of childrenNamed(el, 'filters')) {
                    fields(childrenNamed(filter, 'field'), object, `${path}/filters/field`);
                    reference(
                        firstChild(firstChild(filter, 'value') ?? filter, 'elementReference'),
                        `${path}/filters/value`
                    );
                    literal(
                        { object, field: childText(filter, 'field') },
                        firstChild(filter, 'value'),
                        `${path}/filters/value`
                    );
                }
                for (const a of childrenNamed(el, 'inputAssignments')) {
                    fields(childrenNamed(a, 'field'), object, `${path}/inputAssignments/field`);
                    reference(
                        firstChild(firstChild(a, 'value') ?? a, 'elementReference'),
                        `${path}/inputAssignments/value`
                    );
                    literal(
                        { object, field: childText(a, 'field') },
                        firstChild(a, 'value'),
                        `${path}/inputAssignments/value`
                    );
                }
                for (const a of childrenNamed(el, 'outputAssignments')) {
                    fields(childrenNamed(a, 'field'), object, `${path}/outputAssignments/field`);
                    reference(firstChild(a, 'assignToReference'), `${path}/outputAssignments/assignToReference`);
                }
                fields(childrenNamed(el, 'queriedFields'), object, `${path}/queriedFields`);
                fields(childrenNamed(el, 'sortField'), object, `${path}/sortField`);
                reference(firstChild(el, 'inputReference'), `${path}/inputReference`);
                reference(firstChild(el, 'outputReference'), `${path}/outputReference`);
            }
        }

        for (const cond of descendants(flow, 'conditions')) {
            const left = firstChild(cond, 'leftValueReference');
            reference(left, 'Flow/…/conditions/leftValueReference');
            reference(
                firstChild(firstChild(cond, 'rightValue') ?? cond, 'elementReference'),
                'Flow/…/conditions/rightValue'
            );
            literal({ ref: left?.text.trim() ?? '' }, firstChild(cond, 'rightValue'), 'Flow/…/conditions/rightValue');
        }
        for (const item of descendants(flow, 'assignmentItems')) {
            const target = firstChild(item, 'assignToReference');
            reference(target, 'Flow/assignments/assignmentItems/assignToReference');
            reference(
                firstChild(firstChild(item, 'value') ?? item, 'elementReference'),
                'Flow/assignments/assignmentItems/value'
            );
            literal(
                { ref: target?.text.trim() ?? '' },
                firstChild(item, 'value'),
                'Flow/assignments/assignmentItems/value'
            );
        }
        for (const loop of childrenNamed(flow, 'loops'))
            reference(firstChild(loop, 'collectionReference'), 'Flow/loops/collectionReference');
        for (const fm of childrenNamed(flow, 'formulas'))
            formula(firstChild(fm, 'expression'), `Flow/formulas[${childText(fm, 'name') ?? '?'}]/expression`);
        for (const tt of childrenNamed(flow, 'textTemplates')) {
            const text = firstChild(tt, 'text');
            for (const m of (text?.text ?? '').matchAll(/\{!\s*([$\w.]+)\s*\}/g)) {
                if (m[1])
                    reference(
                        { ...(text as XmlElement), text: m[1] },
                        `Flow/textTemplates[${childText(tt, 'name') ?? '?'}]/text`
                    );
            }
        }

        // every other resource reference (action inputs, subflow inputs, screens, waits …), named by its element
        for (const top of flow.children) {
            const where = `Flow/${top.name}${childText(top, 'name') ? `[${childText(top, 'name')}]` : ''}`;
            for (const tag of REFERENCE_TAGS) {
                for (const el of descendants(top, tag)) if (!checked.has(el)) reference(el, `${where}/…/${tag}`);
            }
        }
        for (const v of childrenNamed(flow, 'variables')) {
            const typeEl = firstChild(v, 'objectType');
            if (typeEl)
                objectExists(typeEl, typeEl.text.trim(), `Flow/variables[${childText(v, 'name') ?? '?'}]/objectType`);
        }

        const customErrors = childrenNamed(flow, 'customErrors');
        if (customErrors.length) {
            const apiEl = firstChild(flow, 'apiVersion');
            const api = Number(apiEl?.text.trim() ?? 'NaN');
            if (!(api >= CUSTOM_ERRORS_MIN_API)) {
                bad(
                    apiEl ?? flow,
                    'Flow/apiVersion',
                    `flows with customErrors need apiVersion ≥ ${CUSTOM_ERRORS_MIN_API}.0 (found ${apiEl?.text.trim() ?? 'none'})`
                );
            }
        }
        for (const ce of customErrors) {
            for (const msg of childrenNamed(ce, 'customErrorMessages')) {
                const sel = firstChild(msg, 'fieldSelection');
                if (!sel) continue;
                if (!declaredTrigger)
                    bad(
                        sel,
                        'Flow/customErrors/customErrorMessages/fieldSelection',
                        'fieldSelection needs a record-triggered flow'
                    );
                else fields([sel], trigger, 'Flow/customErrors/customErrorMessages/fieldSelection');
            }
        }

        const names = new Set([...resources.keys()]);
        for (const target of descendants(flow, 'targetReference')) {
            const name = target.text.trim();
            if (!names.has(name))
                bad(
                    target,
                    'Flow/…/connector/targetReference',
                    `connector targets ${name}, which is not an element of this flow`
                );
        }
    }
}
