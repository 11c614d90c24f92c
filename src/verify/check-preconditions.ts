/**
 * Check `preconditions`: every precondition a metadata file triggers (src/verify/preconditions.ts) is handled by the
 * install path — the README's Install section names it, the setup script carries the steps in order, the scratch org
 * definition holds the setting — and every file of an org-dependent type triggers at least one precondition. Also
 * checks the kit's duplicate-rule sort orders fit an org with only the standard rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sortOrderProblems } from '../install/duplicate-order.js';
import { NEW_ORG_DUPLICATE_RULES } from '../install/org-facts.js';
import { ORG_DEPENDENT_TYPES, PRECONDITIONS, type InstallPath, type Precondition } from './preconditions.js';
import { problem, type Problem } from './problems.js';
import type { MetadataFile } from './project.js';
import { childrenNamed } from './xml.js';

export const README = 'README.md';
export const SCRIPT = 'scripts/org-init.sh';
export const SCRATCH_DEF = 'config/project-scratch-def.json';

/** The README's `## Install` section: from its heading to the next level-2 heading. */
export function installSection(readme: string): string | undefined {
    const start = readme.search(/^## Install\s*$/m);
    if (start < 0) return undefined;
    const rest = readme.slice(start + 1);
    const next = rest.search(/^## /m);
    return next < 0 ? rest : rest.slice(0, next);
}

/** The script's command text: comment lines dropped, so a comment cannot stand in for a step. */
export function scriptCommands(script: string): string {
    return script
        .split('\n')
        .filter((l) => !l.trim().startsWith('#'))
        .join('\n');
}

/** Reads README.md, scripts/org-init.sh and config/project-scratch-def.json under `root` (missing ones stay undefined). */
export function loadInstallPath(root: string): InstallPath {
    const read = (rel: string): string | undefined =>
        existsSync(join(root, rel)) ? readFileSync(join(root, rel), 'utf8') : undefined;
    const readme = read(README);
    const script = read(SCRIPT);
    const def = read(SCRATCH_DEF);
    let scratchDef: unknown;
    try {
        scratchDef = def === undefined ? undefined : JSON.parse(def);
    } catch {
        scratchDef = undefined;
    }
    const install: InstallPath = {};
    // phrases are matched with whitespace collapsed: Markdown wraps lines anywhere
    const section = readme === undefined ? undefined : installSection(readme)?.replace(/\s+/g, ' ');
    if (section !== undefined) install.readmeInstall = section;
    if (script !== undefined) install.script = scriptCommands(script);
    if (scratchDef !== undefined) install.scratchDef = scratchDef;
    return install;
}

/** The first evidence string missing or out of order in `text`, or undefined when all appear in order. */
export function missingInOrder(text: string, evidence: readonly string[]): string | undefined {
    let from = 0;
    for (const e of evidence) {
        const i = text.indexOf(e, from);
        if (i < 0) return e;
        from = i + e.length;
    }
    return undefined;
}

function unhandled(p: Precondition, files: readonly MetadataFile[], install: InstallPath): Problem[] {
    const first = files[0]?.rel ?? '';
    const what = `${p.trigger} (${first}${files.length > 1 ? ` and ${files.length - 1} more` : ''}) assumes ${p.assumes}`;
    const out: Problem[] = [];
    const say = (file: string, gap: string): void => {
        out.push(problem('preconditions', file, `[${p.id}] ${what}; ${gap} (source: ${p.source})`));
    };
    for (const phrase of p.readme) {
        if (install.readmeInstall === undefined) {
            say(README, 'README.md has no "## Install" section to say how the install path handles it');
            break;
        }
        if (!install.readmeInstall.includes(phrase)) say(README, `the Install section does not mention "${phrase}"`);
    }
    if (p.script.length) {
        if (install.script === undefined) say(SCRIPT, `${SCRIPT} is missing`);
        else {
            const gap = missingInOrder(install.script, p.script);
            if (gap)
                say(
                    SCRIPT,
                    `the setup script lacks the step "${gap}" (in order: ${p.script.map((s) => `"${s}"`).join(' → ')})`
                );
        }
    }
    if (p.scratchDef && !p.scratchDef.holds(install.scratchDef)) {
        say(SCRATCH_DEF, `the scratch org definition does not set ${p.scratchDef.what}`);
    }
    return out;
}

function sortOrders(files: readonly MetadataFile[]): Problem[] {
    const rules = files.flatMap((f) => {
        if (f.sdrType !== 'DuplicateRule' || !f.root || !f.fullName) return [];
        const el = childrenNamed(f.root, 'sortOrder')[0];
        const [object = '', name = ''] = f.fullName.split('.');
        return [{ object, name, sortOrder: Number(el?.text.trim() ?? NaN), file: f, line: el?.line ?? f.root.line }];
    });
    return sortOrderProblems(rules, NEW_ORG_DUPLICATE_RULES).map((message) => {
        const rule = rules.find((r) => message.startsWith(`${r.object}.${r.name}:`));
        return problem('preconditions', rule?.file.rel ?? '', `[standard-duplicate-rules] ${message}`, {
            line: rule?.line ?? 1,
            path: 'DuplicateRule/sortOrder'
        });
    });
}

export function checkPreconditions(
    files: readonly MetadataFile[],
    install: InstallPath,
    readText: (f: MetadataFile) => string = (f) => readFileSync(f.abs, 'utf8')
): Problem[] {
    const live = files.filter((f) => !f.ignored && f.sdrType);
    const triggered = new Map<string, MetadataFile[]>();
    const problems: Problem[] = [];
    for (const f of live) {
        const text = readText(f);
        const hits = PRECONDITIONS.filter((p) => p.triggeredBy(f, text));
        for (const p of hits) triggered.set(p.id, [...(triggered.get(p.id) ?? []), f]);
        if (!hits.length && ORG_DEPENDENT_TYPES.includes(f.sdrType ?? '')) {
            problems.push(
                problem(
                    'preconditions',
                    f.rel,
                    `${f.sdrType} ${f.fullName ?? ''} assumes something of the org, but no precondition in src/verify/preconditions.ts describes it: add one, with the README text and setup-script step that handle it`
                )
            );
        }
    }
    for (const p of PRECONDITIONS) {
        const hit = triggered.get(p.id);
        if (hit) problems.push(...unhandled(p, hit, install));
    }
    problems.push(...sortOrders(live));
    return problems;
}
