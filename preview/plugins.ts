/**
 * Rollup plugins of the preview build: TypeScript (types stripped ahead of the LWC compiler), the `@salesforce/*`
 * scoped modules the platform provides (schema references, Custom Labels `c.*`, Apex methods) and the list of record
 * page components the frame mounts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Plugin } from 'rollup';
import ts from 'typescript';
import { z } from 'zod';

const VIRTUAL = '\0preview:';

/** Strips TypeScript types (ESNext output, standard decorators kept for the LWC compiler). */
export function typescriptPlugin(): Plugin {
    return {
        name: 'preview-typescript',
        transform(code, id) {
            const file = id.split('?')[0] ?? id;
            if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
            const out = ts.transpileModule(code, {
                fileName: file,
                compilerOptions: {
                    target: ts.ScriptTarget.ESNext,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true,
                    experimentalDecorators: false,
                    verbatimModuleSyntax: false,
                    sourceMap: false
                }
            });
            return { code: out.outputText, map: null };
        }
    };
}

/**
 * `@salesforce/schema/<Object>[.<Field path>]` → `{ objectApiName, fieldApiName }` (what the platform and the Jest
 * stubs give), `@salesforce/label/c.<Name>` → the label's value from CustomLabels (its name when absent),
 * `@salesforce/apex/<Class>.<method>` → a callable wire adapter that asks the preview server.
 */
export function salesforceModulesPlugin(opts: { labels: ReadonlyMap<string, string>; apexRuntime: string }): Plugin {
    return {
        name: 'preview-salesforce-modules',
        resolveId(source) {
            if (/^@salesforce\/schema\/[\w.]+$/.test(source)) return VIRTUAL + source;
            if (/^@salesforce\/label\/c\.\w+$/.test(source)) return VIRTUAL + source;
            if (/^@salesforce\/apex\/\w+\.\w+$/.test(source)) return VIRTUAL + source;
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL + '@salesforce/')) return null;
            const source = id.slice(VIRTUAL.length);
            const [, kind, rest = ''] = source.split('/');
            if (kind === 'schema') {
                const [objectApiName, ...fieldPath] = rest.split('.');
                const ref = fieldPath.length ? { objectApiName, fieldApiName: fieldPath.join('.') } : { objectApiName };
                return `export default ${JSON.stringify(ref)};`;
            }
            if (kind === 'label') {
                const name = rest.slice('c.'.length);
                return `export default ${JSON.stringify(opts.labels.get(name) ?? name)};`;
            }
            return (
                `import { apexMethod } from ${JSON.stringify(opts.apexRuntime)};\n` +
                `export default apexMethod(${JSON.stringify(rest)});`
            );
        }
    };
}

export interface PageComponent {
    /** Bundle name (`opportunityAttribution`). */
    name: string;
    masterLabel: string;
    objects: string[];
    /** A screen quick action (lightning__RecordAction): the label of its QuickAction, opened in a modal. */
    action?: { label: string };
}

/** A QuickAction of type LightningWebComponent: the object it is on and its label. */
export interface QuickActionRef {
    object: string;
    label: string;
}

const metaParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (n) => n === 'object' });
const bundleSchema = z.object({
    LightningComponentBundle: z.object({
        isExposed: z.string(),
        masterLabel: z.string().optional(),
        targets: z.object({ target: z.union([z.string(), z.array(z.string())]) }).optional(),
        targetConfigs: z
            .object({
                targetConfig: z.union([
                    z.object({ objects: z.object({ object: z.array(z.string()) }).optional() }),
                    z.array(z.object({ objects: z.object({ object: z.array(z.string()) }).optional() }))
                ])
            })
            .optional()
    })
});

/**
 * A bundle exposed on record pages, with the objects it is restricted to (none listed: every object); or a screen
 * quick action (lightning__RecordAction) on the objects whose QuickAction names it (`actions`, by bundle name).
 */
export function pageComponentOf(
    name: string,
    metaXml: string,
    file: string,
    actions: ReadonlyMap<string, readonly QuickActionRef[]> = new Map()
): PageComponent | null {
    const parsed = bundleSchema.safeParse(metaParser.parse(metaXml));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'not a component bundle'}`);
    const bundle = parsed.data.LightningComponentBundle;
    const targets = [bundle.targets?.target ?? []].flat();
    const quickActions = actions.get(name) ?? [];
    if (bundle.isExposed === 'true' && targets.includes('lightning__RecordAction') && quickActions.length > 0) {
        return {
            name,
            masterLabel: bundle.masterLabel ?? name,
            objects: quickActions.map((a) => a.object),
            action: { label: quickActions[0]?.label ?? name }
        };
    }
    if (bundle.isExposed !== 'true' || !targets.includes('lightning__RecordPage')) return null;
    const configs = [bundle.targetConfigs?.targetConfig ?? []].flat();
    const objects = configs.flatMap((c) => c.objects?.object ?? []);
    return { name, masterLabel: bundle.masterLabel ?? name, objects };
}

/**
 * The source of `preview:components`: every record-page component of the project, imported, with its objects.
 * Written to a real file by the build (the LWC resolver resolves `c/<name>` from an importer on disk).
 */
export function pageComponentsSource(components: readonly PageComponent[]): string {
    const imports = components.map((c, i) => `import C${i} from 'c/${c.name}';`).join('\n');
    const entries = components.map(
        (c, i) =>
            `{ name: ${JSON.stringify(c.name)}, masterLabel: ${JSON.stringify(c.masterLabel)}, ` +
            `objects: ${JSON.stringify(c.objects)}, action: ${JSON.stringify(c.action ?? null)}, ctor: C${i} }`
    );
    return `${imports}\nexport default [${entries.join(',\n')}];\n`;
}

/** Resolves `preview:components` to the generated file. */
export function pageComponentsPlugin(file: string): Plugin {
    return { name: 'preview-page-components', resolveId: (source) => (source === 'preview:components' ? file : null) };
}

/** Reads a bundle's meta file for pageComponentOf. */
export function readPageComponent(
    lwcDir: string,
    name: string,
    actions: ReadonlyMap<string, readonly QuickActionRef[]> = new Map()
): PageComponent | null {
    const file = path.join(lwcDir, name, `${name}.js-meta.xml`);
    return pageComponentOf(name, readFileSync(file, 'utf8'), file, actions);
}

const quickActionSchema = z.object({
    QuickAction: z.object({
        type: z.string(),
        label: z.string().optional(),
        lightningWebComponent: z.string().optional()
    })
});

/** The LightningWebComponent quick actions of a quickActions folder (`<Object>.<Name>.quickAction-meta.xml`). */
export function readQuickActions(dir: string): Map<string, QuickActionRef[]> {
    const byComponent = new Map<string, QuickActionRef[]>();
    if (!existsSync(dir)) return byComponent;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.quickAction-meta.xml'))) {
        const parsed = quickActionSchema.safeParse(metaParser.parse(readFileSync(path.join(dir, file), 'utf8')));
        if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues[0]?.message ?? 'not a QuickAction'}`);
        const action = parsed.data.QuickAction;
        const component = action.lightningWebComponent;
        if (action.type !== 'LightningWebComponent' || !component) continue;
        const [object = '', name = ''] = file.replace('.quickAction-meta.xml', '').split('.');
        const refs = byComponent.get(component) ?? [];
        refs.push({ object, label: action.label ?? name });
        byComponent.set(component, refs);
    }
    return byComponent;
}
