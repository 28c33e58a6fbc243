import { msg, type Message } from '@shared/i18n/message'
import { renderMessage } from '@shared/i18n/render-message'
import { CreateTokenCommand, SSOOIDCClient } from '@aws-sdk/client-sso-oidc'
import { GetRoleCredentialsCommand, ListAccountRolesCommand, ListAccountsCommand, SSOClient } from '@aws-sdk/client-sso'
import type { ProfileOf } from '@shared/providers/registry'
import type { ConnectSsoSecret } from '@shared/providers/connect/secret'
import type { CachedToken } from '@shared/schemas/token'
import type { Clock } from '../../core/clock'
import type { DateObserver } from '../http/observing-transport'
import { isolatedSdkConfig, observeSdkAnswers } from './connect-sdk'

// AWS IAM Identity Center for a Connect profile, through the official SDK clients: SSO OIDC
// (CreateToken, to renew the access token the sign-in gave) and the AWS access portal
// (ListAccounts, ListAccountRoles, GetRoleCredentials). Both are unsigned APIs: the OIDC client
// registration authenticates CreateToken, the access token (a bearer header) the portal.

/** The short-lived AWS credentials of one role, as the access portal hands them out. */
export interface RoleCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken: string
  /** On the provider's clock. */
  expiration: Date
}

/** The Identity Center asks the agent to sign in again; `message` says so in plain words. */
export class SignInNeeded extends Error {
  constructor(
    /** In the agent's words (a message key); the error's own message is its English, for logs. */
    readonly said: Message,
    readonly providerMessage: string | null = null,
  ) {
    super(renderMessage(said))
    this.name = 'SignInNeeded'
  }
}

/** Where the Identity Center is reached: AWS's regional endpoints, or (tests, sandbox) a simulator. */
export interface IdentityCenterPorts {
  /** One address for both APIs (the simulator serves both); absent: `oidc.<region>` and `portal.sso.<region>`. */
  endpoint?: string
  timeoutMs: number
  signal: AbortSignal
  /** Told of every answer's `Date` header: the token and role answers teach the profile's clock too. */
  onAnswer?: DateObserver
}

type ClientPorts = Pick<IdentityCenterPorts, 'endpoint' | 'timeoutMs' | 'onAnswer'>

export function ssoOidcClient(region: string, ports: ClientPorts): SSOOIDCClient {
  const client = new SSOOIDCClient({
    region,
    ...(ports.endpoint ? { endpoint: ports.endpoint } : {}),
    ...isolatedSdkConfig(ports.timeoutMs),
  })
  observeSdkAnswers(client.middlewareStack, ports.onAnswer)
  return client
}

function ssoPortalClient(region: string, ports: ClientPorts): SSOClient {
  const client = new SSOClient({
    region,
    ...(ports.endpoint ? { endpoint: ports.endpoint } : {}),
    ...isolatedSdkConfig(ports.timeoutMs),
  })
  observeSdkAnswers(client.middlewareStack, ports.onAnswer)
  return client
}

/** An answer from AWS (not a network failure) carries `$metadata.httpStatusCode`. */
export const awsAnswered = (error: unknown): error is Error & { $metadata: { httpStatusCode: number } } =>
  error instanceof Error &&
  typeof (error as { $metadata?: { httpStatusCode?: unknown } }).$metadata?.httpStatusCode === 'number'

/** The service's own words: `Name: description`. */
export function awsWords(error: Error): string {
  const { error_description: description, message } = error as { error_description?: unknown; message?: unknown }
  const text = typeof description === 'string' && description ? description : typeof message === 'string' ? message : ''
  return `${error.name}${text ? `: ${text}` : ''}`.slice(0, 2000)
}

/** SSO OIDC's refusals of a grant: the registration or the refresh token is no longer good. */
const REFUSED_GRANT = new Set([
  'InvalidGrantException',
  'ExpiredTokenException',
  'InvalidClientException',
  'UnauthorizedClientException',
  'AccessDeniedException',
  'InvalidRequestException',
  'InvalidScopeException',
])

const SIGN_IN_AGAIN = msg('credentials.connect.signInEnded')

/**
 * A valid access token for the portal, from the token cache's previous one or the sign-in's: the
 * sign-in's own while it has life left, else renewed with the refresh token (CreateToken,
 * grant `refresh_token`; Identity Center may rotate it). Without a refresh token, or when the
 * registration has expired or the grant is refused, the agent signs in again.
 */
