/**
 * The subset of the Flow metadata type (Metadata API v66, `Flow` complexType) that the interpreter implements.
 * Every object schema is `.strict()`: an element or child element that is not listed here is rejected when the flow is
 * loaded, with the flow name and the path of the offending element. Supported features:
 *
 * - processType AutoLaunchedFlow; start with object, recordTriggerType Create/Update/CreateAndUpdate/Delete, triggerType
 *   RecordBeforeSave/RecordAfterSave/RecordBeforeDelete, filters + filterLogic (and/or/custom), filterFormula,
 *   doesRequireRecordChangedToMeetCriteria.
 * - variables (String, Boolean, Number, Date, SObject incl. collections), constants, formulas (Boolean, String, Date,
 *   Number) evaluated by formulon with `{!...}` merge fields, ISCHANGED/PRIORVALUE/ISNEW bound from $Record__Prior.
 * - decisions (rules with conditionLogic and/or/custom; condition operators in CONDITION_OPERATORS), assignments
 *   (Assign, Add), loops, recordLookups, recordUpdates, recordCreates, customErrors, fault connectors.
 * - globals: $Record, $Record__Prior, $Permission.<name>, $Flow.CurrentDate, $Flow.FaultMessage, and inside an interview
 *   (not in start conditions) $Flow.InterviewStartTime (date-time, fixed when the interview starts) and
 *   $Flow.InterviewGuid (unique per interview).
 */
import { z } from 'zod';

export const CONDITION_OPERATORS = [
    'EqualTo',
    'NotEqualTo',
    'IsNull',
    'IsChanged',
    'GreaterThan',
    'GreaterThanOrEqualTo',
    'LessThan',
    'LessThanOrEqualTo',
    'Contains'
] as const;
export const FILTER_OPERATORS = ['EqualTo', 'NotEqualTo', 'IsNull', 'IsChanged'] as const;
export const DATA_TYPES = ['String', 'Boolean', 'Number', 'Date', 'SObject'] as const;

const text = z.string();
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const int = z.string().regex(/^-?\d+$/);

export const valueSchema = z
    .object({
        stringValue: text.optional(),
        booleanValue: bool.optional(),
        numberValue: z
            .string()
            .regex(/^-?\d+(\.\d+)?$/)
            .optional(),
        dateValue: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
        elementReference: text.optional()
    })
    .strict()
    .refine((v) => Object.keys(v).length === 1, 'a value must have exactly one of its kinds');
export type FlowValue = z.infer<typeof valueSchema>;

const connector = z.object({ targetReference: text }).strict();
export type Connector = z.infer<typeof connector>;

const node = {
    name: text,
    label: text,
    locationX: int,
    locationY: int,
    description: text.optional()
};

const condition = z
    .object({ leftValueReference: text, operator: z.enum(CONDITION_OPERATORS), rightValue: valueSchema.optional() })
    .strict();
export type Condition = z.infer<typeof condition>;

const recordFilter = z.object({ field: text, operator: z.enum(FILTER_OPERATORS), value: valueSchema }).strict();
export type RecordFilter = z.infer<typeof recordFilter>;

const inputAssignment = z.object({ field: text, value: valueSchema }).strict();
export type InputAssignment = z.infer<typeof inputAssignment>;

const rule = z
    .object({
        name: text,
        label: text,
        conditionLogic: text,
        conditions: z.array(condition).min(1),
        connector: connector.optional()
    })
    .strict();
export type Rule = z.infer<typeof rule>;

const decision = z
    .object({
        ...node,
        rules: z.array(rule).min(1),
        defaultConnector: connector.optional(),
        defaultConnectorLabel: text.optional()
    })
    .strict();
export type Decision = z.infer<typeof decision>;

const assignment = z
    .object({
        ...node,
        assignmentItems: z
            .array(
                z.object({ assignToReference: text, operator: z.enum(['Assign', 'Add']), value: valueSchema }).strict()
            )
            .min(1),
        connector: connector.optional()
    })
    .strict();
export type Assignment = z.infer<typeof assignment>;

const loop = z
    .object({
        ...node,
        collectionReference: text,
        assignNextValueToReference: text,
        iterationOrder: z.enum(['Asc']).optional(),
        nextValueConnector: connector,
        noMoreValuesConnector: connector.optional()
    })
    .strict();
export type Loop = z.infer<typeof loop>;

