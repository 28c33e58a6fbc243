import { describe, expect, it } from 'vitest'
import { buildBrowserBridge } from '../../harness/build-bridge'

// Every harness a test starts serves the bridge script; bundling it is a Vite build, done once per
// process rather than once per harness.
describe('the harness bridge script', () => {
  it('is bundled once per process', async () => {
    const first = buildBrowserBridge()
    expect(buildBrowserBridge()).toBe(first)
    expect(await first).toContain('callboard-harness-token')
  }, 120_000)
})
