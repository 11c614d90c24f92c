import { LightningElement, api, wire } from 'lwc';
import getCampaignInfluence from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';
import { formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { displayText } from 'c/attributionUtils';
/** The view name AttributionInfluenceController returns when Customizable Campaign Influence records were read. */
export const VIEW_CUSTOMIZABLE = 'customizable';
/** The sentence that tells the rep which view they are looking at. */
export function viewSentence(view) {
    if (view.view === VIEW_CUSTOMIZABLE) {
        return DEAL_LABELS.influenceViewCustomizable;
    }
    return formatLabel(view.isClosed ? DEAL_LABELS.influenceViewTouchesClosed : DEAL_LABELS.influenceViewTouches, view.cutoffDate ?? '');
}
/** Touches as rows; the Primary Campaign Source's rows highlighted. */
export function touchViews(touches) {
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
export function influenceViews(rows) {
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
    @api
    recordId;
    labels = DEAL_LABELS;
    @wire(getCampaignInfluence, { opportunityId: '$recordId' })
    result;
    get isLoading() {
        return !this.result?.data && !this.result?.error;
    }
    get loadError() {
        return this.result?.error ?? null;
    }
    get data() {
        return this.result?.data ?? null;
    }
    get viewSentence() {
        return this.data ? viewSentence(this.data) : '';
    }
    get touches() {
        return touchViews(this.data?.touches ?? []);
    }
    get hasTouches() {
        return this.touches.length > 0;
    }
    get isCustomizable() {
        return this.data?.view === VIEW_CUSTOMIZABLE && this.data.influence !== null;
    }
    get influenceRows() {
        return influenceViews(this.data?.influence ?? []);
    }
    get hasInfluenceRows() {
        return this.influenceRows.length > 0;
    }
}
