/**
 * The Convert with Guardrails modal talks to AttributionLeadConvertController through DTOs: the Apex inner classes,
 * the ambient TypeScript types the component compiles against (types/apex.d.ts) and the Jest payloads the component
 * tests mock the Apex methods with (leadConvertGuardrails/__tests__/data). They must agree field by field, so a
 * field added, renamed or dropped on one side fails here instead of in an org.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIR } from './helpers.js';

const CLASSES = join(DEFAULT_DIR, 'classes');
const CONTROLLER = readFileSync(join(CLASSES, 'AttributionLeadConvertController.cls'), 'utf8');
const ERRORS = readFileSync(join(CLASSES, 'AttributionLeadConvertErrors.cls'), 'utf8');
const DTS = readFileSync('types/apex.d.ts', 'utf8');
const DATA_DIR = join(DEFAULT_DIR, 'lwc', 'leadConvertGuardrails', '__tests__', 'data');

/** Apex inner class → its TypeScript interface in types/apex.d.ts. */
const DTOS: Readonly<Record<string, { source: string; ts: string }>> = {
    Check: { source: CONTROLLER, ts: 'ConvertCheckDto' },
    Match: { source: CONTROLLER, ts: 'ConvertMatchDto' },
    CampaignOption: { source: CONTROLLER, ts: 'ConvertCampaignDto' },
    Option: { source: CONTROLLER, ts: 'ConvertOptionDto' },
    Preflight: { source: CONTROLLER, ts: 'ConvertPreflightDto' },
    ConvertRequest: { source: CONTROLLER, ts: 'ConvertRequestDto' },
    ConvertResult: { source: CONTROLLER, ts: 'ConvertResultDto' },
    ConvertError: { source: ERRORS, ts: 'ConvertErrorDto' }
};

/** `@AuraEnabled public <Type> <name>;` (or with `{ get; set; }`) members of one inner class. */
function apexFields(source: string, className: string): Record<string, string> {
    const body = new RegExp(`public class ${className} \\{([\\s\\S]*?)\\n {4}\\}`).exec(source)?.[1] ?? '';
    return Object.fromEntries(
        [...body.matchAll(/@AuraEnabled\s+public ([\w<>.]+) (\w+)(?: \{ get; set; \}|;)/g)].map((m) => [
            m[2] ?? '',
            m[1] ?? ''
        ])
    );
}

