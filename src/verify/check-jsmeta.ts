/**
 * Check 2: LWC `.js-meta.xml` files. The WSDL's LightningComponentBundle does not describe this file (its
 * `targetConfigs` is base64 there and the real file schema is order-free), so it has its own rules.
 */
import { problem, type Problem } from './problems.js';
import { childrenNamed, childText, firstChild, type XmlElement } from './xml.js';

/** Targets an LWC can declare (Lightning Experience, Experience Cloud, flows, email, Agentforce). */
export const KNOWN_TARGETS: ReadonlySet<string> = new Set([
    'lightning__AppPage',
    'lightning__HomePage',
    'lightning__RecordPage',
    'lightning__RecordAction',
    'lightning__GlobalAction',
    'lightning__FlowScreen',
    'lightning__FlowAction',
    'lightning__Tab',
    'lightning__UtilityBar',
    'lightning__Inbox',
    'lightning__UrlAddressable',
    'lightning__Dashboard',
    'lightning__EmailTemplate',
    'lightning__VoiceExtension',
    'lightning__AgentforceInput',
    'lightning__AgentforceOutput',
    'lightningCommunity__Page',
    'lightningCommunity__Default',
    'lightningCommunity__Page_Layout',
    'lightningCommunity__Theme_Layout',
    'lightningSnapin__ChatMessage',
    'lightningSnapin__Minimized',
    'lightningSnapin__PreChat',
    'lightningSnapin__ChatHeader',
    'lightningStatic__Email',
    'analytics__Dashboard'
]);

/** Targets whose target configs may restrict the component to objects (`objects/object`). */
const OBJECT_TARGETS: ReadonlySet<string> = new Set(['lightning__RecordPage', 'lightning__RecordAction']);

const ALLOWED_CHILDREN: ReadonlySet<string> = new Set([
    'apiVersion',
    'capabilities',
    'description',
    'isExplicitImport',
    'isExposed',
    'lwcResources',
    'masterLabel',
    'runtimeNamespace',
    'targets',
    'targetConfigs'
]);

const ROOT = 'LightningComponentBundle';

export function checkJsMeta(root: XmlElement, file: string, sourceApiVersion: string): Problem[] {
    const out: Problem[] = [];
    const report = (el: XmlElement, path: string, message: string): void => {
        out.push(problem('js-meta', file, message, { line: el.line, path }));
    };
    if (root.name !== ROOT) {
        report(root, root.name, `root element must be <${ROOT}>, found <${root.name}>`);
        return out;
    }
    const seen = new Set<string>();
    for (const child of root.children) {
        if (!ALLOWED_CHILDREN.has(child.name))
            report(child, `${ROOT}/${child.name}`, `unknown element <${child.name}>`);
        else if (seen.has(child.name)) report(child, `${ROOT}/${child.name}`, `element <${child.name}> is duplicated`);
        seen.add(child.name);
    }

    const api = firstChild(root, 'apiVersion');
    if (!api) report(root, ROOT, 'required element <apiVersion> is missing');
    else {
        const value = api.text.trim();
        if (!/^\d+\.0$/.test(value)) report(api, `${ROOT}/apiVersion`, `"${value}" is not an API version like 66.0`);
        else if (Number(value) > Number(sourceApiVersion)) {
            report(
                api,
                `${ROOT}/apiVersion`,
                `apiVersion ${value} is above the project's sourceApiVersion ${sourceApiVersion}`
            );
        }
    }

    const exposedEl = firstChild(root, 'isExposed');
    const exposed = childText(root, 'isExposed');
    if (!exposedEl) report(root, ROOT, 'required element <isExposed> is missing');
    else if (exposed !== 'true' && exposed !== 'false') {
        report(exposedEl, `${ROOT}/isExposed`, `"${exposed}" is not a boolean`);
    }

    const declared = new Set<string>();
    const targetsEl = firstChild(root, 'targets');
    for (const t of targetsEl ? targetsEl.children : []) {
        const path = `${ROOT}/targets/${t.name}`;
        const value = t.text.trim();
        if (t.name !== 'target') report(t, path, `unknown element <${t.name}> in targets`);
        else if (!KNOWN_TARGETS.has(value)) report(t, path, `unknown target "${value}"`);
        else if (declared.has(value)) report(t, path, `target "${value}" is declared twice`);
        declared.add(value);
    }
    if (declared.size && exposed !== 'true') {
        report(exposedEl ?? root, `${ROOT}/isExposed`, 'a component with targets must set <isExposed>true</isExposed>');
    }

    const configs = firstChild(root, 'targetConfigs');
    childrenNamed(configs ?? root, 'targetConfig').forEach((config, i) => {
        const path = `${ROOT}/targetConfigs/targetConfig[${i + 1}]`;
        const attr = config.attrs.targets;
        if (!attr) {
            report(config, path, 'targetConfig needs a targets attribute');
            return;
        }
        const targets = attr.split(',').map((t) => t.trim());
        for (const t of targets) {
            if (!declared.has(t)) report(config, `${path}@targets`, `target "${t}" is not declared in <targets>`);
        }
        const objects = firstChild(config, 'objects');
        if (objects) {
            const bad = targets.filter((t) => !OBJECT_TARGETS.has(t));
            if (bad.length) {
                report(
                    objects,
                    `${path}/objects`,
                    `objects/object is only allowed for record-page targets, not ${bad.join(', ')}`
                );
            }
            for (const o of objects.children) {
                if (o.name !== 'object' || !o.text.trim())
                    report(o, `${path}/objects/${o.name}`, 'expected <object>ObjectApiName</object>');
            }
        }
        for (const p of childrenNamed(config, 'property')) {
            if (!p.attrs.name) report(p, `${path}/property`, 'property needs a name attribute');
        }
    });
    if (configs) {
        for (const c of configs.children) {
            if (c.name !== 'targetConfig') report(c, `${ROOT}/targetConfigs/${c.name}`, `unknown element <${c.name}>`);
        }
    }
    return out;
}
