import { createHash, randomBytes } from 'node:crypto'
import type { SimResponse } from './loopback-server'

// The sign-in pages of a simulated identity provider, for any provider's simulator: an authorize page
// with a sign-in and consent form for a fake user, the decision coming back to the app's loopback
// redirect, the code exchanged once with its PKCE verifier (S256), and a device-code page. Plain
// HTML forms without script, as an identity provider serves them: the page a new user sees in the
// sandbox is the flow a real account gets.

export interface SimUser {
  displayName: string
  email: string
}

export interface SimIdentityOptions {
  /** The provider as the page names it ("Webex"). */
  brand: string
  /** The registered integration's client id. */
  clientId: string
  user: SimUser
  /** A code lives this long (ms); a device code too. */
  codeLifetimeMs?: number
  now: () => number
}

/** A code (or a device code the user approved): who signed in, for which client and scope. */
export interface Grant {
  user: SimUser
  scope: string
}

type Verdict = { ok: true; grant: Grant } | { ok: false; status: number; error: string; description: string }

interface AuthRequest {
  redirectUri: string
  state: string
  scope: string
  challenge: string
}

interface IssuedCode extends AuthRequest {
  expiresAt: number
}

interface DeviceGrant {
  userCode: string
  scope: string
  expiresAt: number
  approved: boolean | null
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const page = (title: string, body: string): SimResponse => ({
  status: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:*",
  },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>body{font:16px system-ui,sans-serif;margin:3rem auto;max-width:30rem;padding:0 1rem}label,input,button{display:block;margin:.5rem 0}button{padding:.4rem 1rem}</style></head>
<body><main>${body}</main></body></html>`,
})

/** A loopback redirect, any port (RFC 8252 §7.3): what a registered `http://127.0.0.1/…` allows. */
function loopbackRedirect(raw: string | null): URL | null {
  if (!raw) return null
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' && url.hostname === '127.0.0.1' ? url : null
  } catch {
    return null
  }
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url')

export function createSimIdentity(options: SimIdentityOptions) {
  const lifetimeMs = options.codeLifetimeMs ?? 10 * 60_000
  const requests = new Map<string, AuthRequest>()
  const codes = new Map<string, IssuedCode>()
  const devices = new Map<string, DeviceGrant>()
  const brand = escape(options.brand)

  const problem = (title: string, text: string): SimResponse => ({
    ...page(title, `<h1>${escape(title)}</h1><p>${escape(text)}</p>`),
    status: 400,
  })

  return {
    /** `GET …/authorize`: the sign-in and consent page, or a page saying why the request is refused. */
    authorizePage(url: URL): SimResponse {
      const q = url.searchParams
      if (q.get('client_id') !== options.clientId) {
        return problem('Unknown application', 'This sign-in link names an application that is not registered.')
      }
      const redirect = loopbackRedirect(q.get('redirect_uri'))
      if (!redirect) {
        return problem('Redirect not registered', 'The application asked to return to an address it did not register.')
      }
      const back = (error: string) => {
        redirect.searchParams.set('error', error)
        redirect.searchParams.set('state', q.get('state') ?? '')
        return { status: 302, headers: { location: redirect.href } }
      }
      if (q.get('response_type') !== 'code') return back('unsupported_response_type')
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return back('invalid_request')
      const txn = randomBytes(12).toString('hex')
      requests.set(txn, {
        redirectUri: q.get('redirect_uri')!,
        state: q.get('state') ?? '',
        scope: q.get('scope') ?? '',
        challenge: q.get('code_challenge')!,
      })
      const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean)
      return page(
        `Sign in to ${options.brand}`,
        `<h1>Sign in to ${brand}</h1>
<p>Sandbox identity provider: no real account is used.</p>
<form method="post" action="authorize">
<input type="hidden" name="txn" value="${txn}">
<label for="email">Email address</label><input id="email" name="email" type="email" value="${escape(options.user.email)}" autocomplete="username">
<h2>Callboard wants to</h2>
<ul>${scopes.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>
<p>You are signing in as ${escape(options.user.displayName)}.</p>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="decline">Decline</button>
</form>`,
      )
    },

    /** `POST …/authorize`: the user's decision, back to the app's loopback redirect. */
    decide(body: Buffer): SimResponse {
      const form = new URLSearchParams(body.toString('utf8'))
      const request = requests.get(form.get('txn') ?? '')
      if (!request) return problem('Sign-in expired', 'This sign-in page was already used. Start again from Callboard.')
      requests.delete(form.get('txn') ?? '')
      const redirect = new URL(request.redirectUri)
      if (form.get('decision') === 'accept') {
        const code = randomBytes(16).toString('base64url')
        codes.set(code, { ...request, expiresAt: options.now() + lifetimeMs })
        redirect.searchParams.set('code', code)
      } else {
        redirect.searchParams.set('error', 'access_denied')
        redirect.searchParams.set('error_description', 'The user declined.')
      }
      redirect.searchParams.set('state', request.state)
      return { status: 302, headers: { location: redirect.href } }
    },

    /** The `authorization_code` grant: the code once, its redirect and its PKCE verifier. */
    exchangeCode(form: URLSearchParams): Verdict {
      const code = form.get('code') ?? ''
      const issued = codes.get(code)
      codes.delete(code)
      const refuse = (description: string): Verdict => ({ ok: false, status: 400, error: 'invalid_grant', description })
      if (!issued || issued.expiresAt <= options.now()) return refuse('The authorization code is invalid or expired.')
      if (form.get('redirect_uri') !== issued.redirectUri) return refuse('The redirect_uri does not match.')
      const verifier = form.get('code_verifier') ?? ''
      if (!verifier || s256(verifier) !== issued.challenge) return refuse('The code_verifier does not match.')
      return { ok: true, grant: { user: options.user, scope: issued.scope } }
    },

    /** `POST …/device/authorize`: a device code, and the code the user types. */
    startDevice(form: URLSearchParams, verificationUri: string): SimResponse {
      if (form.get('client_id') !== options.clientId) {
        return { status: 400, body: { error: 'invalid_client', error_description: 'Unknown client.' } }
      }
      const deviceCode = randomBytes(16).toString('base64url')
      const userCode = randomBytes(4).toString('hex').toUpperCase()
      const lifetimeS = Math.round(lifetimeMs / 1000)
      devices.set(deviceCode, {
        userCode,
        scope: form.get('scope') ?? '',
        expiresAt: options.now() + lifetimeMs,
        approved: null,
      })
      return {
        status: 200,
        body: {
          device_code: deviceCode,
          user_code: userCode,
          verification_uri: verificationUri,
          verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
          expires_in: lifetimeS,
          interval: 1,
        },
      }
    },

    /** `GET …/device`: where the user types the code shown in the app. */
    devicePage(url: URL): SimResponse {
      const code = escape(url.searchParams.get('user_code') ?? '')
      return page(
        `Activate a device · ${options.brand}`,
        `<h1>Sign in to ${brand} on a device</h1>
<form method="post" action="device">
<label for="user_code">Code shown in Callboard</label><input id="user_code" name="user_code" value="${code}" autocomplete="off">
<p>You are signing in as ${escape(options.user.displayName)}.</p>
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="decline">Decline</button>
</form>`,
      )
    },

    /** `POST …/device`: the user approved or declined the code. */
    decideDevice(body: Buffer): SimResponse {
      const form = new URLSearchParams(body.toString('utf8'))
      const typed = (form.get('user_code') ?? '').trim().toUpperCase()
      const grant = [...devices.values()].find((d) => d.userCode === typed && d.expiresAt > options.now())
      if (!grant) return problem('Code not recognised', 'Check the code shown in Callboard, or start again there.')
      grant.approved = form.get('decision') === 'accept'
      return page(
        'Done',
        `<h1>${grant.approved ? 'You are signed in' : 'Sign-in declined'}</h1><p>Go back to Callboard.</p>`,
      )
    },

    /** The device-code grant, polled by the app (RFC 8628 §3.5). */
    pollDevice(form: URLSearchParams): Verdict {
      const deviceCode = form.get('device_code') ?? ''
      const grant = devices.get(deviceCode)
      const refuse = (error: string, description: string): Verdict => ({ ok: false, status: 400, error, description })
      if (!grant) return refuse('invalid_grant', 'Unknown device code.')
      if (grant.expiresAt <= options.now()) return refuse('expired_token', 'The device code expired.')
      if (grant.approved === null) return refuse('authorization_pending', 'Waiting for the user.')
      devices.delete(deviceCode)
      if (!grant.approved) return refuse('access_denied', 'The user declined.')
      return { ok: true, grant: { user: options.user, scope: grant.scope } }
    },
  }
}

export type SimIdentity = ReturnType<typeof createSimIdentity>
