import { msg, type Message } from '@shared/i18n/message'
import * as oauth from 'oauth4webapi'
import type { Profile, ProviderSecret } from '@shared/providers/registry'
import type { DeviceCodePrompt, SignInMethod, SignInProblem, SignInStatus } from '@shared/schemas/sign-in'
import type { CachedToken } from '@shared/schemas/token'
import { AppError } from '../core/app-error'
import type { Clock } from '../core/clock'
import type { Logger } from '../core/logger'
import type { CredentialsService } from '../secrets/credentials-service'
import type { TokenCache } from '../secrets/token-cache'
import { checkExternalUrl, checkSignInUrl, isLoopbackHost } from '../security/external-links'
import type { SignedIn } from './browser-sign-in'
import { SignInRefused, signInWithBrowser } from './browser-sign-in'
import type { DeviceCodePrompt as ShownPrompt } from './device-sign-in'
import { signInWithDeviceCode } from './device-sign-in'
import { SignInError } from './loopback-redirect'
import type { CustomSignInPlan, OAuthSignInPlan, SignInPlan } from './sign-in-capability'

export interface SignInServiceDeps {
  findProfile(profileId: string): Profile | undefined
  /** The provider's plan for the profile (the registry's `signInPlanFor`), or null. */
  planFor(
    profile: Profile,
    secret: ProviderSecret | null,
  ): { plan: SignInPlan; blankSecret: ProviderSecret | null } | null
  credentials: Pick<CredentialsService, 'read' | 'set' | 'clear'>
  tokens: TokenCache
  fetch: typeof fetch
  clock: Clock
  logger: Logger
  /** The system browser (Electron's shell.openExternal; a page the test drives in the harness). */
  openBrowser(url: string, authorizationEndpoint: string): Promise<void>
  /** Told of every change of a profile's sign-in (the `signin:changed` event). */
  changed(status: SignInStatus): void
  /** A profile was signed in: its tasks waiting for a sign-in go on. */
  signedIn(profileId: string): void
  /**
   * A profile was signed out (by the agent, or by a refused renewal): whatever was obtained with its
   * sign-in and is held in memory (Amazon Connect's role credentials) must go now, not when it expires.
   */
  signedOut?(profileId: string): void
  /** How long the agent has in the browser (default five minutes). */
  browserTimeoutMs?: number
  /** Between two polls of a device sign-in (tests move on at once). */
  sleep?: (ms: number) => Promise<void>
  /** The provider's address for a profile instead of the real one (the sandbox's simulator), if any. */
  endpointFor?: (profile: Profile) => string | undefined
  /** Why this process may not write (another Callboard owns the data folder), or null. */
  notOwner?: Message | null
}

export interface SignInService {
  start(profileId: string, method: SignInMethod): Promise<SignInStatus>
  cancel(profileId: string): Promise<SignInStatus>
  signOut(profileId: string): Promise<SignInStatus>
  status(profileId: string): Promise<SignInStatus>
  /**
   * The provider refused to renew a profile's token (a task came back `needs_auth`): a profile that
   * signs in is signed out, its tokens deleted, and the window offers "Sign in again".
   */
  renewalRefused(profileId: string): Promise<void>
}

/** What the agent is told when the renewal of a sign-in is refused. */
const RENEWAL_REFUSED: SignInProblem = { code: 'renewal_refused', message: msg('signInEnded.renewalRefused') }

interface Running {
  abort: AbortController
  device: DeviceCodePrompt | null
}

/** The problem an ended sign-in leaves, as a code the window explains and main's words. */
function problemOf(error: unknown): SignInProblem {
  if (error instanceof SignInRefused) return { code: error.code.slice(0, 64), message: error.said }
  if (error instanceof SignInError)
    return {
      code: error.reason,
      message: error.reason === 'listener' ? msg('signInEnded.unreachable') : msg(`signInEnded.${error.reason}`),
    }
  if (error instanceof AppError) return { code: error.code, message: error.said }
  if (error instanceof oauth.OperationProcessingError) {
    return { code: 'invalid_response', message: msg('signInEnded.invalidResponse') }
  }
  return { code: 'unreachable', message: msg('signInEnded.unreachable') }
}

/**
 * Signing a profile in through its identity provider, whatever the provider: the provider module
 * says where and how (sign-in-capability.ts); this runs the browser or device flow, keeps the tokens
 * in the keychain (the token cache, which renews them), says who is signed in, and signs out. No
 * token, code or verifier leaves main: the window gets `SignInStatus`, the log profile ids and codes.
 */
