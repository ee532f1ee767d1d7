/** How many users one bulk creation makes at most: ten times what the service creates in 30 seconds. */
export const BULK_COUNT = { min: 1, max: 10_000 } as const;

export function isValidBulkCount(count: number): boolean {
  return Number.isInteger(count) && count >= BULK_COUNT.min && count <= BULK_COUNT.max;
}
