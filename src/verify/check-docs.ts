/**
 * Metadata documents itself (DEVELOPERS.md): a non-empty `description` on every custom field, validation rule,
 * flow, permission set, custom permission, custom object / custom metadata type, global value set and duplicate
 * rule, and `inlineHelpText` on the custom fields reps see (every custom field outside custom metadata types). A
 * permission set's description claims nothing about custom metadata that the set does not grant
 * (`permission-claims.ts`). Texts stay within the lengths an org accepts (`TEXT_LIMITS`; a longer one fails the
 * deploy).
 */
import { grantsOf, unbackedClaims } from './permission-claims.js';
import type { MetadataFile } from './project.js';
import { problem, type Problem } from './problems.js';
import { textsOverLimit, UNDOCUMENTED } from './text-limits.js';
import { childText, firstChild } from './xml.js';

const DESCRIBED: ReadonlySet<string> = new Set([
    'CustomField',
    'ValidationRule',
    'Flow',
    'PermissionSet',
    'CustomPermission',
    'CustomObject',
    'GlobalValueSet',
    'DuplicateRule'
]);

export { TEXT_LIMITS } from './text-limits.js';

export function checkDocs(files: readonly MetadataFile[]): Problem[] {
    const problems: Problem[] = [];
    for (const f of files) {
        if (f.ignored || !f.root || !f.sdrType || !f.fullName) continue;
        for (const over of textsOverLimit(f.sdrType, f.root)) {
            const source =
                over.limit.source === UNDOCUMENTED ? 'no documented limit found; conservative' : over.limit.source;
            problems.push(
                problem(
                    'docs',
                    f.rel,
                    `<${over.element.name}> has ${over.length} characters; an org accepts at most ${over.limit.limit} (${source})`,
                    { line: over.element.line, path: over.path }
                )
            );
        }
        if (!DESCRIBED.has(f.sdrType)) continue;
        // standard objects (Lead.object-meta.xml) are not the project's to describe
        if (f.sdrType === 'CustomObject' && !/__(c|mdt|e)$/.test(f.fullName)) continue;
        // nor are standard fields (unpackaged/…/Opportunity/fields/CampaignId.field-meta.xml only sets history tracking)
        if (f.sdrType === 'CustomField' && !/__c$/.test(f.fullName)) continue;
        const where = { line: f.root.line, path: f.root.name };
        const description = childText(f.root, 'description');
        if (!description) {
            problems.push(problem('docs', f.rel, `${f.sdrType} ${f.fullName} has no <description>`, where));
        } else if (f.sdrType === 'PermissionSet') {
            const at = {
                line: firstChild(f.root, 'description')?.line ?? f.root.line,
                path: 'PermissionSet/description'
            };
            for (const message of unbackedClaims(description, grantsOf(f.root))) {
                problems.push(problem('docs', f.rel, `${f.fullName}: ${message}`, at));
            }
        }
        const object = f.fullName.split('.')[0] ?? '';
        if (f.sdrType === 'CustomField' && !object.endsWith('__mdt') && !childText(f.root, 'inlineHelpText')) {
            problems.push(
                problem('docs', f.rel, `field ${f.fullName} is seen by reps but has no <inlineHelpText>`, where)
            );
        }
    }
    return problems;
}
