/**
 * The audit's org source: connect (sf login or environment token) and pull a read-only, budgeted snapshot.
 */
export { connectToOrg, DEFAULT_API_VERSION, type ConnectOptions } from './connect.js';
export { pullOrgSnapshot, MANIFEST_FILE } from './pull.js';
export { createProgressReporter, type ProgressReporter } from './progress.js';
export { DEFAULT_OBJECTS } from './objects.js';
export type { ApiUsage } from './http.js';
export type { OrgObjectSpec, PullOptions, PullProgress, PullResult, PulledObject } from './types.js';