const recordLookup = z
    .object({
        ...node,
        assignNullValuesIfNoRecordsFound: bool.optional(),
        connector: connector.optional(),
        faultConnector: connector.optional(),
        filterLogic: text.optional(),
        filters: z.array(recordFilter).default([]),
        getFirstRecordOnly: bool.optional(),
        object: text,
        outputReference: text.optional(),
        queriedFields: z.array(text).optional(),
        sortField: text.optional(),
        sortOrder: z.enum(['Asc', 'Desc']).optional(),
        storeOutputAutomatically: bool.optional()
    })
    .strict();
export type RecordLookup = z.infer<typeof recordLookup>;

const recordUpdate = z
    .object({
        ...node,
        connector: connector.optional(),
        faultConnector: connector.optional(),
        filterLogic: text.optional(),
        filters: z.array(recordFilter).default([]),
        inputAssignments: z.array(inputAssignment).default([]),
        inputReference: text.optional(),
        object: text.optional()
    })
    .strict();
export type RecordUpdate = z.infer<typeof recordUpdate>;

const recordCreate = z
    .object({
        ...node,
        assignRecordIdToReference: text.optional(),
        connector: connector.optional(),
        faultConnector: connector.optional(),
        inputAssignments: z.array(inputAssignment).default([]),
        inputReference: text.optional(),
        object: text.optional(),
        storeOutputAutomatically: bool.optional()
    })
    .strict();
export type RecordCreate = z.infer<typeof recordCreate>;

const customError = z
    .object({
        ...node,
        customErrorMessages: z
            .array(z.object({ errorMessage: text, fieldSelection: text.optional(), isFieldError: bool }).strict())
            .min(1)
    })
    .strict();
export type CustomError = z.infer<typeof customError>;

const variable = z
    .object({
        name: text,
        description: text.optional(),
        dataType: z.enum(DATA_TYPES),
        isCollection: bool,
        isInput: bool,
        isOutput: bool,
        objectType: text.optional(),
        value: valueSchema.optional()
    })
    .strict();
export type Variable = z.infer<typeof variable>;

const constant = z
    .object({ name: text, description: text.optional(), dataType: z.enum(DATA_TYPES), value: valueSchema })
    .strict();
export type Constant = z.infer<typeof constant>;

const formula = z
    .object({
        name: text,
        description: text.optional(),
        dataType: z.enum(['String', 'Boolean', 'Number', 'Date']),
        expression: text,
        scale: int.optional()
    })
    .strict();
export type Formula = z.infer<typeof formula>;

const start = z
    .object({
        locationX: int,
        locationY: int,
        connector: connector.optional(),
        doesRequireRecordChangedToMeetCriteria: bool.optional(),
        filterFormula: text.optional(),
        filterLogic: text.optional(),
        filters: z.array(recordFilter).default([]),
        object: text,
        recordTriggerType: z.enum(['Create', 'Update', 'CreateAndUpdate', 'Delete']),
        triggerType: z.enum(['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete'])
    })
    .strict();
export type Start = z.infer<typeof start>;

const metadataValue = z.object({ name: text, value: valueSchema.optional() }).strict();

export const flowSchema = z
    .object({
        apiVersion: z.string().regex(/^\d+\.0$/),
        assignments: z.array(assignment).default([]),
        constants: z.array(constant).default([]),
        customErrors: z.array(customError).default([]),
        decisions: z.array(decision).default([]),
        description: text,
        environments: z.array(z.literal('Default')).optional(),
        formulas: z.array(formula).default([]),
        interviewLabel: text.optional(),
        label: text,
        loops: z.array(loop).default([]),
        processMetadataValues: z.array(metadataValue).default([]),
        processType: z.literal('AutoLaunchedFlow'),
        recordCreates: z.array(recordCreate).default([]),
        recordLookups: z.array(recordLookup).default([]),
        recordUpdates: z.array(recordUpdate).default([]),
        start,
        status: z.enum(['Active', 'Draft']),
        triggerOrder: int.optional(),
        variables: z.array(variable).default([])
    })
    .strict();
export type FlowDefinition = z.infer<typeof flowSchema>;

/** Child elements that may repeat; fast-xml-parser must always produce arrays for them. */
export const REPEATABLE = new Set([
    'assignments',
    'assignmentItems',
    'conditions',
    'constants',
    'customErrors',
    'customErrorMessages',
    'decisions',
    'environments',
    'filters',
    'formulas',
    'inputAssignments',
    'loops',
    'processMetadataValues',
    'queriedFields',
    'recordCreates',
    'recordLookups',
    'recordUpdates',
    'rules',
    'variables'
]);

export interface LoadedFlow {
    readonly name: string;
    readonly file: string;
    readonly definition: FlowDefinition;
}
