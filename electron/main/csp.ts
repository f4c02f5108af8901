/**
 * The one Content-Security-Policy of the app. The app:// handler sends it as a header on
 * every response, and renderer/index.html repeats it in a <meta> tag (tests/main/csp.test.ts
 * checks they are equal), so the dev server and the packaged app run under the same rules.
 * No 'unsafe-inline' / 'unsafe-eval' anywhere: an injected string can never become code.
 */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
