import { z } from 'zod'

// zod compiles object parsers with `new Function` when eval is allowed, and probes for it when a
// schema is built. The CSP forbids eval, so switch that off before any schema module loads:
// main.ts imports this file first.
z.config({ jitless: true })
