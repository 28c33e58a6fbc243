// The in-memory SecretStore lives in main (the sandbox uses it); tests import it from here.
export { memorySecretStore } from '../../electron/main/secrets/memory-secret-store'
