// The version `ippool --version` prints: package.json's, written into the bundle by build/bundle.mjs.
declare const IPPOOL_VERSION: string | undefined;

/** Code run from the sources (vitest in-process) was never built, so it has no release to name. */
export const VERSION: string = typeof IPPOOL_VERSION === "string" ? IPPOOL_VERSION : "unbuilt";
