/** Check 1: every metadata file (other than LWC `.js-meta.xml`) validates against the Metadata API schema. */
import { expectedRoot, type MetadataFile } from './project.js';
import { problem, type Problem } from './problems.js';
import type { SchemaModel } from './schema-model.js';
import { validateDocument } from './schema-validator.js';

export function isJsMeta(rel: string): boolean {
    return rel.endsWith('.js-meta.xml');
}

/**
 * Schema check of every non-LWC metadata file, plus: the schema's API version equals the project's
 * sourceApiVersion (when the source states one), and no file declares an apiVersion above sourceApiVersion.
 */
export function checkSchema(model: SchemaModel, files: readonly MetadataFile[], sourceApiVersion: string): Problem[] {
    const problems: Problem[] = [];
    if (model.apiVersion && Number(model.apiVersion) !== Number(sourceApiVersion)) {
        problems.push(
            problem(
                'schema',
                'sfdx-project.json',
                `sourceApiVersion ${sourceApiVersion} differs from the schema's API ${model.apiVersion} (${model.source}): validate against the WSDL of the deploy version`
            )
        );
    }
    for (const file of files) {
        if (file.ignored || isJsMeta(file.rel) || !file.root) continue;
        if (!file.sdrType || !file.fullName) {
            problems.push(
                problem(
                    'schema',
                    file.rel,
                    `SDR cannot resolve this file: ${file.sdrError ?? 'no metadata type for it'} (wrong suffix or folder?)`,
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
        const api = file.root.children.find((c) => c.name === 'apiVersion');
        if (api && Number(api.text.trim()) > Number(sourceApiVersion)) {
            problems.push(
                problem(
                    'schema',
                    file.rel,
                    `apiVersion ${api.text.trim()} is above the project's sourceApiVersion ${sourceApiVersion}`,
                    {
                        line: api.line,
                        path: `${file.root.name}/apiVersion`
                    }
                )
            );
        }
    }
    return problems;
}
