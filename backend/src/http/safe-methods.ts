/**
 * The HTTP methods that never change anything here (RFC 9110 "safe"): CSRF checks skip them, and
 * they never invalidate remembered results.
 */
export const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
