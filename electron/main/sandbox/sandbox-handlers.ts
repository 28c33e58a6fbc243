import type { InvokeHandlers } from '@shared/ipc/contract'
import type { Message } from '@shared/i18n/message'
import { msg } from '@shared/i18n/message'
import { AppError } from '../core/app-error'
import type { SandboxState } from '@shared/schemas/sandbox'
import type { Sandbox } from './sandbox'

export interface SandboxHandlerDeps {
  /** The sandbox while it is on, else null. */
  sandbox: () => Sandbox | null
  /** Why it is not on (turned off, or it could not load). */
  sandboxProblem: () => Message | null
  /** A scenario changed: lanes that found the provider offline or down look again. */
  poke: (reason: string) => void
}

/** What the app shows while the sandbox is off or could not load. */
export function sandboxUnavailable(problem: Message): SandboxState {
  return { running: false, problem, providers: [] }
}

/** The built-in sandbox, as the contract offers it (its code is loaded only while it is on). */
export function sandboxHandlers(deps: SandboxHandlerDeps): InvokeHandlers<'sandbox:state' | 'sandbox:simulate'> {
  const why = () => deps.sandboxProblem() ?? msg('sandboxOff.turnedOff')
  return {
    'sandbox:state': () => deps.sandbox()?.state() ?? sandboxUnavailable(why()),
    'sandbox:simulate': async ({ provider, scenario }) => {
      const sandbox = deps.sandbox()
      if (!sandbox) throw new AppError('not_found', why())
      const state = await sandbox.simulate(provider, scenario)
      // Like the network coming back: lanes that found the provider offline or down look again.
      deps.poke('sandbox scenario changed')
      return state
    },
  }
}
