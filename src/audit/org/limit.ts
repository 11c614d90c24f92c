/**
 * How many objects the org source reads at once, and the small pool that bounds it.
 *
 * Why 3: Bulk API 2.0 documents no cap on concurrent query jobs (only 10,000 jobs per rolling 24 hours), but every
 * org caps concurrent API requests that run 20 s or longer: 5 in Developer Edition and trial orgs, 25 in production
 * and sandboxes ("API Request Limits and Allocations", Salesforce Developer Limits Quick Reference). Result pages of
 * 50,000 records can take that long, so 3 at once stays under a Developer Edition's 5 with room for the org's other
 * integrations, and under 1/8 of a production org's 25. More would not help much either: the largest object
 * (CampaignMember, Lead) dominates the wall time once the others overlap it.
 */
export const PULL_CONCURRENCY = 3;

/** Runs `task` over `items` with at most `limit` running at once; results in the items' order; first error wins. */
export async function mapLimit<T, R>(
    items: readonly T[],
    limit: number,
    task: (item: T, index: number) => Promise<R>
): Promise<R[]> {
    if (!(Number.isInteger(limit) && limit >= 1))
        throw new Error(`concurrency must be a whole number ≥ 1, got ${limit}`);
    const results: R[] = new Array<R>(items.length);
    let next = 0;
    let failed = false;
    const worker = async (): Promise<void> => {
        while (!failed && next < items.length) {
            const index = next++;
            try {
                results[index] = await task(items[index] as T, index);
            } catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
    return results;
}
