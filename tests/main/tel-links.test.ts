import { describe, expect, it, vi } from 'vitest'
import { claimLinkSchemes } from '../../electron/main/desktop/tel-links'

// What `reg query` prints for the key resources/installer.nsh writes.
const INSTALLED = `
HKEY_CURRENT_USER\\Software\\Callboard\\Capabilities\\URLAssociations
    tel    REG_SZ    Callboard.tel
    callto    REG_SZ    Callboard.callto
`

describe('tel:/callto: claims say what the OS will really do', () => {
  it('Windows: the installer’s capabilities decide, whatever setAsDefaultProtocolClient would say', async () => {
    const app = { setAsDefaultProtocolClient: vi.fn(() => true) }
    const perUser = vi.fn(async (key: string) => (key.startsWith('HKCU') ? INSTALLED : null))
    expect(await claimLinkSchemes(app, 'win32', perUser)).toEqual({ tel: true, callto: true })
    expect(perUser).toHaveBeenCalledWith('HKLM\\Software\\Callboard\\Capabilities\\URLAssociations')
    const perMachine = async (key: string) =>
      key.startsWith('HKLM') ? INSTALLED.replace('HKEY_CURRENT_USER', 'HKEY_LOCAL_MACHINE') : null
    expect(await claimLinkSchemes(app, 'win32', perMachine)).toEqual({ tel: true, callto: true })
    // A portable copy or a removed registration: not handled, although the call would "succeed".
    expect(await claimLinkSchemes(app, 'win32', async () => null)).toEqual({ tel: false, callto: false })
    const onlyTel = async () => INSTALLED.replace(/^.*callto.*$/m, '')
    expect(await claimLinkSchemes(app, 'win32', onlyTel)).toEqual({ tel: true, callto: false })
    // Another application's class under our key name is not ours.
    const other = async () => INSTALLED.replace('Callboard.tel', 'Dialer.tel')
    expect(await claimLinkSchemes(app, 'win32', other)).toEqual({ tel: false, callto: true })
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled()
  })

  it('macOS and Linux: the OS’s answer to setAsDefaultProtocolClient, a throw as a refusal', async () => {
    const app = { setAsDefaultProtocolClient: vi.fn((scheme: string) => scheme === 'tel') }
    expect(await claimLinkSchemes(app, 'darwin')).toEqual({ tel: true, callto: false })
    const throwing = {
      setAsDefaultProtocolClient: vi.fn(() => {
        throw new Error('no desktop database')
      }),
    }
    expect(await claimLinkSchemes(throwing, 'linux')).toEqual({ tel: false, callto: false })
  })
})
