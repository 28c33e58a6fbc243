/**
 * Channel names only, no schemas: the sandboxed preload bundles this file, and it must stay free
 * of zod and everything else. `contract.ts` checks at compile time that both lists match it.
 */
export const invokeChannels = [
  'app:info',
  'settings:get',
  'settings:update',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:test',
  'choices:list',
  'credentials:status',
  'credentials:set',
  'credentials:clear',
  'signin:start',
  'signin:cancel',
  'signin:signOut',
  'signin:status',
  'keychain:health',
  'tasks:submit',
  'queue:list',
  'queue:retry',
  'queue:cancel',
  'queue:resolve',
  'queue:dismiss',
  'history:list',
  'sandbox:state',
  'sandbox:simulate',
  'dial:pending',
  'dial:confirm',
  'dial:cancel',
  'desktop:clipboardNumber',
  'desktop:status',
  'updates:status',
  'updates:check',
  'updates:restart',
  'diagnostics:export',
  'policy:state',
  'proxy:state',
  'proxy:setSignIn',
  'proxy:clearSignIn',
] as const

export const eventChannels = [
  'settings:changed',
  'profiles:changed',
  'queue:changed',
  'queue:stopped',
  'dial:requested',
  'desktop:changed',
  'desktop:quickEntry',
  'desktop:openTask',
  'updates:changed',
  'signin:changed',
] as const

export type InvokeChannel = (typeof invokeChannels)[number]
export type EventChannel = (typeof eventChannels)[number]

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && (invokeChannels as readonly string[]).includes(name)
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && (eventChannels as readonly string[]).includes(name)
}
