// Writes resources/policy.schema.json, the JSON Schema of the administrator's policy, from the zod
// schema the app validates it with (shared/schemas/policy.ts). Editors that read JSON Schema
// complete and check a policy file with it; tests/main/policy.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { policyJsonSchema } from '../shared/schemas/policy-json-schema'

const out = resolve(import.meta.dirname, '../resources/policy.schema.json')
writeFileSync(out, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`)
console.log(`wrote ${out}`)
