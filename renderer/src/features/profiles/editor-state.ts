import type { ProviderName } from '@shared/schemas/providers'

/** The one open profile editor, if any. */
export interface EditorState {
  provider: ProviderName
  /** The profile being edited; null until a new profile is first saved. */
  profileId: string | null
  /** Where the editor sits: in place of this profile's card, or (null) below the provider's list. */
  anchor: string | null
  /** Changes whenever a fresh editor is opened, so its form starts over. */
  key: number
}
