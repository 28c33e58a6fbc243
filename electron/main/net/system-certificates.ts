import * as tls from 'node:tls'

/**
 * Trust the operating system's certificate store in addition to the roots bundled with Node, for
 * every TLS connection of this process from now on (node:https, fetch, the AWS and Alibaba SDKs:
 * none of them passes its own `ca`). An inspecting proxy's certificate then works wherever IT has
 * installed it on the machine. Node 24 reads the store from the OS (Windows and macOS keychains;
 * on Linux OpenSSL's default file and folder, which `SSL_CERT_FILE` / `SSL_CERT_DIR` move). Once,
 * at start. Returns how many certificates are trusted (for the log).
 */
export function trustSystemCertificates(): { bundled: number; system: number } {
  const bundled = tls.getCACertificates('bundled')
  const system = tls.getCACertificates('system')
  // `default` holds the bundled roots plus NODE_EXTRA_CA_CERTS (and the system's with --use-system-ca).
  tls.setDefaultCACertificates([...new Set([...tls.getCACertificates('default'), ...system])])
  return { bundled: bundled.length, system: system.length }
}
