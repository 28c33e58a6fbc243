import type { ConnectionProbe } from '../connection-probe'
import { bodyText, unreachable } from '../connection-probe'
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
    return unreachable(error, 'The voice-broadcast API')
  }
  const raw = await bodyText(response)
  const envelope = parseEnvelope(raw)
  if (!envelope) {
    return {
      outcome: response.ok ? 'provider_error' : response.status === 404 ? 'not_found' : 'provider_error',
      message:
        response.status === 404
          ? 'Nothing answers at that base URL; check it (for example https://api.itniotech.com or https://api.laaffic.com/v3).'
          : `The voice-broadcast API answered ${response.status} with something Callboard does not recognise.`,
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
        message: 'The voice-broadcast platform accepted the API key and signature.',
        httpStatus: response.status,
      }
    case '-1':
      return {
        outcome: 'auth_rejected',
        message: 'The platform refused the API key or secret.',
        providerMessage,
        httpStatus: response.status,
      }
    case '-2':
      return {
        outcome: 'not_permitted',
        message: "The platform refused this computer's IP address; add it to the account's IP allow-list.",
        providerMessage,
        httpStatus: response.status,
      }
    case '-16':
      return {
        outcome: 'auth_rejected',
        message: "The platform says the request's timestamp has expired: this computer's clock is probably wrong.",
        providerMessage,
        httpStatus: response.status,
      }
    default:
      return {
        outcome: 'provider_error',
        message: 'The platform answered with an error.',
        providerMessage,
        httpStatus: response.status,
      }
  }
}
