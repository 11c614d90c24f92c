/**
 * Builds the preview bundle (rollup + the LWC compiler) into `.preview-cache/bundle`, skipping the build when the
 * hash of its inputs (components, client stubs, build code, labels, lockfile) matches the last build's.
 *
 * One engine only: `lwc`, `@lwc/synthetic-shadow` and `@lwc/wire-service` are aliased to the 9.4.3 builds the LWC
 * compiler here emits for (sfdx-lwc-jest hoists 8.x to the top of node_modules) and `defaultModules` is empty.
 * Platform modules are the preview's stubs (PLATFORM_STUBS), listed before `lightning-base-components` so they win.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { LABELS_PATH, loadLabels } from './metadata.js';
import {
    pageComponentsPlugin,
    pageComponentsSource,
    readPageComponent,
    readQuickActions,
    salesforceModulesPlugin,
    typescriptPlugin,
    type PageComponent
} from './plugins.js';

export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CACHE_DIR = '.preview-cache';
export const LWC_DIR = 'force-app/main/default/lwc';
/** The project's quick actions: an LWC screen action opens from the frame's header, in a modal. */
export const QUICK_ACTIONS_DIR = 'force-app/main/default/quickActions';
const CLIENT_DIR = 'preview/client';

/**
 * Platform modules the components may import, each answered by a stub in preview/client/stubs. A component that
 * imports a platform module missing here fails the build (rollup: unresolved import): add one line and the stub.
 */
export const PLATFORM_STUBS: Readonly<Record<string, string>> = {
    'lightning/uiRecordApi': 'uiRecordApi.ts',
    'lightning/uiRelatedListApi': 'uiRelatedListApi.ts',
    'lightning/uiObjectInfoApi': 'uiObjectInfoApi.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/refresh': 'refresh.ts',
    'lightning/actions': 'actions.ts',
    '@salesforce/apex': 'apexRuntime.ts',
    // A base-component feature gate the preview keeps closed (see the stub).
    '@salesforce/gate/bc.260.enableComboboxElementInternals': 'gateClosed.ts'
};

const ENGINE = 'node_modules/lwc/node_modules/@lwc';
const ENGINE_MODULES: Readonly<Record<string, string>> = {
    lwc: `${ENGINE}/engine-dom/dist/index.js`,
    '@lwc/engine-dom': `${ENGINE}/engine-dom/dist/index.js`,
    '@lwc/synthetic-shadow': `${ENGINE}/synthetic-shadow/dist/index.js`,
    '@lwc/wire-service': `${ENGINE}/wire-service/dist/index.js`
};

export interface BuildResult {
    dir: string;
    cached: boolean;
    ms: number;
    hash: string;
}

function filesUnder(dir: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .map((f) => path.join(dir, f))
        .filter((f) => statSync(f).isFile() && !f.includes(`${path.sep}__tests__${path.sep}`))
        .sort();
}

/** sha256 over the inputs' paths and contents. */
export function inputsHash(projectDir: string, lwcDirs: readonly string[] = [LWC_DIR]): string {
    const files = [
        ...lwcDirs.flatMap((d) => filesUnder(path.join(projectDir, d))),
        ...filesUnder(path.join(projectDir, CLIENT_DIR)),
        ...filesUnder(path.join(projectDir, QUICK_ACTIONS_DIR)),
        ...['preview/build.ts', 'preview/plugins.ts', LABELS_PATH, 'package-lock.json'].map((f) =>
            path.join(projectDir, f)
        )
    ].filter((f) => existsSync(f));
    const hash = createHash('sha256');
    for (const file of files) {
        hash.update(path.relative(projectDir, file)).update('\0').update(readFileSync(file)).update('\0');
    }
    return hash.digest('hex');
}

/** The record-page components and screen actions of the project (lightning__RecordPage, lightning__RecordAction). */
export function pageComponents(projectDir: string, lwcDirs: readonly string[] = [LWC_DIR]): PageComponent[] {
    const actions = readQuickActions(path.join(projectDir, QUICK_ACTIONS_DIR));
    return lwcDirs.flatMap((d) => {
        const dir = path.join(projectDir, d);
        return readdirSync(dir)
            .filter((name) => existsSync(path.join(dir, name, `${name}.js-meta.xml`)))
            .map((name) => readPageComponent(dir, name, actions))
            .filter((c): c is PageComponent => c !== null);
    });
}

