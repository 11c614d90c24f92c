/**
 * The deal controllers' DTOs (AttributionDealController, AttributionInfluenceController), the ambient TypeScript
 * types the components compile against (types/apex.d.ts) and the Jest payloads the component tests mock the Apex
 * methods with agree field by field and type by type: a field added, renamed or retyped on one side fails here.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIR } from './helpers.js';

const CLASSES = ['AttributionDealController', 'AttributionInfluenceController'];
const DTS = readFileSync('types/apex.d.ts', 'utf8');
const LWC_DIR = join(DEFAULT_DIR, 'lwc');

type Fields = Record<string, string>;

/** `public class X { @AuraEnabled public T name; ... }` inner classes of an Apex class. */
function apexClasses(source: string): Record<string, Fields> {
    const classes: Record<string, Fields> = {};
    for (const match of source.matchAll(/\n {4}public class (\w+) \{([\s\S]*?)\n {4}\}/g)) {
        classes[match[1] ?? ''] = Object.fromEntries(
            [...(match[2] ?? '').matchAll(/@AuraEnabled\s+public ([\w<>]+) (\w+);/g)].map((m) => [
                m[2] ?? '',
                m[1] ?? ''
            ])
        );
    }
    return classes;
}

/** `export interface X { name: type; }` of the ambient module file. */
function dtsInterfaces(source: string): Record<string, Fields> {
    const interfaces: Record<string, Fields> = {};
    for (const match of source.matchAll(/export interface (\w+) \{([^}]*)\}/g)) {
        interfaces[match[1] ?? ''] = Object.fromEntries(
            [...(match[2] ?? '').matchAll(/^\s*(\w+): ([^;]+);/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()])
        );
    }
    return interfaces;
}

/** The TypeScript types an Apex field type may be declared as (Apex sends null for any unset field). */
function allowedTsTypes(apexType: string, nested: Set<string>): string[] {
    const list = /^List<(\w+)>$/.exec(apexType)?.[1];
    if (list) {
        const item = list === 'String' ? 'string' : list;
        return nested.has(list) || list === 'String' ? [`${item}[]`, `${item}[] | null`] : [];
    }
    const scalar: Record<string, string[]> = {
        Id: ['string', 'string | null'],
        String: ['string | null'],
        Boolean: ['boolean'],
        Date: ['string | null'],
        Decimal: ['number | null'],
        Integer: ['number | null']
    };
    return scalar[apexType] ?? [];
}

const apex: Record<string, Fields> = Object.assign(
    {},
    ...CLASSES.map((name) => apexClasses(readFileSync(join(DEFAULT_DIR, 'classes', `${name}.cls`), 'utf8')))
);
const ts = dtsInterfaces(DTS);
const dtoNames = new Set(Object.keys(apex));

