/**
 * The gate's `apex` check: parses every Apex class and trigger of the package directories (prettier-plugin-apex's
 * jorje parser, no Java needed on linux-x64/darwin/win32) and checks their SObject field references against the
 * object catalog. apex-ls (types, methods, variables) is a separate step: `src/verify/apex/cli.ts`.
 */
import { join } from 'node:path';
import { problem, type Problem } from '../problems.js';
import type { Project } from '../project.js';
import { collectFields, ObjectCatalog, type StandardCatalog } from '../refs/catalog.js';
import { parseApexFile, type ApexUnit } from './ast.js';
import { checkApexFields } from './fields.js';

export const APEX_SOURCE = /\.(cls|trigger)$/;

/** The catalog the reference checks use: standard-fields.json plus the project's objects and fields. */
export function projectCatalog(project: Pick<Project, 'files'>, standard: StandardCatalog): ObjectCatalog {
    const objects = project.files
        .filter((f) => f.sdrType === 'CustomObject' && f.fullName && !f.ignored)
        .map((f) => f.fullName as string);
    return new ObjectCatalog(standard, objects, collectFields(project.files));
}

/** Parses the project's Apex; a file that does not parse becomes a problem, not an exception. */
export async function loadApexUnits(project: Pick<Project, 'root' | 'allFiles'>): Promise<{
    units: ApexUnit[];
    problems: Problem[];
}> {
    const units: ApexUnit[] = [];
    const problems: Problem[] = [];
    for (const rel of project.allFiles.filter((f) => APEX_SOURCE.test(f)).sort()) {
        try {
            units.push(await parseApexFile(join(project.root, rel), rel));
        } catch (err) {
            problems.push(problem('apex', rel, err instanceof Error ? err.message : String(err)));
        }
    }
    return { units, problems };
}

export async function checkApex(project: Project, standard: StandardCatalog): Promise<Problem[]> {
    const { units, problems } = await loadApexUnits(project);
    return [...problems, ...checkApexFields(units, projectCatalog(project, standard))];
}
