/**
 * Every package the code imports is declared (the audit's in `dependencies`, since `npm ci --omit=dev` must run it),
 * and the Node range the project declares is one every installed package accepts, so `npm ci` prints no EBADENGINE.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../src/audit/config.js';

type Manifest = {
    engines?: { node?: string };
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
};
const pkg = JSON.parse(readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as Manifest;
const lock = JSON.parse(readFileSync(path.join(PROJECT_DIR, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, Manifest & { version?: string; dev?: boolean }>;
};

function tsFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? tsFiles(full) : e.name.endsWith('.ts') ? [full] : [];
    });
}

/** Bare module specifiers a file imports (static, dynamic, `createRequire(...)('x')`) as package names. */
export function importedPackages(source: string): string[] {
    const specs = [
        ...source.matchAll(/^\s*(?:import|export)\b[^;'"`]*?\bfrom\s+'([^'.][^']*)'/gm),
        ...source.matchAll(/^\s*import\s+'([^'.][^']*)'/gm),
        ...source.matchAll(/\bimport\(\s*'([^'.][^']*)'\s*\)/g),
        ...source.matchAll(/\)\(\s*'([^'.][^']*)'\s*\)/g),
        ...source.matchAll(/require\.resolve\(\s*'([^'.][^']*)'\s*\)/g)
    ].map((m) => m[1] ?? '');
    return [
        ...new Set(
            specs
                .filter((s) => !s.startsWith('node:'))
                .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] ?? s)))
        )
    ];
}

describe('declared dependencies', () => {
    it('finds static, dynamic and createRequire imports (seeded)', () => {
        const seeded = [
            "import type { Connection } from '@jsforce/jsforce-node';",
            "import {\n    HttpApi\n} from '@jsforce/jsforce-node/lib/http-api.js';",
            "const c = await import('@salesforce/core');",
            "const f = createRequire(import.meta.url)('formulon');",
            "import x from './local.js';",
            "import fs from 'node:fs';",
            "import 'cli-table3';"
        ].join('\n');
        expect(importedPackages(seeded).sort()).toEqual([
            '@jsforce/jsforce-node',
            '@salesforce/core',
            'cli-table3',
            'formulon'
        ]);
    });

    it('every package src/audit imports is in dependencies', () => {
        const declared = new Set(Object.keys(pkg.dependencies ?? {}));
        const undeclared = tsFiles(path.join(PROJECT_DIR, 'src', 'audit')).flatMap((f) =>
            importedPackages(readFileSync(f, 'utf8'))
                .filter((p) => !declared.has(p))
                .map((p) => `${path.relative(PROJECT_DIR, f)}: ${p}`)
        );
        expect(undeclared).toEqual([]);
    });

    it('every package src/, test/, bench/ and scripts/ import is declared', () => {
        const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]);
        const undeclared = ['src', 'test', 'bench', 'scripts'].flatMap((d) =>
            tsFiles(path.join(PROJECT_DIR, d))
                .filter((f) => !f.endsWith('dependencies.test.ts'))
                .flatMap((f) =>
                    importedPackages(readFileSync(f, 'utf8'))
                        .filter((p) => !declared.has(p) && p !== 'vitest/config')
                        .map((p) => `${path.relative(PROJECT_DIR, f)}: ${p}`)
                )
        );
        expect(undeclared).toEqual([]);
    });

    it("the project's Node range is within the engines of every package it runs with (no EBADENGINE for users)", () => {
        const range = pkg.engines?.node ?? '*';
        // development-only packages (lock "dev": true) are not installed for users; their ranges are in the README
        const refusing = Object.entries(lock.packages)
            .filter(
                ([key, p]) => key !== '' && p.dev !== true && p.engines?.node && !semver.subset(range, p.engines.node)
            )
            .map(([key, p]) => `${key.replace(/^.*node_modules\//, '')}@${p.version}: ${p.engines?.node}`);
        expect(refusing).toEqual([]);
        // the seeded defect: the old range claimed Node 20, which @jsforce/jsforce-node 3.12 (node >=22) refuses
        expect(semver.subset('>=20.18', '>=22')).toBe(false);
    });

    it('the README states the same Node support as package.json', () => {
        const readme = readFileSync(path.join(PROJECT_DIR, 'README.md'), 'utf8');
        const min = semver.minVersion(pkg.engines?.node ?? '*');
        expect(min?.version).toBe('22.20.0');
        expect(readme).toMatch(/Node\.js 22\.20 or later in the 22 line, or 24\.12 or\s+later/);
        expect(readme).not.toMatch(/Node\.js 20\.18\+, 22 or 24/);
    });
});
