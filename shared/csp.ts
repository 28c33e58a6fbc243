/**
 * The renderer's Content Security Policy, shipped both as a meta tag in the built index.html and
 * as a header from the app:// protocol (and the harness). Every provider call goes through main,
 * so the page needs to reach nothing but itself.
 */
export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')

/** Header-only directives (ignored in a meta tag). */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`

/** Vite's dev server injects styles inline and talks to its HMR socket; development only. */
export const RENDERER_CSP_DEV = RENDERER_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
)
