/** The ranges of the numeric settings; package.json `contributes.configuration` declares the same (the manifest test checks it). */

/** How long one call to the service may take, its retries included. */
export const REQUEST_TIMEOUT_SECONDS = { min: 1, max: 600, default: 30 } as const;

/** How long a copied token stays on the clipboard; 0 leaves it there. */
export const CLEAR_CLIPBOARD_SECONDS = { min: 0, max: 3600, default: 0 } as const;