export async function renewAccessToken(
  profile: ProfileOf<'connect'>,
  secret: ConnectSsoSecret,
  previous: CachedToken | null,
  clock: Clock,
  ports: IdentityCenterPorts,
  refreshAheadMs: number,
): Promise<CachedToken> {
  const now = clock.now().getTime()
  if (!previous && Date.parse(secret.accessTokenExpiresAt) - now > refreshAheadMs) {
    return {
      accessToken: secret.accessToken,
      expiresAt: secret.accessTokenExpiresAt,
      ...(secret.refreshToken ? { refreshToken: secret.refreshToken } : {}),
    }
  }
  const refreshToken = previous?.refreshToken ?? secret.refreshToken
  if (!refreshToken || Date.parse(secret.clientSecretExpiresAt) <= now) throw new SignInNeeded(SIGN_IN_AGAIN)
  const client = ssoOidcClient(profile.ssoRegion, ports)
  try {
    const answer = await client.send(
      new CreateTokenCommand({
        clientId: secret.clientId,
        clientSecret: secret.clientSecret,
        grantType: 'refresh_token',
        refreshToken,
      }),
      { abortSignal: ports.signal },
    )
    if (!answer.accessToken) throw new SignInNeeded(SIGN_IN_AGAIN)
    return {
      accessToken: answer.accessToken,
      expiresAt: new Date(clock.now().getTime() + (answer.expiresIn ?? 0) * 1000).toISOString(),
      // Kept when CreateToken does not rotate it.
      refreshToken: answer.refreshToken || refreshToken,
    }
  } catch (error) {
    if (awsAnswered(error) && REFUSED_GRANT.has(error.name)) throw new SignInNeeded(SIGN_IN_AGAIN, awsWords(error))
    throw error
  } finally {
    client.destroy()
  }
}

/** An account and role the signed-in agent may take (ListAccounts, ListAccountRoles). */
export interface RoleChoice {
  accountId: string
  accountName: string
  roleName: string
}

/** Every account and role the access token may take, every page of each list. */
export async function listRoleChoices(
  region: string,
  accessToken: string,
  ports: IdentityCenterPorts,
): Promise<RoleChoice[]> {
  const client = ssoPortalClient(region, ports)
  const options = { abortSignal: ports.signal }
  try {
    const choices: RoleChoice[] = []
    let nextAccounts: string | undefined
    do {
      const accounts = await client.send(new ListAccountsCommand({ accessToken, nextToken: nextAccounts }), options)
      for (const account of accounts.accountList ?? []) {
        if (!account.accountId) continue
        let nextRoles: string | undefined
        do {
          const roles = await client.send(
            new ListAccountRolesCommand({ accessToken, accountId: account.accountId, nextToken: nextRoles }),
            options,
          )
          for (const role of roles.roleList ?? []) {
            if (role.roleName) {
              choices.push({
                accountId: account.accountId,
                accountName: account.accountName ?? '',
                roleName: role.roleName,
              })
            }
          }
          nextRoles = roles.nextToken || undefined
        } while (nextRoles)
      }
      nextAccounts = accounts.nextToken || undefined
    } while (nextAccounts)
    return choices
  } finally {
    client.destroy()
  }
}

/**
 * The account and role the profile takes: the ones it names, or, when it names none, the only one
 * the agent has (with several, the agent chooses in the profile).
 */
export async function chosenRole(
  profile: ProfileOf<'connect'>,
  accessToken: string,
  ports: IdentityCenterPorts,
): Promise<{ accountId: string; roleName: string }> {
  if (profile.ssoAccountId && profile.ssoRoleName) {
    return { accountId: profile.ssoAccountId, roleName: profile.ssoRoleName }
  }
  const choices = (await listRoleChoices(profile.ssoRegion, accessToken, ports)).filter(
    (c) =>
      (!profile.ssoAccountId || c.accountId === profile.ssoAccountId) &&
      (!profile.ssoRoleName || c.roleName === profile.ssoRoleName),
  )
  const only = choices.length === 1 ? choices[0] : undefined
  if (only) return only
  throw new SignInNeeded(
    choices.length === 0
      ? msg('credentials.connect.noRole')
      : msg('credentials.connect.manyRoles', { count: choices.length }),
  )
}

/** GetRoleCredentials: short-lived credentials of the role; a refused access token means signing in again. */
export async function roleCredentials(
  region: string,
  accessToken: string,
  role: { accountId: string; roleName: string },
  ports: IdentityCenterPorts,
): Promise<RoleCredentials> {
  const client = ssoPortalClient(region, ports)
  try {
    const answer = await client.send(new GetRoleCredentialsCommand({ accessToken, ...role }), {
      abortSignal: ports.signal,
    })
    const c = answer.roleCredentials
    if (!c?.accessKeyId || !c.secretAccessKey || !c.sessionToken || !c.expiration) {
      throw new SignInNeeded(msg('credentials.connect.noRoleCredentials'))
    }
    return {
      accessKeyId: c.accessKeyId,
      secretAccessKey: c.secretAccessKey,
      sessionToken: c.sessionToken,
      expiration: new Date(c.expiration),
    }
  } finally {
    client.destroy()
  }
}

/** The portal refused the access token itself (expired, signed out): renew it, or sign in again. */
export const tokenRefused = (error: unknown) => awsAnswered(error) && error.name === 'UnauthorizedException'
