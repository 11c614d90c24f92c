/**
 * A closed `@salesforce/gate/*` flag. lightning-base-components answers every gate open (external/gateStub.js);
 * bc.260.enableComboboxElementInternals makes lightning-combobox call attachInternals(), which synthetic shadow (the
 * preview's, as on the platform) refuses: "attachInternals API is not supported in synthetic shadow".
 */
export default { isOpen: (): boolean => false };
