/**
 * Sort orders for the kit's duplicate rules in a given org. Salesforce numbers the duplicate rules of an object
 * 1, 2, 3… without gaps ("SortOrder must be in sequential order from 1"), and the `DuplicateRule` sObject exposes
 * DeveloperName, SobjectType and IsActive but no sort order (Object Reference, DuplicateRule). The org's own rules
 * therefore keep 1..n (n = how many it has, inactive ones included) and the kit's follow in the repository's order.
 * The kit's own rules are recognised by DeveloperName and not counted, so a re-run gives the same orders.
 */
import { z } from 'zod';

export interface KitDuplicateRule {
    object: string;
    /** DeveloperName, e.g. `Attribution_Leads_By_Email`. */
    name: string;
    /** sortOrder in the repository file. */
    sortOrder: number;
}

export interface OrgDuplicateRule {
    object: string;
    name: string;
    active: boolean;
}

export interface SortOrderPlan {
    object: string;
    /** The org's own rules on this object (kit rules excluded). */
    orgRules: string[];
    assignments: { name: string; from: number; to: number }[];
}

const queryResultSchema = z.object({
    status: z.number(),
    result: z.object({
        records: z.array(
            z.object({
                DeveloperName: z.string().min(1),
                SobjectType: z.string().min(1),
                IsActive: z.boolean().optional()
            })
        )
    })
});

/** Parses `sf data query --json` output of `SELECT DeveloperName, SobjectType, IsActive FROM DuplicateRule`. */
export function parseOrgDuplicateRules(json: string, source: string): OrgDuplicateRule[] {
    let raw: unknown;
    try {
        raw = JSON.parse(json);
    } catch (err) {
        throw new Error(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = queryResultSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(
            `${source}: not a DuplicateRule query result: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`
        );
    }
    return parsed.data.result.records.map((r) => ({
        object: r.SobjectType,
        name: r.DeveloperName,
        active: r.IsActive ?? true
    }));
}

/** Problems of the repository's own orders against an org that has only `standard[object]` rules per object. */
export function sortOrderProblems(
    kit: readonly KitDuplicateRule[],
    standard: Readonly<Record<string, number>>
): string[] {
    const problems: string[] = [];
    for (const object of [...new Set(kit.map((r) => r.object))].sort()) {
        const rules = kit.filter((r) => r.object === object).sort((a, b) => a.sortOrder - b.sortOrder);
        const first = (standard[object] ?? 0) + 1;
        rules.forEach((rule, i) => {
            if (rule.sortOrder !== first + i) {
                problems.push(
                    `${object}.${rule.name}: sortOrder ${rule.sortOrder}, expected ${first + i} (a new org has ${first - 1} standard ${object} rule(s); sort orders run 1, 2, 3… without gaps)`
                );
            }
        });
    }
    return problems;
}

/** Assigns each kit rule the next free order after the org's own rules of its object. */
export function planSortOrders(kit: readonly KitDuplicateRule[], org: readonly OrgDuplicateRule[]): SortOrderPlan[] {
    const kitNames = new Set(kit.map((r) => `${r.object}.${r.name}`));
    return [...new Set(kit.map((r) => r.object))].sort().map((object) => {
        const orgRules = org
            .filter((r) => r.object === object && !kitNames.has(`${r.object}.${r.name}`))
            .map((r) => r.name)
            .sort();
        const rules = kit.filter((r) => r.object === object).sort((a, b) => a.sortOrder - b.sortOrder);
        return {
            object,
            orgRules,
            assignments: rules.map((r, i) => ({ name: r.name, from: r.sortOrder, to: orgRules.length + i + 1 }))
        };
    });
}

/** One line per object, e.g. `Lead: org has 2 rule(s) (A, B); kit uses 3 Attribution_X, 4 Attribution_Y`. */
export function describePlan(plans: readonly SortOrderPlan[]): string[] {
    return plans.map((p) => {
        const org = p.orgRules.length ? ` (${p.orgRules.join(', ')})` : '';
        const uses = p.assignments.map((a) => `${a.to} ${a.name}${a.to === a.from ? '' : ` (file says ${a.from})`}`);
        return `${p.object}: org has ${p.orgRules.length} rule(s) of its own${org}; kit uses ${uses.join(', ')}`;
    });
}

/** The rule XML with its top-level `<sortOrder>` (the last one; filter items have their own) set to `order`. */
export function withSortOrder(xml: string, order: number, file: string): string {
    const re = /<sortOrder>\d+<\/sortOrder>(\s*<\/DuplicateRule>\s*)$/;
    if (!re.test(xml)) throw new Error(`${file}: no top-level <sortOrder> just before </DuplicateRule>`);
    return xml.replace(re, `<sortOrder>${order}</sortOrder>$1`);
}
