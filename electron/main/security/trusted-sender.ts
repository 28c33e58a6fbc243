/**
 * The parts of Electron's WebFrameMain we look at. Reading them from a frame that was disposed
 * throws, which is treated as "not trusted".
 */
export interface FrameLike {
  readonly url: string
  readonly parent: FrameLike | null
  isDestroyed?(): boolean
  readonly detached?: boolean
}

export interface SenderEventLike {
  readonly senderFrame?: FrameLike | null
}

/** `app://callboard` or, in development, the exact dev-server origin such as `http://localhost:5173`. */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.username || parsed.password) return null
  return `${parsed.protocol}//${parsed.host}`
}

export type SenderVerdict = { trusted: true } | { trusted: false; reason: string }

/** Only our own top-level frame, loaded from our own origin, may call main. */
export function checkSender(event: SenderEventLike, appOrigin: string): SenderVerdict {
  try {
    const frame = event.senderFrame
    if (!frame) return { trusted: false, reason: 'no sender frame (destroyed or navigated away)' }
    if (frame.isDestroyed?.()) return { trusted: false, reason: 'sender frame is destroyed' }
    if (frame.detached) return { trusted: false, reason: 'sender frame is detached' }
    if (frame.parent !== null) return { trusted: false, reason: 'sender is a subframe' }
    const origin = originOf(frame.url)
    if (origin === null || origin !== appOrigin) {
      return { trusted: false, reason: `sender origin ${origin ?? 'unparseable'} is not ${appOrigin}` }
    }
    return { trusted: true }
  } catch (error) {
    return { trusted: false, reason: `sender frame unreadable (${String(error)})` }
  }
}
