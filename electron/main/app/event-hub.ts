import type { EventChannel } from '@shared/ipc/channels'
import type { EventPayload } from '@shared/ipc/contract'
import { events } from '@shared/ipc/contract'
import { issueInEnglish } from '@shared/i18n/render-message'
import type { Logger } from '../core/logger'

export type EventListener = (channel: EventChannel, payload: unknown) => void

/**
 * Main → renderer events. Services emit here; the Electron edge forwards to windows and the
 * harness to its server-sent-event clients. With `checkPayloads` every payload is parsed against
 * the contract first, so drift fails loudly in development and tests.
 */
export class EventHub {
  readonly #listeners = new Set<EventListener>()

  constructor(
    private readonly logger: Logger,
    private readonly checkPayloads: boolean,
  ) {}

  emit<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    if (this.checkPayloads) {
      const parsed = events[channel].safeParse(payload)
      if (!parsed.success) {
        this.logger.error('event payload does not match the contract', {
          channel,
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: issueInEnglish(i.message) })),
        })
        throw new Error(`event ${channel}: payload does not match the contract`)
      }
    }
    for (const listener of this.#listeners) {
      try {
        listener(channel, payload)
      } catch (error) {
        this.logger.error('event listener failed', { channel, error: String(error) })
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
