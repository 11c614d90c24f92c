/** Check 1: every metadata file (other than LWC `.js-meta.xml`) validates against the Metadata API schema. */
import { expectedRoot, type MetadataFile } from './project.js';
import { problem, type Problem } from './problems.js';
import type { SchemaModel } from './schema-model.js';
import { validateDocument } from './schema-validator.js';

export function isJsMeta(rel: string): boolean {
    return rel.endsWith('.js-meta.xml');
}

export function checkSchema(model: SchemaModel, files: readonly MetadataFile[]): Problem[] {
    const problems: Problem[] = [];
    for (const file of files) {
        if (file.ignored || isJsMeta(file.rel) || !file.root) continue;
        if (!file.sdrType || !file.fullName) {
            problems.push(
                problem(
                    'schema',
                    file.rel,
                    'SDR cannot infer a metadata type for this file (wrong suffix or folder?)',
                    {
                        line: file.root.line,
                        path: file.root.name
                    }
                )
            );
            problems.push(...validateDocument(model, file.root, file.rel, undefined));
            continue;
        }
        problems.push(...validateDocument(model, file.root, file.rel, expectedRoot(file.sdrType, file.fullName)));
    }
    return problems;
}
