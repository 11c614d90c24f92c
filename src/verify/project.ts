/**
 * Project I/O for the gate: reads sfdx-project.json, lists the files of the package directories, asks SDR which
 * metadata type each `-meta.xml` file is, and parses the XML. Everything the pure checkers need is gathered here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { ComponentSet, ForceIgnore, MetadataResolver, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { z } from 'zod';
import { problem, type Problem } from './problems.js';
import { parseXml, XmlParseError, type XmlElement } from './xml.js';

const sfdxProjectSchema = z.object({
    packageDirectories: z.array(z.object({ path: z.string().min(1) }).passthrough()).min(1),
    sourceApiVersion: z.string().regex(/^\d+\.0$/, 'sourceApiVersion must look like "66.0"')
});

export interface MetadataFile {
    /** Path relative to the project root, with forward slashes. */
    rel: string;
    abs: string;
    /** Metadata type SDR infers (e.g. `CustomField`), undefined when SDR does not resolve the file. */
    sdrType?: string;
    /** Full name SDR gives the component (e.g. `Lead.Persona__c`). */
    fullName?: string;
    /** SDR's error when it cannot resolve this file (e.g. `Could not infer a metadata type`). */
    sdrError?: string;
    /** True when `.forceignore` excludes the file from deploys (it is then not validated). */
    ignored: boolean;
    /** Parsed document, undefined when the XML is not well-formed (a problem is recorded instead). */
    root?: XmlElement;
}

export interface Project {
    root: string;
    packageDirs: string[];
    sourceApiVersion: string;
    /** Every `*-meta.xml` under the package directories (including LWC `.js-meta.xml`), sorted. */
    files: MetadataFile[];
    /** All files under the package directories (relative paths), for the packaging checks. */
    allFiles: string[];
    problems: Problem[];
}

export function toRel(root: string, abs: string): string {
    return relative(root, abs).split(sep).join('/');
}

function walk(dir: string, out: string[]): void {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path, out);
        else if (entry.isFile()) out.push(path);
    }
}

export function readSfdxProject(root: string): { packageDirs: string[]; sourceApiVersion: string } {
    const file = join(root, 'sfdx-project.json');
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const parsed = sfdxProjectSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`sfdx-project.json: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    return {
        packageDirs: parsed.data.packageDirectories.map((d) => d.path),
        sourceApiVersion: parsed.data.sourceApiVersion
    };
}

/** Expected root element of a file of the given SDR type (settings files are `<Name>Settings`). */
export function expectedRoot(sdrType: string, fullName: string): string {
    return sdrType === 'Settings' ? `${fullName}Settings` : sdrType;
}

function collectSdrTypes(components: SourceComponent[], into: Map<string, { type: string; fullName: string }>): void {
    for (const c of components) {
        // non-decomposed types (MatchingRules, CustomLabels, …) list children that share the parent's file: keep the parent
        if (c.xml && !into.has(resolve(c.xml))) into.set(resolve(c.xml), { type: c.type.name, fullName: c.fullName });
        collectSdrTypes(c.getChildren(), into);
    }
}

/** Loads the project: package directories, metadata files with their SDR type, parsed XML. */
export function loadProject(rootDir: string): Project {
    const root = resolve(rootDir);
    const { packageDirs, sourceApiVersion } = readSfdxProject(root);
    const problems: Problem[] = [];
    const absFiles: string[] = [];
    for (const dir of packageDirs) {
        const abs = join(root, dir);
        if (!existsSync(abs)) {
            problems.push(problem('project', 'sfdx-project.json', `package directory "${dir}" does not exist`));
            continue;
        }
        walk(abs, absFiles);
    }
    absFiles.sort();

    const types = new Map<string, { type: string; fullName: string }>();
    const sdrErrors = new Map<string, string>();
    const existing = packageDirs.map((d) => join(root, d)).filter((d) => existsSync(d));
    try {
        const set = ComponentSet.fromSource({ fsPaths: existing });
        collectSdrTypes(set.getSourceComponents().toArray(), types);
    } catch {
        // one unreadable file makes SDR give up on the whole set: resolve file by file to name the culprit(s)
        const resolver = new MetadataResolver();
        for (const abs of absFiles.filter((f) => f.endsWith('-meta.xml'))) {
            try {
                collectSdrTypes(resolver.getComponentsFromPath(abs), types);
            } catch (err) {
                const message = err instanceof Error ? err.message : String(err);
                sdrErrors.set(abs, message.replace(`${abs}: `, ''));
            }
        }
    }

    const forceIgnore = ForceIgnore.findAndCreate(root);
    const files: MetadataFile[] = [];
    for (const abs of absFiles) {
        if (!abs.endsWith('-meta.xml')) continue;
        const rel = toRel(root, abs);
        const file: MetadataFile = { rel, abs, ignored: forceIgnore.denies(abs) };
        if (file.ignored) {
            files.push(file);
            continue;
        }
        const sdr = types.get(abs);
        const sdrError = sdrErrors.get(abs);
        if (sdrError) file.sdrError = sdrError;
        if (sdr) {
            file.sdrType = sdr.type;
            file.fullName = sdr.fullName;
        }
        try {
            file.root = parseXml(readFileSync(abs, 'utf8'));
        } catch (err) {
            const line = err instanceof XmlParseError ? err.line : undefined;
            const message = err instanceof Error ? err.message : String(err);
            problems.push(problem('schema', rel, `XML is not well-formed: ${message}`, line ? { line } : {}));
        }
        files.push(file);
    }
    return {
        root,
        packageDirs,
        sourceApiVersion,
        files,
        allFiles: absFiles.map((a) => toRel(root, a)),
        problems
    };
}
