// The provider names the contract uses come from the provider registry (shared/providers/registry.ts),
// so the list is written once; the common field schemas from fields.ts. Re-exported here because
// every schema names them.
export { ProviderName } from '../providers/registry'
export { Label, OptionalText, ProfileId, RequiredText, ServiceUrl } from './fields'
