import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/**
 * Two suites check our request schemas against the providers' official models (Cisco's OpenAPI
 * and AWS's Smithy extracts), which live in the project's reference folder beside the checkout,
 * not in the repository. CI always has it; a plain clone may not, and then those two files are
 * left out, saying so. With CI=true a missing folder is an error, never a silent skip.
 */
const referenceSpecs = resolve(root, '../shared/specs')
const oracleSuites = ['tests/shared/wire/webex.test.ts', 'tests/shared/wire/connect.test.ts']
const haveReference = existsSync(referenceSpecs)
if (!haveReference) {
  if (process.env['CI']) {
    throw new Error(`CI=true but the reference folder ${referenceSpecs} is missing: the oracle suites cannot run.`)
  }
  console.warn(`vitest: ${referenceSpecs} not found; skipping the official-model suites ${oracleSuites.join(', ')}`)
}

const excluded = ['**/node_modules/**', ...(haveReference ? [] : oracleSuites)]

export default defineConfig({
  // Component tests (tests/renderer, in happy-dom) mount the real .vue files.
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser tests read the page with expect.poll: a page settles a few IPC round trips after the
    // key press that moved it, and a loaded CI machine takes longer than vitest's 1 s default.
    expect: { poll: { timeout: 10_000 } },
    // Two cores: two test files at a time.
    maxWorkers: 2,
    setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/no-home-writes.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...excluded, 'tests/e2e/**'] },
      },
      {
        // The browser tests each drive the real main-process services (the AWS SDK and all) in a
        // harness of their own, and share one Chromium (tests/e2e/helpers/shared-chromium-setup.ts).
        // Loading those modules took a worker several seconds per file; a worker now keeps them
        // between files. Nothing there is process-wide but what each harness sets up again as it
        // starts (the proxy decision) and the redaction's list of secrets, which only grows.
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          isolate: false,
          globalSetup: ['tests/e2e/helpers/shared-chromium-setup.ts'],
        },
      },
    ],
  },
})
