/**
 * The fix list's data: a candidate change a check derives from the snapshot, the resolved change per record and
 * field (one per record+field, see resolve.ts), and the per-check summary the report shows.
 */
export type Confidence = 'certain' | 'suggested';

/** The columns of `fixes.csv`, in order (the contract). */
export const FIX_COLUMNS = [
    'checkId',
    'object',
    'recordId',
    'recordName',
    'ownerId',
    'amount',
    'field',
    'currentValue',
    'suggestedValue',
    'confidence',
    'reason'
] as const;

/** Objects a fix may update (each gets `<Object>.csv` and `<Object>.undo.csv`). */
export type FixObject = 'Lead' | 'Contact' | 'Opportunity';

/** A record's context columns in `fixes.csv`, read from its snapshot row. */
export type RecordInfo = { recordId: string; recordName: string; ownerId: string; amount: string };

/**
 * One change a check proposes for one finding. `resolves(value)` tells whether setting the field to `value` clears the
 * finding (a governed Lead Source clears drift whatever value it is; a carried-over value must equal the Lead's).
 * A `passive` candidate proposes nothing itself: its finding is cleared by whatever change lands on that field (a
 * converted Lead's Lead Source "web" that equals its Opportunity's "Web" once the Lead's drift is fixed).
 */
export type Candidate = {
    checkId: string;
    /** The check's finding (recordId in the report) this change clears. */
    findingId: string;
    object: FixObject;
    record: RecordInfo;
    field: string;
    /** Today's value in the snapshot, as written (blank: ''). */
    currentValue: string;
    value: string;
    confidence: Confidence;
    reason: string;
    resolves: (value: string) => boolean;
    passive?: boolean;
};

/** The change written for one record and field. */
export type Change = {
    checkId: string;
    object: FixObject;
    record: RecordInfo;
    field: string;
    currentValue: string;
    value: string;
    confidence: Confidence;
    reason: string;
};

/** A finding no fix could be derived for, with why. */
export type Unfixable = { checkId: string; findingId: string; reason: string };

export type CheckFixSummary = {
    id: string;
    findings: number;
    /** Findings every one of whose changes is certain (cleared by loading the `<Object>.csv` files). */
    certain: number;
    /** Findings with at least one suggested (or conflicting) change: a person confirms them in fixes.csv. */
    suggested: number;
    /** Findings without any derivable change. */
    unfixable: number;
    /** Every finding is cleared by the certain changes. */
    allCertain: boolean;
    /** Why the check has no fix at all, or why some findings have none (first reasons). */
    note?: string;
};

export type FixList = {
    changes: Change[];
    unfixable: Unfixable[];
    checks: CheckFixSummary[];
};

/** What the report carries about a written fix list (`report.fixes`). */
export type FixesSummary = {
    dir: string;
    rows: number;
    certain: number;
    suggested: number;
    files: { object: FixObject; file: string; undo: string; records: number; fields: string[] }[];
    checks: CheckFixSummary[];
    /** How to load a file: the `sf` command (Bulk API 2.0) and the Data Loader note. */
    load: { command: string; undoCommand: string; note: string };
};
