/**
 * Apex references a deploy resolves: a permission set's `classAccesses` names an Apex class of the project, and every
 * `@salesforce/apex/<Class>.<method>` import of a project LWC names a project class with a static `@AuraEnabled`
 * method of that name; a method the component `@wire`s must be `cacheable=true` (Lightning refuses to wire any other).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { descendants } from '../xml.js';
import { ofType, report, type RefContext } from './context.js';

export interface AuraMethod {
    name: string;
    cacheable: boolean;
}

/** The static `@AuraEnabled` methods of an Apex class source (annotation options kept, comments ignored). */
export function auraMethods(source: string): AuraMethod[] {
    const code = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
    const out: AuraMethod[] = [];
    const pattern = /@AuraEnabled\s*(\(([^)]*)\))?\s+(?:(?:public|global|static)\s+)+[\w<>,.\s]+?\s(\w+)\s*\(/gi;
    for (const m of code.matchAll(pattern)) {
        if (!/\bstatic\b/i.test(m[0])) continue;
        out.push({ name: m[3] ?? '', cacheable: /cacheable\s*=\s*true/i.test(m[2] ?? '') });
    }
    return out;
}

/** `@salesforce/apex/Class.method` imports of a module: local name, class, method, 1-based line, wired or not. */
export function apexImports(
    fileName: string,
    text: string
): { local: string; className: string; method: string; line: number; wired: boolean }[] {
    const kind = fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    const out: { local: string; className: string; method: string; line: number; wired: boolean }[] = [];
    for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
        const m = /^@salesforce\/apex\/(\w+)\.(\w+)$/.exec(statement.moduleSpecifier.text);
        const local = statement.importClause?.name?.text;
        if (!m || !local || statement.importClause?.isTypeOnly) continue;
        out.push({
            local,
            className: m[1] ?? '',
            method: m[2] ?? '',
            line: source.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
            wired: new RegExp(`@wire\\(\\s*${local}\\b`).test(text)
        });
    }
    return out;
}

export function checkApexReferences(ctx: RefContext): void {
    const classes = new Map(
        ofType(ctx, 'ApexClass').map((c) => [
            c.fullName,
            auraMethods(readFileSync(c.abs.replace(/-meta\.xml$/, ''), 'utf8'))
        ])
    );
    for (const set of ofType(ctx, 'PermissionSet')) {
        for (const access of descendants(set.root, 'classAccesses')) {
            const nameEl = descendants(access, 'apexClass')[0];
            const name = nameEl?.text.trim() ?? '';
            if (!classes.has(name))
                report(
                    ctx,
                    set.rel,
                    nameEl ?? access,
                    'PermissionSet/classAccesses/apexClass',
                    `Apex class ${name} is not in the project`
                );
        }
    }
    for (const bundle of ofType(ctx, 'LightningComponentBundle')) {
        const dir = dirname(bundle.abs);
        const names = readdirSync(dir).sort();
        const typescript = names.filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts'));
        for (const name of typescript.length > 0 ? typescript : names.filter((n) => n.endsWith('.js'))) {
            const file = `${dirname(bundle.rel)}/${name}`;
            for (const imp of apexImports(name, readFileSync(join(dir, name), 'utf8'))) {
                const where = `@salesforce/apex/${imp.className}.${imp.method}`;
                const methods = classes.get(imp.className);
                const method = methods?.find((x) => x.name === imp.method);
                const message = !methods
                    ? `${where}: Apex class ${imp.className} is not in the project`
                    : !method
                      ? `${where}: ${imp.className} has no static @AuraEnabled method ${imp.method}`
                      : imp.wired && !method.cacheable
                        ? `${where}: a wired Apex method must be @AuraEnabled(cacheable=true)`
                        : undefined;
                if (message)
                    ctx.problems.push({
                        check: 'references',
                        file,
                        line: imp.line,
                        path: `lwc/${bundle.fullName}/${name}`,
                        message
                    });
            }
        }
    }
}
