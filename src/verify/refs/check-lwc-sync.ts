/**
 * LWC design-attribute defaults that mirror a custom metadata record stay in sync with it. A `property` whose
 * description says "Keep in sync with <Field__c> on the <Type__mdt> <Record> record" must have a `default` equal to
 * that record's value (the card falls back to the default when it cannot read the record).
 */
import { childrenNamed, childText, descendants, firstChild } from '../xml.js';
import { ofType, report, type RefContext } from './context.js';

const SYNC = /Keep in sync with (\w+__c) on the (\w+)__mdt (\w+) record/;

export function checkLwcDefaults(ctx: RefContext): void {
    const records = new Map(ofType(ctx, 'CustomMetadata').map((r) => [r.fullName, r]));
    for (const bundle of ofType(ctx, 'LightningComponentBundle')) {
        for (const prop of descendants(bundle.root, 'property')) {
            const m = SYNC.exec(prop.attrs.description ?? '');
            if (!m) continue;
            const [, field, type, recordName] = m;
            const path = `LightningComponentBundle/targetConfigs/targetConfig/property[${prop.attrs.name ?? '?'}]@default`;
            const record = records.get(`${type}.${recordName}`);
            const valueEl = record
                ? childrenNamed(record.root, 'values')
                      .filter((v) => childText(v, 'field') === field)
                      .map((v) => firstChild(v, 'value'))[0]
                : undefined;
            if (!record || !valueEl) {
                report(
                    ctx,
                    bundle.rel,
                    prop,
                    path,
                    `says to stay in sync with ${field} on ${type}__mdt.${recordName}, which does not exist`
                );
                continue;
            }
            const expected = valueEl.text.trim();
            if ((prop.attrs.default ?? '') !== expected) {
                report(
                    ctx,
                    bundle.rel,
                    prop,
                    path,
                    `default "${prop.attrs.default ?? ''}" differs from ${type}.${recordName} ${field} = "${expected}" (${record.rel})`
                );
            }
        }
    }
}
