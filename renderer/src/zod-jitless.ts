import { z } from 'zod'

// zod compiles object parsers with `new Function` when eval is allowed, and probes for it when a
// schema is built. The CSP forbids eval: index.html's first script (public/zod-jitless.js) turns
// that off before any module runs; this repeats it for contexts without that page (tests, workers).
z.config({ jitless: true })
