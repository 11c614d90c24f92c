/**
 * What a Salesforce org brings before the kit arrives, as data with its sources. The install path (scripts/org-init.sh
 * through `src/install/cli.ts`) and the metadata gate's precondition check both read it from here.
 */

/**
 * Standard duplicate rules per object in an org created in Summer '17 or later: one Standard Lead Duplicate Rule (it
 * matches leads against leads and contacts), one Standard Contact Duplicate Rule, one Standard Account Duplicate Rule.
 * Orgs created before Summer '17 have a lead-only and a contact-only standard rule and can activate the cross-object
 * ones, so they may hold two per object: the setup script therefore counts the org's rules instead of assuming.
 * Sources: Salesforce Help "Standard Duplicate Rules", "Standard Lead Duplicate Rule", "Standard Contact Duplicate
 * Rule"; Summer '17 release notes "Detect Duplicates Across Contacts and Leads Using Standard Rules".
 */
export const NEW_ORG_DUPLICATE_RULES: Readonly<Record<string, number>> = { Lead: 1, Contact: 1, Account: 1 };

/**
 * `MatchingRule.RuleStatus` values (Metadata API `MatchingRuleStatus`, WSDL v66; the `MatchingRule` sObject exposes
 * the same picklist as `RuleStatus`). Only Active and Inactive may be declared in a deploy; the others are states the
 * org moves through.
 */
export const MATCHING_RULE_STATUS = {
    done: ['Active'],
    pending: ['Activating'],
    failed: ['ActivationFailed', 'Inactive', 'Deactivating', 'DeactivationFailed']
} as const;

/** Where each part of the kit lives: the unlocked package directory and the one the setup script deploys itself. */
export const KIT_DIRS = {
    packaged: 'force-app',
    unpackaged: 'unpackaged',
    flows: 'force-app/main/default/flows',
    packagedObjects: 'force-app/main/default/objects',
    unpackagedObjects: 'unpackaged/main/default/objects',
    duplicateRules: 'unpackaged/main/default/duplicateRules',
    matchingRules: 'unpackaged/main/default/matchingRules'
} as const;
