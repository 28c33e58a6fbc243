// Provider profiles: one configured account of one provider. Each provider's profile schema lives in
// its folder (shared/providers/<name>/profile.ts); the union of them all, and the editor's draft,
// follow from the provider registry. Limits come from each provider's documentation (see the project
// notes on providers); where the documentation is silent, the limit is a generous sanity cap.

export { AiccsProfile } from '../providers/aiccs/profile'
export { ConnectProfile } from '../providers/connect/profile'
export { EgainAcceptLanguage, EgainProfile } from '../providers/egain/profile'
export { VoiceBroadcastProfile } from '../providers/voice-broadcast/profile'
export {
  WebexDataCenter,
  WebexEndpoint,
  WebexEntryPoint,
  WebexOutdialAni,
  WebexProfile,
  webexApiHost,
} from '../providers/webex/profile'
export { Profile, ProfileDraft, type ProfileOf } from '../providers/registry'
