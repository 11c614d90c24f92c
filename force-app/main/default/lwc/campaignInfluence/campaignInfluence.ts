import { LightningElement, api, wire } from 'lwc';
import getCampaignInfluence from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';
import type {
    GetCampaignInfluenceResult,
    InfluenceRow,
    InfluenceView,
    Touch
} from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';
import { formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { displayText } from 'c/attributionUtils';

/** The view name AttributionInfluenceController returns when Customizable Campaign Influence records were read. */
export const VIEW_CUSTOMIZABLE = 'customizable';

interface TouchView {
    key: string;
    campaignName: string;
    contactName: string;
    respondedDate: string | null;
    isFirstTouch: boolean;
    isLastTouch: boolean;
    isPrimaryCampaignSource: boolean;
    cssClass: string;
}

interface InfluenceRowView {
    key: string;
    campaignName: string;
    contactName: string;
    influence: number | null;
    revenueShare: number | null;
    isPrimaryCampaignSource: boolean;
    cssClass: string;
}

/** The sentence that tells the rep which view they are looking at. */
export function viewSentence(view: InfluenceView): string {
    if (view.view === VIEW_CUSTOMIZABLE) {
        return DEAL_LABELS.influenceViewCustomizable;
    }
    return formatLabel(
        view.isClosed ? DEAL_LABELS.influenceViewTouchesClosed : DEAL_LABELS.influenceViewTouches,
        view.cutoffDate ?? ''
    );
}

/** Touches as rows; the Primary Campaign Source's rows highlighted. */
export function touchViews(touches: readonly Touch[]): TouchView[] {
    return touches.map((touch, index) => ({
        key: `${touch.campaignId}-${touch.contactId}-${index}`,
        campaignName: displayText(touch.campaignName),
        contactName: displayText(touch.contactName),
        respondedDate: touch.respondedDate,
        isFirstTouch: touch.isFirstTouch,
        isLastTouch: touch.isLastTouch,
        isPrimaryCampaignSource: touch.isPrimaryCampaignSource,
        cssClass: touch.isPrimaryCampaignSource ? 'touch primary-source slds-theme_shade' : 'touch'
    }));
}

export function influenceViews(rows: readonly InfluenceRow[]): InfluenceRowView[] {
    return rows.map((row, index) => ({
        key: `${row.campaignId}-${index}`,
        campaignName: displayText(row.campaignName),
        contactName: displayText(row.contactName),
        influence: row.influence === null ? null : row.influence / 100,
        revenueShare: row.revenueShare,
        isPrimaryCampaignSource: row.isPrimaryCampaignSource,
        cssClass: row.isPrimaryCampaignSource ? 'influence primary-source slds-theme_shade' : 'influence'
    }));
}

export default class CampaignInfluence extends LightningElement {
    @api recordId?: string;

    readonly labels = DEAL_LABELS;

    @wire(getCampaignInfluence, { opportunityId: '$recordId' })
    result?: GetCampaignInfluenceResult;

    get isLoading(): boolean {
        return !this.result?.data && !this.result?.error;
    }

    get loadError(): unknown {
        return this.result?.error ?? null;
    }

    get data(): InfluenceView | null {
        return this.result?.data ?? null;
    }

    get viewSentence(): string {
        return this.data ? viewSentence(this.data) : '';
    }

    get touches(): TouchView[] {
        return touchViews(this.data?.touches ?? []);
    }

    get hasTouches(): boolean {
        return this.touches.length > 0;
    }

    get isCustomizable(): boolean {
        return this.data?.view === VIEW_CUSTOMIZABLE && this.data.influence !== null;
    }

    get influenceRows(): InfluenceRowView[] {
        return influenceViews(this.data?.influence ?? []);
    }

    get hasInfluenceRows(): boolean {
        return this.influenceRows.length > 0;
    }
}
