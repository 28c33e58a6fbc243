import { issueInEnglish } from '../../../shared/i18n/render-message'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DescribeInstanceCommand } from '@aws-sdk/client-connect'
import type { ProfileOf } from '../../../shared/providers/registry'
import { ConnectProfile } from '../../../shared/schemas/profiles'
import { connectSdkClient } from '../../../electron/main/providers/connect/connect-sdk'
import type { ConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { startConnectSimulator } from '../../../electron/main/providers/connect/connect-simulator'
import { drafts, secrets } from '../../shared/fixtures'

// Amazon Connect: the profile alone decides where the signed requests go. This computer's AWS
// environment and shared files may name other endpoints (AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL,
// `endpoint_url`, FIPS); here they all point at a "rogue" simulator, in a temporary HOME (never the
// real one). Each request is stopped after it is signed, before it leaves, and its address read.

const ID = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f'
const ENV = [
  'HOME',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_CONNECT',
  'AWS_USE_FIPS_ENDPOINT',
  'AWS_USE_DUALSTACK_ENDPOINT',
  'AWS_PROFILE',
] as const
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]))
let rogue: ConnectSimulator

beforeAll(async () => {
  rogue = await startConnectSimulator({
    accessKeyId: secrets.connect.accessKeyId,
    secretAccessKey: secrets.connect.secretAccessKey,
  })
  const home = mkdtempSync(join(tmpdir(), 'callboard-aws-home-'))
  mkdirSync(join(home, '.aws'))
  const config = join(home, '.aws', 'config')
  writeFileSync(config, `[default]\nendpoint_url = ${rogue.url}\nuse_fips_endpoint = true\n`)
  writeFileSync(join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIAAMBIENT\n')
  Object.assign(process.env, {
    HOME: home,
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
    AWS_ENDPOINT_URL: rogue.url,
    AWS_ENDPOINT_URL_CONNECT: rogue.url,
    AWS_USE_DUALSTACK_ENDPOINT: 'true',
  })
})
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
  }
  await rogue.close()
})

const profile = (settings: Record<string, unknown> = {}): ProfileOf<'connect'> => {
  const parsed = ConnectProfile.parse({ ...drafts.connect, id: ID, region: 'us-east-1', ...settings })
  return parsed
}

/** Where the SDK would send a signed DescribeInstance for this profile (stopped before it leaves). */
async function destination(p: ProfileOf<'connect'>, endpoint?: string): Promise<string> {
  const client = connectSdkClient(p, secrets.connect, { endpoint, timeoutMs: 1_000 })
  let seen = ''
  client.middlewareStack.add(
    () => async (args) => {
      const request = args.request as { protocol: string; hostname: string; port?: number }
      seen = `${request.protocol}//${request.hostname}${request.port ? `:${request.port}` : ''}`
      throw new Error('stopped before sending')
    },
    { step: 'finalizeRequest', name: 'stopBeforeSending', priority: 'low' },
  )
  await expect(client.send(new DescribeInstanceCommand({ InstanceId: p.instanceId }))).rejects.toThrow(
    'stopped before sending',
  )
  return seen
}

describe('Amazon Connect endpoint: the profile decides, the environment does not', () => {
  it('ignores AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL, endpoint_url and the FIPS/dual-stack settings around it', async () => {
    expect(await destination(profile())).toBe('https://connect.us-east-1.amazonaws.com')
    expect(rogue.requests).toEqual([])
  })

  it('FIPS and dual-stack when the profile chooses them', async () => {
    expect(await destination(profile({ fips: true }))).toBe('https://connect-fips.us-east-1.amazonaws.com')
    expect(await destination(profile({ dualStack: true }))).toBe('https://connect.us-east-1.api.aws')
    expect(await destination(profile({ fips: true, dualStack: true }))).toBe('https://connect-fips.us-east-1.api.aws')
  })

  it("the profile's own endpoint URL (a VPC endpoint, say)", async () => {
    const vpce = 'https://vpce-0123-abcd.connect.us-east-1.vpce.amazonaws.com'
    expect(await destination(profile({ endpointUrl: vpce }))).toBe(vpce)
    // The sandbox's simulator is given to the client, over any profile setting.
    expect(await destination(profile(), rogue.url)).toBe(rogue.url)
  })

  it('an endpoint URL is https, an address alone, and not combined with FIPS or dual-stack', () => {
    const issues = (settings: Record<string, unknown>) =>
      ConnectProfile.safeParse({ ...drafts.connect, id: ID, ...settings }).error?.issues.map((i) =>
        issueInEnglish(i.message),
      ) ?? []
    expect(issues({ endpointUrl: 'http://connect.us-east-1.amazonaws.com' })).toEqual(['Use an https:// address.'])
    expect(issues({ endpointUrl: 'https://vpce.example.com/path?x=1' })).toEqual([
      'Give the endpoint’s address alone: https:// and its host name.',
    ])
    expect(issues({ endpointUrl: 'vpce.example.com' })).toHaveLength(1)
    expect(issues({ endpointUrl: 'https://vpce.example.com', fips: true })).toEqual([
      'FIPS and dual-stack choose among the region’s own endpoints; with an endpoint of your own, turn them off.',
    ])
    // A profile saved before these settings existed: the regional endpoint.
    expect(ConnectProfile.parse({ ...drafts.connect, id: ID })).toMatchObject({
      endpointUrl: '',
      fips: false,
      dualStack: false,
    })
  })
})