export function createSignInService(deps: SignInServiceDeps): SignInService {
  const { clock, logger } = deps
  const running = new Map<string, Running>()
  const problems = new Map<string, SignInProblem>()

  async function resolve(profileId: string) {
    const profile = deps.findProfile(profileId)
    if (!profile) throw new AppError('not_found', msg('failure.profileGoneReload'))
    const secret = await deps.credentials.read(profileId)
    return { profile, secret, found: deps.planFor(profile, secret) }
  }

  async function status(profileId: string): Promise<SignInStatus> {
    const { found } = await resolve(profileId)
    const methods: SignInMethod[] = found ? methodsOf(found.plan) : []
    const base = { profileId, methods, user: null, renews: false, expiresAt: null, device: null }
    if (!found) return { ...base, state: 'not_offered', problem: null }
    const problem = problems.get(profileId) ?? null
    const run = running.get(profileId)
    if (run) return { ...base, state: 'signing_in', device: run.device, problem: null }
    const token = await deps.tokens.peek(profileId)
    const usable = token && (token.refreshToken || Date.parse(token.expiresAt) > clock.now().getTime())
    if (!token || !usable) return { ...base, state: 'signed_out', problem }
    return {
      ...base,
      state: 'signed_in',
      user: token.signedInAs ?? null,
      renews: token.refreshToken !== undefined,
      expiresAt: token.expiresAt,
      problem,
    }
  }

  async function announce(profileId: string): Promise<void> {
    try {
      deps.changed(await status(profileId))
    } catch (error) {
      logger.warn('sign-in state not announced', { profileId, error: (error as Error).name })
    }
  }

  /** Shows the agent the device code (the window's panel, through `signin:changed`). */
  const showTo = (profileId: string, entry: Running) => (prompt: DeviceCodePrompt) => {
    entry.device = { userCode: prompt.userCode, verificationUri: prompt.verificationUri, expiresAt: prompt.expiresAt }
    void announce(profileId)
  }

  /** A provider's own flow: what it returns is stored as it is. */
  async function runCustom(profile: Profile, method: SignInMethod, plan: CustomSignInPlan, entry: Running) {
    if (!plan.methods.includes(method)) throw new SignInRefused('not_offered', msg('signInEnded.notOffered'))
    const endpoint = deps.endpointFor?.(profile)
    const show = showTo(profile.id, entry)
    return plan.start({
      method,
      show: (prompt) => {
        show(prompt)
        openDevicePage(plan, prompt)
      },
      clock,
      signal: entry.abort.signal,
      ...(deps.sleep && { sleep: deps.sleep }),
      ...(endpoint && { endpoint }),
    })
  }

  /**
   * The device page in the system browser, as `aws sso login` does, so "Sign in again" from a queue
   * row lands the agent on it; the code stays shown in the profile. Only on the plan's hosts.
   */
  function openDevicePage(plan: CustomSignInPlan, prompt: ShownPrompt): void {
    const page = prompt.verificationUriComplete ?? prompt.verificationUri
    if (!onThisComputer(page) && !checkExternalUrl(page, plan.browserHosts).allowed) {
      logger.warn('device page not opened: not on the provider’s hosts', {})
      return
    }
    deps.openBrowser(page, prompt.verificationUri).catch((error: unknown) => {
      logger.warn('device page not opened', { error: (error as Error).name })
    })
  }

  async function runOAuth(profileId: string, method: SignInMethod, plan: OAuthSignInPlan, entry: Running) {
    const loopbackIdp = isLoopbackIdp(plan)
    const common = {
      clientId: plan.clientId,
      ...(plan.clientSecret && { clientSecret: plan.clientSecret }),
      scope: plan.scope,
      clock,
      loopbackIdp,
      signal: entry.abort.signal,
      fetch: deps.fetch,
    }
    let signed: SignedIn
    if (method === 'device') {
      if (!plan.device) throw new SignInRefused('no_device', msg('signInEnded.noDevice'))
      signed = await signInWithDeviceCode({
        ...common,
        idp: {
          ...plan.idp,
          tokenEndpoint: plan.device.tokenEndpoint,
          deviceAuthorizationEndpoint: plan.device.authorizationEndpoint,
        },
        show: showTo(profileId, entry),
        ...(deps.sleep && { sleep: deps.sleep }),
      })
    } else {
      signed = await signInWithBrowser({
        ...common,
        idp: plan.idp,
        ...(deps.browserTimeoutMs !== undefined && { timeoutMs: deps.browserTimeoutMs }),
        openBrowser: async (url) => {
          // Only the profile's own sign-in page, through the allow-list.
          const verdict = checkSignInUrl(url.href, plan.idp.authorizationEndpoint)
          if (!verdict.allowed) throw new SignInRefused('not_allowed', msg('signInEnded.notAllowed'))
          await deps.openBrowser(verdict.url, plan.idp.authorizationEndpoint)
        },
      })
    }
    const user = await plan.whoAmI(signed.accessToken, deps.fetch, entry.abort.signal).catch(() => null)
    return { signed, user }
  }

  return {
    status,
    async start(profileId, method) {
      if (deps.notOwner) throw new AppError('settings_unwritable', deps.notOwner)
      const { profile, secret, found } = await resolve(profileId)
      if (!found) throw new AppError('invalid_input', msg('failure.noIdentityProvider'))
      if (running.has(profileId)) return status(profileId)
      if (found.plan.kind === 'oauth' && !found.plan.clientId) {
        throw new AppError('invalid_input', msg('failure.noClientId'))
      }
      const entry: Running = { abort: new AbortController(), device: null }
      running.set(profileId, entry)
      problems.delete(profileId)
      logger.info('sign-in started', { profileId, method })
      void (async () => {
        try {
          let token: CachedToken
          if (found.plan.kind === 'custom') {
            const signed = await runCustom(profile, method, found.plan, entry)
            await deps.credentials.set(profileId, signed.secret)
            token = signed.token
          } else {
            const { signed, user } = await runOAuth(profileId, method, found.plan, entry)
            // A profile that signs in keeps a secret entry (the client secret, if any) beside its tokens.
            if (!secret && found.blankSecret) await deps.credentials.set(profileId, found.blankSecret)
            token = {
              accessToken: signed.accessToken,
              expiresAt: signed.expiresAt,
              ...(signed.refreshToken !== null && { refreshToken: signed.refreshToken }),
              ...(user !== null && { signedInAs: user }),
            }
          }
          await deps.tokens.put(profileId, token)
          logger.info('signed in', { profileId, method, renews: token.refreshToken !== undefined })
          running.delete(profileId)
          deps.signedIn(profileId)
        } catch (error) {
          const problem = problemOf(error)
          problems.set(profileId, problem)
          logger.warn('sign-in ended without signing in', { profileId, method, code: problem.code })
        } finally {
          running.delete(profileId)
          await announce(profileId)
        }
      })()
      return status(profileId)
    },
    async cancel(profileId) {
      running.get(profileId)?.abort.abort()
      running.delete(profileId)
      return status(profileId)
    },
    async signOut(profileId) {
      if (deps.notOwner) throw new AppError('settings_unwritable', deps.notOwner)
      const { found } = await resolve(profileId)
      running.get(profileId)?.abort.abort()
      running.delete(profileId)
      const token = await deps.tokens.peek(profileId)
      if (found?.plan.kind === 'oauth' && found.plan.revocationEndpoint && token) await revoke(found.plan, token)
      await deps.tokens.forget(profileId)
      deps.signedOut?.(profileId)
      if (found?.plan.kind === 'custom') await deps.credentials.clear(profileId)
      problems.delete(profileId)
      logger.info('signed out', { profileId })
      const now = await status(profileId)
      deps.changed(now)
      return now
    },
    async renewalRefused(profileId) {
      const profile = deps.findProfile(profileId)
      if (!profile || running.has(profileId)) return
      const secret = await deps.credentials.read(profileId).catch(() => null)
      const found = deps.planFor(profile, secret)
      if (!found) return
      await deps.tokens.forget(profileId)
      deps.signedOut?.(profileId)
      // A built-in (sandbox) profile's credentials cannot be cleared; the token is gone all the same.
      if (found.plan.kind === 'custom') {
        await deps.credentials
          .clear(profileId)
          .catch((error: unknown) =>
            logger.warn('the refused sign-in could not be cleared', { profileId, error: String(error) }),
          )
      }
      problems.set(profileId, RENEWAL_REFUSED)
      logger.info('sign-in renewal refused; signed out', { profileId })
      await announce(profileId)
    },
  }

  /** RFC 7009, best effort: the tokens go from the keychain whatever the provider answers. */
  async function revoke(plan: OAuthSignInPlan, token: CachedToken): Promise<void> {
    const as: oauth.AuthorizationServer = { issuer: plan.idp.issuer, revocation_endpoint: plan.revocationEndpoint! }
    const client: oauth.Client = { client_id: plan.clientId }
    const auth = plan.clientSecret ? oauth.ClientSecretPost(plan.clientSecret) : oauth.None()
    const options = {
      ...(isLoopbackIdp(plan) && { [oauth.allowInsecureRequests]: true }),
      signal: AbortSignal.timeout(10_000),
    }
    try {
      const response = await oauth.revocationRequest(as, client, auth, token.refreshToken ?? token.accessToken, options)
      await oauth.processRevocationResponse(response)
    } catch (error) {
      logger.warn('token revocation failed; tokens deleted here anyway', { error: (error as Error).name })
    }
  }
}

/** The ways a plan offers: a provider's own flow says; OAuth offers the device code where there is a grant. */
function methodsOf(plan: SignInPlan): SignInMethod[] {
  if (plan.kind === 'custom') return plan.methods
  return plan.device ? ['browser', 'device'] : ['browser']
}

/** The sandbox's (or a developer's) identity provider on this computer speaks plain http. */
function isLoopbackIdp(plan: OAuthSignInPlan): boolean {
  return onThisComputer(plan.idp.tokenEndpoint)
}

function onThisComputer(address: string): boolean {
  const url = URL.parse(address)
  return url !== null && url.protocol === 'http:' && isLoopbackHost(url.hostname)
}
