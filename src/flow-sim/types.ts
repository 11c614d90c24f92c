/** Types shared by the interpreter modules. */
import type { FlowDefinition } from './flow-schema.js';
import type { Fields } from './store.js';

export interface RecordError {
    readonly message: string;
    readonly field?: string;
}

/** A runtime failure a fault connector may catch (DML failure, missing Id…). Simulator errors are plain Errors. */
export class FlowFault extends Error {
    constructor(
        message: string,
        readonly errors: readonly RecordError[] = [{ message }]
    ) {
        super(message);
    }
}

export interface FlowHost {
    readonly today: string;
    /** The current date-time (ISO-8601); read once per interview for $Flow.InterviewStartTime. */
    now(): string;
    /** A new interview GUID for $Flow.InterviewGuid. */
    newInterviewGuid(): string;
    hasPermission(name: string): boolean;
    /** Rows of an object; counts one SOQL query under `key` (custom metadata is free, like in Apex). */
    query(objectName: string, key: string): Fields[];
    insert(objectName: string, rows: Fields[], key: string): string[];
    update(objectName: string, rows: Fields[], key: string): void;
}

export interface InterviewInput {
    readonly record: Fields;
    readonly prior: Fields | null;
    readonly phase: FlowDefinition['start']['triggerType'];
    /** Bulk key of the batch this interview belongs to (see LimitCounter). */
    readonly batchKey: string;
}

export type Element = { kind: string; name: string; [key: string]: unknown };
