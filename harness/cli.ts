import { existsSync, mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { startHarness } from './server'

const usage = `Usage: npm run harness -- [--data DIR] [--port N] [--clipboard TEXT] [--policy FILE]

Serves the built renderer on 127.0.0.1 and runs Callboard's main-process services in Node.
  --data DIR        user-data folder to use (created if missing); default: a new temporary folder
  --port N          port to listen on; default: a free one
  --clipboard TEXT  what the harness's clipboard holds at start (the quick callback's prefill)
  --policy FILE     an administrator's policy (JSON, as /etc/callboard/policy.json); default: none`

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      clipboard: { type: 'string' },
      policy: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    console.log(usage)
    return
  }
  const rendererDir = resolve(import.meta.dirname, '../out/renderer')
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${rendererDir}: run "npm run build" first.`)
  }
  const port = values.port === undefined ? 0 : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, not ${values.port}`)
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'callboard-harness-'))
  mkdirSync(dataDir, { recursive: true })

  const harness = await startHarness({
    rendererDir,
    dataDir,
    port,
    ...(values.clipboard !== undefined ? { clipboard: values.clipboard } : {}),
    ...(values.policy ? { policyFile: resolve(values.policy) } : {}),
  })
  // Machine-readable first line: tools wait for it and take the URL (with its token) from it.
  console.log(`CALLBOARD_HARNESS_URL=${harness.url}`)
  console.error(`Callboard harness: user data in ${dataDir}; Ctrl+C stops it.`)
  const at = new URL(harness.url)
  console.error(
    [
      `The small windows: ${harness.url}#/confirm-dial (440×340) and ${harness.url}#/quick-callback (440×520).`,
      'Press the dial shortcut, with what the clipboard holds:',
      `  curl -X POST -H 'Authorization: Bearer ${harness.token}' -d '{"clipboard":"Call Ana on +44 20 7946 0958"}' ${at.origin}/__harness/shortcut`,
      `Open a phone link: POST ${at.origin}/__harness/link {"url":"tel:+1-415-555-0123"}; set the clipboard: POST /__harness/clipboard {"text":"…"}`,
    ].join('\n'),
  )

  const stop = () => {
    harness.close().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(`harness: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
