/**
 * Check 3: packaging. SDR converts both package directories to Metadata API format (temp dir) without error and
 * honouring `.forceignore`; every LWC bundle ships `<name>.js` and no `.ts`; the committed `.js` of every
 * TypeScript LWC equals what `tsc -p tsconfig.lwc-build.json` emits (captured in memory, compared byte-for-byte).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import ts from 'typescript';
import { problem, type Problem } from './problems.js';

const rel = (root: string, abs: string): string => relative(root, abs).split(sep).join('/');

function listFiles(dir: string): string[] {
    const out: string[] = [];
    const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory()) walk(p);
            else out.push(p);
        }
    };
    if (existsSync(dir)) walk(dir);
    return out;
}

/** Pure part: judges the list of files SDR wrote (paths relative to the mdapi output root). */
export function judgeConvertedFiles(outputFiles: readonly string[], outLabel: string): Problem[] {
    const problems: Problem[] = [];
    const bundles = new Map<string, string[]>();
    for (const f of outputFiles) {
        if (f.endsWith('.ts')) {
            problems.push(
                problem(
                    'packaging',
                    `${outLabel}/${f}`,
                    'TypeScript source survived conversion (.forceignore must exclude **/lwc/**/*.ts)'
                )
            );
        }
        if (f.split('/').includes('__tests__')) {
            problems.push(
                problem(
                    'packaging',
                    `${outLabel}/${f}`,
                    'test file survived conversion (.forceignore must exclude **/__tests__/**)'
                )
            );
        }
        const m = /^lwc\/([^/]+)\/(.+)$/.exec(f);
        if (m?.[1] && m[2]) bundles.set(m[1], [...(bundles.get(m[1]) ?? []), m[2]]);
    }
    for (const [name, files] of bundles) {
        if (!files.includes(`${name}.js`)) {
            problems.push(
                problem('packaging', `${outLabel}/lwc/${name}`, `LWC bundle ${name} does not ship ${name}.js`)
            );
        }
    }
    return problems;
}

/** Converts the package directories with SDR into a temp dir and judges the output. */
export async function checkConversion(
    root: string,
    packageDirs: readonly string[]
): Promise<{ problems: Problem[]; components: number }> {
    const out = mkdtempSync(join(tmpdir(), 'verify-mdapi-'));
    try {
        const dirs = packageDirs.map((d) => join(root, d)).filter((d) => existsSync(d));
        const set = ComponentSet.fromSource({ fsPaths: dirs });
        const components = set.getSourceComponents().toArray().length;
        await new MetadataConverter().convert(set, 'metadata', {
            type: 'directory',
            outputDirectory: out,
            genUniqueDir: false
        });
        const files = listFiles(out).map((f) => rel(out, f));
        if (components > 0 && !files.includes('package.xml')) {
            return { problems: [problem('packaging', packageDirs.join(', '), 'SDR wrote no package.xml')], components };
        }
        return { problems: judgeConvertedFiles(files, '<mdapi>'), components };
    } catch (err) {
        const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        return {
            problems: [problem('packaging', packageDirs.join(', '), `SDR conversion failed: ${message}`)],
            components: 0
        };
    } finally {
        rmSync(out, { recursive: true, force: true });
    }
}

/**
 * Compiles the TypeScript LWCs with the project's build tsconfig and compares each emitted `.js` with the committed
 * one. `tsFiles` are the LWC `.ts` sources found in the package directories (absolute paths).
 */
export function checkLwcBuild(
    root: string,
    tsFiles: readonly string[],
    configName = 'tsconfig.lwc-build.json'
): Problem[] {
    const sources = tsFiles.filter((f) => !f.split(sep).includes('__tests__') && !f.endsWith('.d.ts'));
    if (!sources.length) return [];
    const configPath = join(root, configName);
    if (!existsSync(configPath)) {
        return [problem('packaging', configName, `TypeScript LWCs exist but ${configName} is missing`)];
    }
    const problems: Problem[] = [];
    const host: ts.ParseConfigFileHost = {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: (d) => {
            problems.push(problem('packaging', configName, ts.flattenDiagnosticMessageText(d.messageText, ' ')));
        }
    };
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, { noEmit: false }, host);
    if (!parsed) return problems;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const emitted = new Map<string, string>();
    const result = program.emit(undefined, (fileName, text) => {
        emitted.set(resolve(fileName), text);
    });
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
    for (const d of diagnostics) {
        const text = ts.flattenDiagnosticMessageText(d.messageText, ' ');
        if (d.file && d.start !== undefined) {
            const { line } = d.file.getLineAndCharacterOfPosition(d.start);
            problems.push(
                problem('packaging', rel(root, d.file.fileName), `tsc TS${d.code}: ${text}`, { line: line + 1 })
            );
        } else {
            problems.push(problem('packaging', configName, `tsc TS${d.code}: ${text}`));
        }
    }
    if (result.emitSkipped) {
        problems.push(
            problem(
                'packaging',
                configName,
                'tsc emitted nothing (compile errors above); committed .js cannot be compared'
            )
        );
        return problems;
    }
    const compiled = new Set(parsed.fileNames.map((f) => resolve(f)));
    for (const ts_ of sources) {
        const abs = resolve(ts_);
        const jsPath = join(dirname(abs), `${basename(abs, '.ts')}.js`);
        if (!compiled.has(abs)) {
            problems.push(problem('packaging', rel(root, abs), `not compiled by ${configName} (outside its include)`));
            continue;
        }
        const expected = emitted.get(jsPath);
        if (expected === undefined) {
            problems.push(
                problem(
                    'packaging',
                    rel(root, abs),
                    `tsc did not emit ${basename(jsPath)} beside its source (outDir set?)`
                )
            );
            continue;
        }
        problems.push(
            ...compareEmit(rel(root, jsPath), existsSync(jsPath) ? readFileSync(jsPath, 'utf8') : undefined, expected)
        );
    }
    return problems;
}

/** Pure part: compares a committed `.js` (undefined when absent) with tsc's output. */
export function compareEmit(file: string, committed: string | undefined, expected: string): Problem[] {
    if (committed === undefined) {
        return [problem('packaging', file, 'committed .js is missing: run npm run build:lwc and commit the output')];
    }
    if (committed === expected) return [];
    const a = committed.split('\n');
    const b = expected.split('\n');
    let line = 0;
    while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
    return [
        problem(
            'packaging',
            file,
            `committed .js differs from tsc output (expected: ${JSON.stringify((b[line] ?? '<end of file>').slice(0, 80))}); run npm run build:lwc`,
            { line: line + 1 }
        )
    ];
}
