// proxy-from-env 2 ships no types.
declare module 'proxy-from-env' {
  /** The proxy URL HTTP(S)_PROXY / ALL_PROXY name for `url` unless NO_PROXY exempts it; '' for none. */
  export function getProxyForUrl(url: string | URL): string
}
