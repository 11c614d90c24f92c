// Ambient types for the project's Apex methods the TypeScript LWCs import (`@salesforce/apex/<Class>.<method>`).
// Each import is both a wire adapter and an imperative function returning a Promise. Keep each DTO in step with its
// Apex class (a repository test compares the fields). Like salesforce-platform.d.ts this file must stay a script.

declare module '@salesforce/apex/AttributionRulesController.getRules' {
    import type { WireAdapterConstructor } from 'lwc';

    /** AttributionRulesController.Rules: the Attribution_Rules__mdt Default record, every list split on ';'. */
    export interface AttributionRulesDto {
        exemptLeadSources: string[];
        campaignExemptStages: string[];
        salesSourcedLeadSources: string[];
        stageOrder: string[];
        contactRoleRequiredStage: string | null;
        openLeadStatuses: string[];
        convertedLeadStatuses: string[];
        mqlLeadStatuses: string[];
        sqlLeadStatuses: string[];
        agedLeadDays: number | null;
    }
    export interface GetRulesResult {
        data?: AttributionRulesDto;
        error?: unknown;
    }
    const getRules: WireAdapterConstructor<Record<string, never>, GetRulesResult> &
        (() => Promise<AttributionRulesDto>);
    export default getRules;
}
