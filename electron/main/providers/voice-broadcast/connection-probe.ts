import type { ConnectionProbe } from '../connection-probe'
import { msg } from '@shared/i18n/message'
import { askedToWait, asksToWait, bodyText, unreachable } from '../connection-probe'
import { answerRetryAfterMs } from '../http/retry-after'
import { readEnvelope, voiceBroadcastHeaders } from './signing'

function parseEnvelope(raw: string): ReturnType<typeof readEnvelope> {
  try {
    return readEnvelope(JSON.parse(raw))
  } catch {
    return null
  }
}

/**
 * Voice broadcast: ask for the details of task 0, which cannot exist. The platform checks the
 * signature first, so "data does not exist" (-24) proves the key, secret and clock are right,
 * and nothing is created.
 */
export const voiceBroadcastProbe: ConnectionProbe<'voice_broadcast'> = async ({
  profile,
  secret,
  clock,
  signal,
  fetch,
}) => {
  const url = `${profile.baseUrl.replace(/\/+$/, '')}/voice/group/call/detail/0`
  let response: Response
  try {
    response = await fetch(url, {
      headers: voiceBroadcastHeaders(secret.apiKey, secret.apiSecret, clock.now()),
      signal,
    })
  } catch (error) {
    return unreachable(error, msg('probe.where.voice'))
  }
  const raw = await bodyText(response)
  if (asksToWait(response.status)) {
    const wait = answerRetryAfterMs(Object.fromEntries(response.headers), clock.now())
    return askedToWait(msg('probe.where.voice'), response.status, wait, raw)
  }
  const envelope = parseEnvelope(raw)
  if (!envelope) {
    return {
      outcome: response.ok ? 'provider_error' : response.status === 404 ? 'not_found' : 'provider_error',
      message:
        response.status === 404
          ? msg('probe.voice.nothingAtBaseUrl')
          : msg('probe.voice.unrecognised', { status: response.status }),
      providerMessage: raw,
      httpStatus: response.status,
    }
  }
  const providerMessage = `${envelope.code} ${envelope.text}`.trim()
  switch (envelope.code) {
    case '0':
    case '-24':
      return {
        outcome: 'connected',
        message: msg('probe.voice.accepted'),
        httpStatus: response.status,
      }
    case '-1':
      return {
        outcome: 'auth_rejected',
        message: msg('probe.voice.keysRefused'),
        providerMessage,
        httpStatus: response.status,
      }
    case '-2':
      return {
        outcome: 'not_permitted',
        message: msg('probe.voice.ipRefused'),
        providerMessage,
        httpStatus: response.status,
      }
    case '-16':
      return {
        outcome: 'auth_rejected',
        message: msg('probe.voice.clockWrong'),
        providerMessage,
        httpStatus: response.status,
      }
    default:
      return {
        outcome: 'provider_error',
        message: msg('probe.voice.error'),
        providerMessage,
        httpStatus: response.status,
      }
  }
}
