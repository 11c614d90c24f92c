/**
 * LWC references: FlexiPages place project components that exist, are exposed for the page type, allow the page's
 * object and declare the properties the page sets. (Design attributes that copy a rule value are refused by
 * check-rule-literals.ts: the cards read the rules through AttributionRulesController.getRules.)
 */
import { childrenNamed, childText, descendants, firstChild, type XmlElement } from '../xml.js';
import { ofType, report, type RefContext } from './context.js';

/** FlexiPage `type` → the LWC target a component needs to be placed on it. */
const PAGE_TARGETS: Readonly<Record<string, string>> = {
    RecordPage: 'lightning__RecordPage',
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    UtilityBar: 'lightning__UtilityBar'
};

function targetConfigFor(bundle: XmlElement, target: string): XmlElement | undefined {
    const configs = firstChild(bundle, 'targetConfigs');
    return childrenNamed(configs ?? bundle, 'targetConfig').find((c) =>
        (c.attrs.targets ?? '').split(',').some((t) => t.trim() === target)
    );
}

export function checkFlexiPageComponents(ctx: RefContext): void {
    const bundles = new Map(ofType(ctx, 'LightningComponentBundle').map((b) => [b.fullName, b]));
    const aura = new Set(ofType(ctx, 'AuraDefinitionBundle').map((b) => b.fullName));
    for (const page of ofType(ctx, 'FlexiPage')) {
        const target = PAGE_TARGETS[childText(page.root, 'type') ?? ''];
        const object = childText(page.root, 'sobjectType');
        for (const instance of descendants(page.root, 'componentInstance')) {
            const nameEl = firstChild(instance, 'componentName');
            const name = nameEl?.text.trim() ?? '';
            if (!nameEl || (name.includes(':') && !name.startsWith('c:'))) continue; // standard/namespaced component
            const local = name.replace(/^c:/, '');
            const path = `FlexiPage/…/componentInstance[${local}]`;
            const bundle = bundles.get(local);
            if (!bundle) {
                if (!aura.has(local))
                    report(
                        ctx,
                        page.rel,
                        nameEl,
                        `${path}/componentName`,
                        `component ${local} is not a bundle in the project`
                    );
                continue;
            }
            if (childText(bundle.root, 'isExposed') !== 'true') {
                report(
                    ctx,
                    page.rel,
                    nameEl,
                    `${path}/componentName`,
                    `LWC ${local} is not exposed (isExposed=false in ${bundle.rel})`
                );
                continue;
            }
            if (!target) continue;
            const targets = childrenNamed(firstChild(bundle.root, 'targets') ?? bundle.root, 'target').map((t) =>
                t.text.trim()
            );
            if (!targets.includes(target)) {
                report(
                    ctx,
                    page.rel,
                    nameEl,
                    `${path}/componentName`,
                    `LWC ${local} does not declare target ${target} (${bundle.rel})`
                );
                continue;
            }
            const config = targetConfigFor(bundle.root, target);
            const objects = config
                ? childrenNamed(firstChild(config, 'objects') ?? config, 'object').map((o) => o.text.trim())
                : [];
            if (object && objects.length && !objects.includes(object)) {
                report(
                    ctx,
                    page.rel,
                    nameEl,
                    `${path}/componentName`,
                    `LWC ${local} is limited to ${objects.join(', ')} on ${target}, not ${object}`
                );
            }
            const declared = new Set((config ? childrenNamed(config, 'property') : []).map((p) => p.attrs.name));
            for (const prop of childrenNamed(instance, 'componentInstanceProperties')) {
                const propName = childText(prop, 'name') ?? '';
                if (!declared.has(propName)) {
                    report(
                        ctx,
                        page.rel,
                        prop,
                        `${path}/componentInstanceProperties[${propName}]`,
                        `LWC ${local} declares no property ${propName} for ${target}`
                    );
                }
            }
        }
    }
}
