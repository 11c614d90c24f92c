/**
 * The metadata gate: loads the project, runs the schema, js-meta, packaging, reference, docs and history checks, returns every
 * problem. Pure checkers do the judging; this module only wires I/O to them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkApex } from './apex/index.js';
import { checkDocs } from './check-docs.js';
import { checkHistory } from './check-history.js';
import { checkJsMeta } from './check-jsmeta.js';
import { checkConversion, checkLwcBuild } from './check-packaging.js';
import { checkPreconditions, loadInstallPath } from './check-preconditions.js';
import { checkDemoPaths } from './path-guidance.js';
import { checkSchema, isJsMeta } from './check-schema.js';
import { loadDts } from './dts-loader.js';
import { HISTORY_FACTS } from './history.js';
import { problem, sortProblems, type Problem } from './problems.js';
import { loadProject } from './project.js';
import { loadStandardCatalog } from './refs/catalog.js';
import { checkReferences } from './refs/index.js';
import { checkReports } from './reports/index.js';
import type { SchemaModel } from './schema-model.js';
import { loadWsdl } from './wsdl-loader.js';

export type SchemaSource = { kind: 'wsdl'; path: string } | { kind: 'dts' };

/** `SF_METADATA_WSDL` names the WSDL; without it the model comes from `@salesforce/types`. */
export function schemaSourceFromEnv(env: NodeJS.ProcessEnv = process.env): SchemaSource {
    const path = env.SF_METADATA_WSDL?.trim();
    return path ? { kind: 'wsdl', path } : { kind: 'dts' };
}

const models = new Map<string, SchemaModel>();

export function loadSchema(source: SchemaSource): SchemaModel {
    const key = source.kind === 'wsdl' ? `wsdl:${source.path}` : 'dts';
    let model = models.get(key);
    if (!model) {
        if (source.kind === 'wsdl' && !existsSync(source.path)) {
            throw new Error(`SF_METADATA_WSDL points at ${source.path}, which does not exist`);
        }
        model = source.kind === 'wsdl' ? loadWsdl(source.path) : loadDts();
        models.set(key, model);
    }
    return model;
}

export interface GateOptions {
    root: string;
    schema: SchemaSource;
    /** Skip the SDR conversion and the tsc comparison (used by schema/reference unit tests). */
    skipPackaging?: boolean;
    /** Check what the metadata assumes of the org against README, setup script and scratch definition (default on). */
    preconditions?: boolean;
}

export interface GateResult {
    problems: Problem[];
    schemaSource: string;
    metadataFiles: number;
    lwcBundles: number;
    components: number;
    durationMs: number;
}

export async function runGate(options: GateOptions): Promise<GateResult> {
    const started = Date.now();
    const model = loadSchema(options.schema);
    const project = loadProject(options.root);
    const problems: Problem[] = [...project.problems];

    problems.push(...checkSchema(model, project.files, project.sourceApiVersion));
    const jsMeta = project.files.filter((f) => isJsMeta(f.rel) && f.root && !f.ignored);
    for (const f of jsMeta) {
        if (f.root) problems.push(...checkJsMeta(f.root, f.rel, project.sourceApiVersion));
    }

    let components = 0;
    if (!options.skipPackaging) {
        const conversion = await checkConversion(project.root, project.packageDirs);
        components = conversion.components;
        problems.push(...conversion.problems);
        const tsFiles = project.allFiles
            .filter((f) => /\/lwc\/[^/]+\/.*\.ts$/.test(f))
            .map((f) => join(project.root, f));
        problems.push(...checkLwcBuild(project.root, tsFiles));
    }

    const standard = loadStandardCatalog();
    problems.push(...checkReferences(project.files, standard));
    problems.push(...checkReports(project.files, standard));
    problems.push(...(await checkApex(project, standard)));
    problems.push(...checkDocs(project.files));
    problems.push(...checkHistory(project.files, HISTORY_FACTS));
    if (existsSync(join(project.root, 'demo-org/main/default/pathAssistants'))) {
        for (const p of checkDemoPaths(project.root))
            problems.push(problem('path', p.file, p.message, { line: p.line }));
    }
    if (options.preconditions !== false) {
        problems.push(...checkPreconditions(project.files, loadInstallPath(project.root)));
    }
    return {
        problems: sortProblems(problems),
        schemaSource: model.source,
        metadataFiles: project.files.filter((f) => !f.ignored).length,
        lwcBundles: jsMeta.length,
        components,
        durationMs: Date.now() - started
    };
}