/** Problems of a JSON payload against a DTO, recursively through lists of DTOs. */
function payloadProblems(value: unknown, dto: string, path: string): string[] {
    const fields = apex[dto];
    if (!fields) return [`${path}: unknown DTO ${dto}`];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [`${path}: not an object`];
    const record = value as Record<string, unknown>;
    const problems: string[] = [];
    const keys = Object.keys(record).sort();
    const expected = Object.keys(fields).sort();
    if (keys.join() !== expected.join()) problems.push(`${path}: keys ${keys.join()} instead of ${expected.join()}`);
    for (const [name, type] of Object.entries(fields)) {
        const item = record[name];
        const list = /^List<(\w+)>$/.exec(type)?.[1];
        if (item === null || item === undefined) {
            if (type === 'Boolean' || (type === 'Id' && name === 'id')) problems.push(`${path}.${name}: null`);
            continue;
        }
        if (list) {
            if (!Array.isArray(item)) problems.push(`${path}.${name}: not a list`);
            else if (list === 'String') {
                if (!item.every((v) => typeof v === 'string')) problems.push(`${path}.${name}: not strings`);
            } else item.forEach((v, i) => problems.push(...payloadProblems(v, list, `${path}.${name}[${i}]`)));
            continue;
        }
        const kind: Record<string, string> = {
            Id: 'string',
            String: 'string',
            Date: 'string',
            Boolean: 'boolean',
            Decimal: 'number',
            Integer: 'number'
        };
        if (typeof item !== kind[type]) problems.push(`${path}.${name}: ${typeof item} for ${type}`);
        if (type === 'Date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(item))) problems.push(`${path}.${name}: not a date`);
        if (type === 'Id' && !/^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/.test(String(item)))
            problems.push(`${path}.${name}: not an Id`);
    }
    return problems;
}

/** Payload files of the component tests, by the DTO the mocked method returns. */
const PAYLOADS: Record<string, string> = {
    'buyingGroupManager/__tests__/data/dealContext.json': 'DealContext',
    'buyingGroupManager/__tests__/data/dealContextEmpty.json': 'DealContext',
    'buyingGroupManager/__tests__/data/savedContactRole.json': 'ContactRoleRow',
    'campaignInfluence/__tests__/data/influenceTouches.json': 'InfluenceView',
    'campaignInfluence/__tests__/data/influenceCustomizable.json': 'InfluenceView',
    'campaignInfluence/__tests__/data/influenceEmpty.json': 'InfluenceView'
};

describe('deal controller DTOs', () => {
    it('reads the Apex inner classes and the TypeScript interfaces (the comparison below can fail)', () => {
        expect(Object.keys(apex).sort()).toEqual(
            [
                'CampaignCandidate',
                'ContactOption',
                'ContactRoleRow',
                'DealContext',
                'InfluenceRow',
                'InfluenceView',
                'Touch'
            ].sort()
        );
        expect(apexClasses('x\n    public class A {\n        @AuraEnabled\n        public Id b;\n    }')).toEqual({
            A: { b: 'Id' }
        });
        expect(allowedTsTypes('List<Touch>', new Set(['Touch']))).toEqual(['Touch[]', 'Touch[] | null']);
        expect(allowedTsTypes('Boolean', new Set())).toEqual(['boolean']);
    });

    it.each(Object.keys(apex))('%s has the same fields and types in Apex and in types/apex.d.ts', (name) => {
        const declared = ts[name];
        expect(declared, `types/apex.d.ts lacks interface ${name}`).toBeDefined();
        expect(Object.keys(declared ?? {}).sort()).toEqual(Object.keys(apex[name] ?? {}).sort());
        for (const [field, type] of Object.entries(apex[name] ?? {})) {
            expect(allowedTsTypes(type, dtoNames), `${name}.${field}: ${type} declared ${declared?.[field]}`).toContain(
                declared?.[field]
            );
        }
    });

    it('flags a drifted payload (seeded defects)', () => {
        const good = JSON.parse(
            readFileSync(join(LWC_DIR, 'buyingGroupManager/__tests__/data/savedContactRole.json'), 'utf8')
        ) as Record<string, unknown>;
        expect(payloadProblems(good, 'ContactRoleRow', 'row')).toEqual([]);
        const renamed: Record<string, unknown> = { ...good, primary: good.isPrimary };
        delete renamed.isPrimary;
        expect(payloadProblems(renamed, 'ContactRoleRow', 'row').join()).toMatch(/keys/);
        expect(payloadProblems({ ...good, isPrimary: 'true' }, 'ContactRoleRow', 'row').join()).toMatch(
            /string for Boolean/
        );
        expect(
            payloadProblems(
                {
                    view: 'touches',
                    cutoffDate: '10/02/2026',
                    isClosed: false,
                    primaryCampaignId: null,
                    touches: [],
                    influence: null
                },
                'InfluenceView',
                'v'
            ).join()
        ).toMatch(/not a date/);
    });

    it.each(Object.entries(PAYLOADS))('%s is a %s exactly as Apex returns it', (file, dto) => {
        const payload = JSON.parse(readFileSync(join(LWC_DIR, file), 'utf8')) as unknown;
        expect(payloadProblems(payload, dto, file)).toEqual([]);
    });

    it('every JSON payload of the deal components is checked here', () => {
        const files = ['buyingGroupManager', 'campaignInfluence'].flatMap((bundle) =>
            readdirSync(join(LWC_DIR, bundle, '__tests__', 'data')).map((f) => `${bundle}/__tests__/data/${f}`)
        );
        expect(files.sort()).toEqual(Object.keys(PAYLOADS).sort());
    });
});
