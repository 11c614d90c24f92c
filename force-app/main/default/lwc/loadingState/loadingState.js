import { LightningElement, api } from 'lwc';
/** The loading state of a card: a small spinner whose `label` (a Custom Label) screen readers announce. */
export default class LoadingState extends LightningElement {
    @api
    label = '';
}
