/**
 * Reads duplicate rules and matching rules from source format for the structural tests. Validated with zod so a
 * malformed file fails naming the file and element.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { KIT_DIRS } from '../../src/install/org-facts.js';

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) =>
        [
            'matchingRules',
            'matchingRuleItems',
            'duplicateRuleMatchRules',
            'mappingFields',
            'duplicateRuleFilterItems'
        ].includes(name) || name.startsWith('operationsOn')
});

const NIL = z.object({ '@xsi:nil': z.literal('true') });

const MappingSchema = z.object({
    inputObject: z.string(),
    mappingFields: z.array(z.object({ inputField: z.string(), outputField: z.string() })),
    outputObject: z.string()
});

const FilterItemSchema = z.object({
    field: z.string().min(1),
    operation: z.enum(['equals', 'notEqual']),
    value: z.string().optional(),
    sortOrder: z.coerce.number().int().positive(),
    table: z.string().min(1)
});

const FilterSchema = z.object({
    booleanFilter: z.union([NIL, z.string()]),
    duplicateRuleFilterItems: z.array(FilterItemSchema).min(1)
});

export type DuplicateRuleFilter = z.infer<typeof FilterSchema>;

const DuplicateRuleSchema = z.object({
    actionOnInsert: z.enum(['Allow', 'Block']),
    actionOnUpdate: z.enum(['Allow', 'Block']),
    alertText: z.string().min(1),
    description: z.string().min(1),
    duplicateRuleFilter: z.union([NIL, FilterSchema]),
    duplicateRuleMatchRules: z.array(
        z.object({
            matchRuleSObjectType: z.string(),
            matchingRule: z.string(),
            objectMapping: z.union([NIL, MappingSchema])
        })
    ),
    isActive: z.enum(['true', 'false']),
    masterLabel: z.string().min(1).max(80),
    operationsOnInsert: z.array(z.enum(['Alert', 'Report'])).default([]),
    operationsOnUpdate: z.array(z.enum(['Alert', 'Report'])).default([]),
    securityOption: z.enum(['EnforceSharingRules', 'BypassSharingRules']),
    sortOrder: z.coerce.number().int().positive()
});

const MatchingRulesSchema = z.object({
    matchingRules: z.array(
        z.object({
            fullName: z.string(),
            description: z.string().min(1),
            label: z.string().min(1),
            matchingRuleItems: z.array(
                z.object({
                    blankValueBehavior: z.enum(['MatchBlanks', 'NullNotAllowed']).optional(),
                    fieldName: z.string(),
                    matchingMethod: z.string()
                })
            ),
            ruleStatus: z.string()
        })
    )
});

export type DuplicateRule = z.infer<typeof DuplicateRuleSchema> & { object: string; name: string; file: string };
export const repoDir = (kind: 'duplicateRules' | 'matchingRules'): string => KIT_DIRS[kind];
export type MatchingRule = z.infer<typeof MatchingRulesSchema>['matchingRules'][number] & { object: string };

function parseWith<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, xml: string, root: string, file: string): T {
    const document = parser.parse(xml) as Record<string, unknown>;
    const parsed = schema.safeParse(document[root]);
    if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `<${issue.path.join('.')}> ${issue.message}`);
        throw new Error(`${file}: ${issues.join('; ')}`);
    }
    return parsed.data;
}

export function parseDuplicateRule(xml: string, file: string): DuplicateRule {
    const match = /([^/]+)\.([^/.]+)\.duplicateRule-meta\.xml$/.exec(file);
    if (!match) {
        throw new Error(`${file}: not named <Object>.<Rule>.duplicateRule-meta.xml`);
    }
    const rule = parseWith(DuplicateRuleSchema, xml, 'DuplicateRule', file);
    return { ...rule, object: match[1] ?? '', name: match[2] ?? '', file };
}

export function parseMatchingRules(xml: string, file: string): MatchingRule[] {
    const match = /([^/]+)\.matchingRule-meta\.xml$/.exec(file);
    if (!match) {
        throw new Error(`${file}: not named <Object>.matchingRule-meta.xml`);
    }
    return parseWith(MatchingRulesSchema, xml, 'MatchingRules', file).matchingRules.map((rule) => ({
        ...rule,
        object: match[1] ?? ''
    }));
}

function filesIn(dir: string, suffix: string): string[] {
    return readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => join(dir, name));
}

export function loadDuplicateRules(dir: string): DuplicateRule[] {
    return filesIn(dir, '.duplicateRule-meta.xml').map((file) => parseDuplicateRule(readFileSync(file, 'utf8'), file));
}

export function loadMatchingRules(dir: string): MatchingRule[] {
    return filesIn(dir, '.matchingRule-meta.xml').flatMap((file) =>
        parseMatchingRules(readFileSync(file, 'utf8'), file)
    );
}

/**
 * Problems of a set of duplicate rules against the matching rules they use: unknown or inactive matching rule, a
 * matching rule on another object than the one matched, a cross-object rule without a complete field mapping.
 */
export function dedupeProblems(duplicates: readonly DuplicateRule[], matching: readonly MatchingRule[]): string[] {
    const problems: string[] = [];
    for (const rule of duplicates) {
        for (const use of rule.duplicateRuleMatchRules) {
            const target = matching.find((m) => m.fullName === use.matchingRule);
            if (!target) {
                problems.push(`${rule.file}: matching rule ${use.matchingRule} does not exist`);
                continue;
            }
            if (target.object !== use.matchRuleSObjectType) {
                problems.push(
                    `${rule.file}: matching rule ${use.matchingRule} is on ${target.object}, not ${use.matchRuleSObjectType}`
                );
            }
            if (target.ruleStatus !== 'Active' && rule.isActive === 'true') {
                problems.push(`${rule.file}: active rule uses inactive matching rule ${use.matchingRule}`);
            }
            const crossObject = use.matchRuleSObjectType !== rule.object;
            if (crossObject && !('inputObject' in use.objectMapping)) {
                problems.push(
                    `${rule.file}: ${rule.object} matched against ${use.matchRuleSObjectType} needs a mapping`
                );
            }
            if ('inputObject' in use.objectMapping) {
                const mapping = use.objectMapping;
                if (mapping.inputObject !== rule.object || mapping.outputObject !== use.matchRuleSObjectType) {
                    problems.push(
                        `${rule.file}: mapping ${mapping.inputObject}->${mapping.outputObject} does not map ${rule.object}->${use.matchRuleSObjectType}`
                    );
                }
                const mapped = new Set(mapping.mappingFields.map((f) => f.outputField));
                for (const item of target.matchingRuleItems) {
                    if (!mapped.has(item.fieldName)) {
                        problems.push(
                            `${rule.file}: matching field ${item.fieldName} has no mapped ${rule.object} field`
                        );
                    }
                }
            }
        }
    }
    return problems;
}
