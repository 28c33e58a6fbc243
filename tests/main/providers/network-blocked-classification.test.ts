import { describe, expect, it } from 'vitest'
import type { SendOutcome } from '../../../shared/schemas/send-outcome'
import { ProxyRefusedError } from '../../../electron/main/net/proxy-refused'
import { classifyAiccsReply, replyFromTransport } from '../../../electron/main/providers/aiccs/aiccs-client'
import { classifyConnectError } from '../../../electron/main/providers/connect/connect-client'
import { classifyEgainResponse, classifyEgainTokenFailure } from '../../../electron/main/providers/egain/egain-client'
import { sendPhase } from '../../../electron/main/providers/http/http-transport'
import { unreachable } from '../../../electron/main/providers/connection-probe'
import { classifyVoiceBroadcastAnswer } from '../../../electron/main/providers/voice-broadcast/voice-broadcast-client'
import { classifyTokenFailure, classifyWebexResponse } from '../../../electron/main/providers/webex/webex-client'
import { inEnglish, said } from '../../shared/in-english'

// Issue #15: what this computer's network does to a request (its proxy refusing the tunnel, a
// certificate it does not trust) is the same outcome in every provider's classifier, whichever
// way the failure reaches it: a transport code, a fetch error's cause, an SDK's error. The real
// proxy and TLS are in tests/main/net/; these are the classifiers' branches, on values.

const NOW = new Date('2026-12-07T12:00:00Z')
const tlsError = (code: string) => Object.assign(new Error(`tls: ${code}`), { code })
/** How fetch fails: a TypeError whose cause carries the code. */
const fetchFailed = (cause: Error) => new TypeError('fetch failed', { cause })

const network = (code: string, phase: 'before_send' | 'after_send' = 'before_send') =>
  ({ kind: 'network', phase, code, timedOut: false }) as const

const CASES: [string, string, SendOutcome['kind'] | 'network_blocked', string | null][] = [
  ['a proxy wanting credentials', 'ERR_PROXY_407', 'network_blocked', 'proxy_auth'],
  ['a proxy refusing the destination', 'ERR_PROXY_403', 'network_blocked', 'proxy_refused'],
  ['a proxy that could not reach the provider', 'ERR_PROXY_502', 'network_blocked', 'proxy_refused'],
  ['an inspecting proxy not trusted', 'SELF_SIGNED_CERT_IN_CHAIN', 'network_blocked', 'certificate_untrusted'],
  ['an unknown issuer', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'network_blocked', 'certificate_untrusted'],
  ['an expired certificate', 'CERT_HAS_EXPIRED', 'network_blocked', 'certificate_untrusted'],
  ['a certificate for another name', 'ERR_TLS_CERT_ALTNAME_INVALID', 'network_blocked', 'certificate_untrusted'],
  ['an ordinary network failure', 'ECONNREFUSED', 'retry', null],
]

describe.each(CASES)('%s (%s)', (_what, code, kind, problem) => {
  const expectOutcome = (outcome: SendOutcome) => {
    expect(outcome.kind).toBe(kind)
    if (outcome.kind === 'network_blocked') {
      expect(outcome).toMatchObject({ problem, detail: code })
      expect(inEnglish(outcome.message)).toMatch(/nothing was sent/)
    }
  }

  it('Webex and eGain tasks (the node:http transport), voice broadcast too', () => {
    expectOutcome(classifyWebexResponse(network(code), { now: NOW, auth: 'oauth', what: 'task' }))
    expectOutcome(classifyEgainResponse(network(code), { now: NOW }))
    expectOutcome(classifyVoiceBroadcastAnswer(network(code), { now: NOW, taskName: 'n #0011223344' }))
  })

  it('Webex and eGain token requests (fetch, the code on its cause)', () => {
    const error = code.startsWith('ERR_PROXY_')
      ? new ProxyRefusedError(Number(code.slice(-3)))
      : fetchFailed(tlsError(code))
    expectOutcome(classifyTokenFailure(error))
    expectOutcome(classifyEgainTokenFailure(error))
  })

  it('Amazon Connect (the AWS SDK rethrows the socket error)', () => {
    const error = code.startsWith('ERR_PROXY_') ? new ProxyRefusedError(Number(code.slice(-3))) : tlsError(code)
    expectOutcome(classifyConnectError(error, NOW))
  })

  it('AICCS (the node:http transport), whichever side of "sent" the code came on', () => {
    for (const phase of ['before_send', 'after_send'] as const) {
      expectOutcome(classifyAiccsReply(replyFromTransport({ kind: 'network', phase, code, timedOut: false }, NOW)))
    }
  })
})

describe('which side of "sent" a network problem falls on', () => {
  it('a refused tunnel or an untrusted certificate is before_send even once the body was handed over', () => {
    for (const code of ['ERR_PROXY_407', 'ERR_PROXY_403', 'SELF_SIGNED_CERT_IN_CHAIN', 'CERT_HAS_EXPIRED']) {
      expect(sendPhase(code, true)).toBe('before_send')
    }
    // A tunnel that dies after the body was written is like any connection that dies then.
    expect(sendPhase('ECONNRESET', true)).toBe('after_send')
  })

  it('a network_blocked outcome wins over "may have arrived" for providers without a resend key', () => {
    expect(
      classifyWebexResponse(network('ERR_PROXY_407', 'after_send'), { now: NOW, auth: 'oauth', what: 'task' }).kind,
    ).toBe('network_blocked')
  })
})

describe('"Test connection" behind such a network', () => {
  it('says what the network did, for IT, instead of "could not be reached"', () => {
    expect(inEnglish(unreachable(new ProxyRefusedError(407), said('Webex')).message)).toMatch(
      /proxy asked for a user name and password/,
    )
    expect(inEnglish(unreachable(fetchFailed(tlsError('SELF_SIGNED_CERT_IN_CHAIN')), said('eGain')).message)).toMatch(
      /^Your network presents a certificate this computer does not trust \(SELF_SIGNED_CERT_IN_CHAIN\)/,
    )
    expect(inEnglish(unreachable(fetchFailed(tlsError('ECONNREFUSED')), said('eGain')).message)).toBe(
      'eGain could not be reached (ECONNREFUSED).',
    )
  })
})
