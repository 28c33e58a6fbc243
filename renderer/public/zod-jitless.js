// zod compiles object parsers with `new Function` when eval is allowed, and probes for it first.
// The renderer's CSP forbids eval, and even the caught probe is reported as a violation. zod keeps
// its settings on globalThis, so they are set here, by a classic script that runs before any module
// (the bundler may evaluate zod's chunk, and schemas parsed at load, before any module of ours).
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true })
