/** Fail-loud offline interpreter for this project's record-triggered flows. See flow-schema.ts for what it supports. */
export { CATALOG } from './catalog.js';
export type { Value } from './catalog.js';
export { Database, DmlException } from './engine.js';
export type { DmlOptions, EngineOptions, RecordValidator, RowError } from './engine.js';
export { FlowFault, Interview } from './interpreter.js';
export type { RecordError } from './interpreter.js';
export { convertLead, convertLeads } from './lead-convert.js';
export type { ConvertLeadRequest, ConvertLeadResult } from './lead-convert.js';
export {
    loadCustomMetadataDir,
    loadFlowsFromDir,
    parseCustomMetadataXml,
    parseFlowXml,
    parseLeadConvertSettings
} from './load.js';
export type { CustomMetadataRecord, LeadFieldMappings } from './load.js';
export { LIMITS, LimitException } from './store.js';
export type { Fields } from './store.js';
export { loadValidationRules, parseValidationRuleXml, validatorFromRules } from './validation-rules.js';
export type { ValidationRule } from './validation-rules.js';
export { saveAllowingPartial } from './partial-save.js';
export type { SaveResult } from './partial-save.js';
