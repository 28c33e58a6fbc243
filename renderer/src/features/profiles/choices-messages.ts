// The strings of the provider lists in the profile editor (issue #16 item 5): `en` is the source,
// `es` must have every key.
const en = {
  listLabel: 'Suggestions',
  suggestions: 'no suggestions | 1 suggestion | {n} suggestions',
  noMatch: 'No listed id matches; what you typed is kept.',
  fetching: 'Fetching the list…',
  fetchedAt: 'Listed by the provider at {time}: {n}.',
  count: 'no ids | 1 id | {n} ids',
  truncated: 'The provider has more; type to narrow the list.',
  never: 'Not fetched yet.',
  refresh: 'Refresh the list',
  unsaved: 'Save this profile and store its credentials to choose from the provider’s lists; until then, type the ids.',
  typeFree: 'Type an id, or choose one the provider lists (↓ opens the list).',
  problems: {
    auth_rejected: 'The provider refused the credentials: {message}',
    not_permitted: 'The credentials may not read this list: {message}',
    offline: 'The provider could not be reached: {message}',
    not_configured: 'The profile is not ready for this list: {message}',
    provider_error: 'The list could not be fetched: {message}',
    missing_credentials: 'Store this profile’s credentials to fetch its lists.',
    keychain_unavailable: 'The keychain cannot be read right now, so the list cannot be fetched.',
  },
  keptNote: 'The list fetched before is shown.',
  failed: 'The list could not be fetched: {message}',
}

const es: typeof en = {
  listLabel: 'Sugerencias',
  suggestions: 'ninguna sugerencia | 1 sugerencia | {n} sugerencias',
  noMatch: 'Ningún id de la lista coincide; se mantiene lo que escribió.',
  fetching: 'Obteniendo la lista…',
  fetchedAt: 'Lista del proveedor a las {time}: {n}.',
  count: 'ningún id | 1 id | {n} ids',
  truncated: 'El proveedor tiene más; escriba para acotar la lista.',
  never: 'Aún no se ha obtenido.',
  refresh: 'Actualizar la lista',
  unsaved:
    'Guarde este perfil y sus credenciales para elegir de las listas del proveedor; mientras tanto, escriba los ids.',
  typeFree: 'Escriba un id o elija uno de la lista del proveedor (↓ abre la lista).',
  problems: {
    auth_rejected: 'El proveedor rechazó las credenciales: {message}',
    not_permitted: 'Las credenciales no pueden leer esta lista: {message}',
    offline: 'No se pudo contactar con el proveedor: {message}',
    not_configured: 'El perfil no está listo para esta lista: {message}',
    provider_error: 'No se pudo obtener la lista: {message}',
    missing_credentials: 'Guarde las credenciales de este perfil para obtener sus listas.',
    keychain_unavailable: 'Ahora no se puede leer el llavero, así que no se puede obtener la lista.',
  },
  keptNote: 'Se muestra la lista obtenida antes.',
  failed: 'No se pudo obtener la lista: {message}',
}

export default { en, es }
