/** Check 4: references. Runs every reference checker over the parsed project and returns their problems. */
import type { MetadataFile } from '../project.js';
import type { Problem } from '../problems.js';
import type { StandardCatalog } from './catalog.js';
import { buildContext } from './context.js';
import {
    checkCustomMetadataRecords,
    checkFieldCoverage,
    checkFieldDefinitions,
    checkLayoutsAndRules,
    checkPermissionSets,
    checkValidationRules
} from './check-metadata.js';
import { checkFlows } from './check-flows.js';
import { checkFlexiPageComponents } from './check-lwc.js';
import { checkRuleLiterals } from './check-rule-literals.js';
import { checkApexReferences } from './check-apex-refs.js';
import { checkPersona } from './check-persona.js';
import { checkValues } from './check-values.js';

export function checkReferences(files: readonly MetadataFile[], standard: StandardCatalog): Problem[] {
    const ctx = buildContext(files, standard);
    checkFieldDefinitions(ctx);
    checkValidationRules(ctx);
    checkFlows(ctx);
    checkPermissionSets(ctx);
    checkFieldCoverage(ctx);
    checkCustomMetadataRecords(ctx);
    checkLayoutsAndRules(ctx);
    checkPersona(ctx);
    checkValues(ctx);
    checkRuleLiterals(ctx);
    checkApexReferences(ctx);
    checkFlexiPageComponents(ctx);
    return ctx.problems;
}