function componentAliases(projectDir: string, lwcDirs: readonly string[]): { name: string; path: string }[] {
    return lwcDirs
        .flatMap((d) => {
            const dir = path.join(projectDir, d);
            return readdirSync(dir).map((name) => {
                const ts = path.join(dir, name, `${name}.ts`);
                const js = path.join(dir, name, `${name}.js`);
                return { name: `c/${name}`, path: existsSync(ts) ? ts : js };
            });
        })
        .filter((a) => existsSync(a.path));
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>Record page preview · Attribution Guardrails</title>
<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css">
<link rel="stylesheet" href="/bundle/frame.css">
</head>
<body>
<div id="app"></div>
<script type="module" src="/bundle/main.js"></script>
</body>
</html>
`;

export interface BuildOptions {
    projectDir?: string;
    /** Rebuild even when the inputs' hash matches. */
    force?: boolean;
    /** Component folders (project-relative); the browser suite adds its probe component's folder. */
    lwcDirs?: readonly string[];
    /** Sub-folder of .preview-cache for this bundle. */
    cacheName?: string;
}

/** Builds unless the cached bundle's hash matches (`force` rebuilds). */
export async function buildPreview(opts: BuildOptions = {}): Promise<BuildResult> {
    const started = Date.now();
    const projectDir = opts.projectDir ?? PROJECT_DIR;
    const lwcDirs = opts.lwcDirs ?? [LWC_DIR];
    const cacheName = opts.cacheName ?? 'bundle';
    const dir = path.join(projectDir, CACHE_DIR, cacheName);
    const hashFile = path.join(dir, '.inputs-hash');
    const hash = inputsHash(projectDir, lwcDirs);
    if (!opts.force && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
        return { dir, cached: true, ms: Date.now() - started, hash };
    }
    rmSync(dir, { recursive: true, force: true });
    const genDir = path.join(projectDir, CACHE_DIR, 'gen');
    mkdirSync(genDir, { recursive: true });
    const componentsFile = path.join(genDir, `${cacheName}-components.js`);
    writeFileSync(componentsFile, pageComponentsSource(pageComponents(projectDir, lwcDirs)));
    const stubs = path.join(projectDir, CLIENT_DIR, 'stubs');
    const bundle = await rollup({
        input: path.join(projectDir, CLIENT_DIR, 'main.ts'),
        onwarn(warning, warn) {
            if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
            // The base components' own template warnings (duplicate slots in lightning-card) are theirs, not ours.
            if (warning.id?.includes(`${path.sep}lightning-base-components${path.sep}`)) return;
            warn(warning);
        },
        plugins: [
            replace({
                preventAssignment: true,
                values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
            }),
            pageComponentsPlugin(componentsFile),
            salesforceModulesPlugin({
                labels: loadLabels(projectDir),
                apexRuntime: path.join(stubs, 'apexRuntime.ts')
            }),
            typescriptPlugin(),
            lwc({
                rootDir: path.join(projectDir, LWC_DIR),
                defaultModules: [],
                modules: [
                    ...Object.entries(ENGINE_MODULES).map(([name, p]) => ({ name, path: path.join(projectDir, p) })),
                    ...componentAliases(projectDir, lwcDirs),
                    ...Object.entries(PLATFORM_STUBS).map(([name, file]) => ({ name, path: path.join(stubs, file) })),
                    { npm: 'lightning-base-components' }
                ]
            })
        ]
    });
    try {
        await bundle.write({ dir, format: 'es', entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' });
    } finally {
        await bundle.close();
    }
    writeFileSync(path.join(dir, 'index.html'), INDEX_HTML);
    writeFileSync(path.join(dir, 'frame.css'), readFileSync(path.join(projectDir, CLIENT_DIR, 'frame.css')));
    writeFileSync(hashFile, hash);
    return { dir, cached: false, ms: Date.now() - started, hash };
}