function tsFields(source: string, name: string): Record<string, string> {
    const body = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\}`).exec(source)?.[1] ?? '';
    return Object.fromEntries(
        [...body.matchAll(/^\s*(\w+): ([^;]+);/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()])
    );
}

/** The TypeScript types an Apex type may be declared as (ids the server always sets may drop `| null`). */
function tsTypesOf(apexType: string): string[] {
    const list = /^List<(?:AttributionLeadConvertErrors\.)?(\w+)>$/.exec(apexType);
    if (list) {
        const element = list[1] ?? '';
        return [element === 'Id' || element === 'String' ? 'string[]' : `${DTOS[element]?.ts ?? '?'}[]`];
    }
    const scalar: Record<string, string[]> = {
        Id: ['string', 'string | null'],
        String: ['string', 'string | null'],
        Date: ['string | null'],
        Boolean: ['boolean | null'],
        Integer: ['number | null'],
        Decimal: ['number | null']
    };
    return scalar[apexType] ?? [`unmapped Apex type ${apexType}`];
}

function compare(className: string, apexSource: string, dts: string): string[] {
    const apex = apexFields(apexSource, className);
    const ts = tsFields(dts, DTOS[className]?.ts ?? '');
    const problems: string[] = [];
    for (const name of new Set([...Object.keys(apex), ...Object.keys(ts)])) {
        const apexType = apex[name];
        if (apexType === undefined) problems.push(`${className}.${name}: in types/apex.d.ts only`);
        else if (ts[name] === undefined) problems.push(`${className}.${name}: in Apex only`);
        else if (!tsTypesOf(apexType).includes(ts[name] ?? ''))
            problems.push(`${className}.${name}: Apex ${apexType} vs TypeScript ${ts[name]}`);
    }
    return problems;
}

/** Problems of one payload against the DTO of `className`, recursing into lists of DTOs. */
function payloadProblems(value: unknown, className: string, where: string): string[] {
    const dto = DTOS[className];
    if (!dto) return [`${where}: no DTO ${className}`];
    const fields = apexFields(dto.source, className);
    if (typeof value !== 'object' || value === null) return [`${where}: not an object`];
    const record = value as Record<string, unknown>;
    const problems: string[] = [];
    const keys = Object.keys(record).sort();
    const expected = Object.keys(fields).sort();
    if (keys.join() !== expected.join()) problems.push(`${where}: keys ${keys.join()} instead of ${expected.join()}`);
    for (const [name, type] of Object.entries(fields)) {
        const element = /^List<(?:AttributionLeadConvertErrors\.)?(\w+)>$/.exec(type)?.[1];
        if (element && DTOS[element]) {
            const items = record[name];
            if (!Array.isArray(items)) problems.push(`${where}.${name}: not a list`);
            else items.forEach((item, i) => problems.push(...payloadProblems(item, element, `${where}.${name}[${i}]`)));
        }
    }
    return problems;
}

const payloads = readdirSync(DATA_DIR).filter((file) => file.endsWith('.json'));

describe('AttributionLeadConvertController DTOs', () => {
    it('parses every DTO of the Apex classes (the comparisons below can fail)', () => {
        for (const [className, { source }] of Object.entries(DTOS)) {
            expect(Object.keys(apexFields(source, className)).length, className).toBeGreaterThanOrEqual(2);
        }
    });

    it.each(Object.keys(DTOS))('%s has the same fields and types in Apex and in types/apex.d.ts', (className) => {
        expect(compare(className, DTOS[className]?.source ?? '', DTS)).toEqual([]);
    });

    it('fails when a field is dropped from the Apex DTO or retyped in TypeScript (seeded defects)', () => {
        const dropped = CONTROLLER.replace(/@AuraEnabled\s+public Id suggestedCampaignId;/, '');
        expect(dropped).not.toBe(CONTROLLER);
        expect(compare('Preflight', dropped, DTS)).toEqual(['Preflight.suggestedCampaignId: in types/apex.d.ts only']);
        const retyped = DTS.replace('bantScore: number | null;', 'bantScore: string | null;');
        expect(compare('Preflight', CONTROLLER, retyped)).toEqual([
            'Preflight.bantScore: Apex Integer vs TypeScript string | null'
        ]);
    });

    it('has Jest payloads for the preflight and for the conversion results', () => {
        expect(payloads.filter((f) => f.startsWith('preflight')).length).toBeGreaterThanOrEqual(2);
        expect(payloads.filter((f) => f.startsWith('convert')).length).toBeGreaterThanOrEqual(4);
        expect(payloads.filter((f) => !f.startsWith('preflight') && !f.startsWith('convert'))).toEqual([]);
    });

    it.each(payloads)('the Jest payload %s has exactly the fields the controller returns', (file) => {
        const payload: unknown = JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8'));
        const className = file.startsWith('preflight') ? 'Preflight' : 'ConvertResult';
        expect(payloadProblems(payload, className, file)).toEqual([]);
    });

    it('finds a payload field the controller does not return (seeded defect)', () => {
        const payload = JSON.parse(readFileSync(join(DATA_DIR, 'convertValidation.json'), 'utf8')) as {
            errors: Array<Record<string, unknown>>;
        };
        payload.errors[0] = { ...payload.errors[0], fieldLabel: 'Primary Campaign Source' };
        expect(payloadProblems(payload, 'ConvertResult', 'x')).toEqual([
            'x.errors[0]: keys allowSave,code,duplicateIds,field,fieldLabel,message,step instead of ' +
                'allowSave,code,duplicateIds,field,message,step'
        ]);
    });

    it('uses the error codes and steps the component knows', () => {
        const codes = [...ERRORS.matchAll(/public static final String CODE_\w+ = '(\w+)';/g)].map((m) => m[1]);
        const steps = [...ERRORS.matchAll(/public static final String STEP_\w+ = '(\w+)';/g)].map((m) => m[1]);
        const model = readFileSync(join(DEFAULT_DIR, 'lwc', 'leadConvertGuardrails', 'convertModel.ts'), 'utf8');
        expect(steps).toEqual(['preflight', 'match', 'deal']);
        expect(model).toContain("export const STEPS: readonly Step[] = ['preflight', 'match', 'deal'];");
        for (const code of codes.filter((c) => c !== 'OTHER')) expect(model, code).toContain(`case '${code}':`);
    });
});
