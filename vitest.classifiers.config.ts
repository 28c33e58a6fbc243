import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

/**
 * `npm run test:classifiers`: the provider suites, with branch coverage of every provider client's
 * classifier and the HTTP seam they share (providers/http) held at 100% per file (issue #4, reliability Q11). The
 * report goes to stdout; the only files written are under test-artifacts/coverage-classifiers.
 */
export default defineConfig({
  resolve: { alias: { '@shared': resolve(root, 'shared') } },
  test: {
    environment: 'node',
    include: ['tests/main/providers/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/no-home-writes.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // No results cache (it would be written under node_modules/.vite), and no module cache
    // (vitest 5 keeps transformed modules in node_modules/.vitest-cache by default).
    cache: false,
    fsModuleCache: false,
    coverage: {
      enabled: true,
      provider: 'v8',
      include: [
        'electron/main/providers/webex/webex-client.ts',
        'electron/main/providers/egain/egain-client.ts',
        'electron/main/providers/connect/connect-client.ts',
        'electron/main/providers/aiccs/aiccs-client.ts',
        'electron/main/providers/aiccs/aiccs-lookup.ts',
        'electron/main/providers/voice-broadcast/voice-broadcast-client.ts',
        'electron/main/providers/http/oauth.ts',
        'electron/main/providers/http/http-transport.ts',
        // How a failed list fetch is told (auth refused, not permitted, offline, …), per provider.
        'electron/main/providers/webex/webex-choices.ts',
        'electron/main/providers/connect/connect-choices.ts',
        'electron/main/providers/choice-source.ts',
        'electron/main/providers/http/attempt-deadline.ts',
        'electron/main/providers/http/retry-after.ts',
        'electron/main/providers/http/one-refresh.ts',
        'electron/main/providers/http/unanswered.ts',
        // What this computer's network did (a proxy's refusal, an untrusted certificate), for every provider.
        'electron/main/net/network-problem.ts',
        'electron/main/net/proxy-refused.ts',
      ],
      reporter: ['text'],
      reportsDirectory: 'test-artifacts/coverage-classifiers',
      thresholds: { branches: 100, functions: 100, lines: 100, statements: 100, perFile: true },
    },
  },
})
