import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { NSIS_INCLUDE } from '../../scripts/validate-builder-config'

const ROOT = resolve(import.meta.dirname, '../..')
const INCLUDE = readFileSync(join(ROOT, NSIS_INCLUDE), 'utf8')
const TMP = mkdtempSync(join(tmpdir(), 'callboard-nsis-'))
afterAll(() => rmSync(TMP, { recursive: true, force: true }))

const makensis = spawnSync('makensis', ['-VERSION'], { encoding: 'utf8' }).status === 0
// CI installs Debian's nsis (.ci/run); elsewhere the compile test runs when makensis is there.
const compileIt = makensis || process.env['CI'] ? it : it.skip

/**
 * Compiles `include` the way electron-builder uses it: defines it relies on, its two macros called
 * from an installer and an uninstaller section. Warnings are errors (-WX), so an unknown command,
 * a wrong argument count or an unused macro fails the test. Returns makensis's status and output.
 */
function compile(include: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(TMP, 'build-'))
  writeFileSync(join(dir, 'installer.nsh'), include)
  writeFileSync(
    join(dir, 'wrapper.nsi'),
    [
      'Unicode true',
      '!define APP_EXECUTABLE_FILENAME "Callboard.exe"',
      `!include "${join(dir, 'installer.nsh')}"`,
      `OutFile "${join(dir, 'installer-check.exe')}"`,
      'RequestExecutionLevel user',
      'Section "install"',
      '  SetShellVarContext current',
      '  !insertmacro customInstall',
      '  WriteUninstaller "$INSTDIR\\uninstall.exe"',
      'SectionEnd',
      'Section "uninstall"',
      '  !insertmacro customUnInstall',
      'SectionEnd',
    ].join('\n'),
  )
  const run = spawnSync('makensis', ['-V2', '-WX', join(dir, 'wrapper.nsi')], { encoding: 'utf8' })
  return { status: run.status, output: `${run.stdout}${run.stderr}` }
}

describe('the NSIS include that registers tel:/callto: on Windows', () => {
  compileIt('compiles with makensis, warnings as errors', () => {
    const { status, output } = compile(INCLUDE)
    expect(output).not.toMatch(/error/i)
    expect(status).toBe(0)
  })

  compileIt('a broken copy does not (the compile check can fail)', () => {
    const broken = INCLUDE.replace('"URL Protocol" ""', '"URL Protocol"')
    expect(broken).not.toBe(INCLUDE)
    expect(compile(broken).status).not.toBe(0)
  })

  it('registers both schemes as capabilities Windows lists, each opening the app with the link', () => {
    expect(INCLUDE).toContain(
      'WriteRegStr SHCTX "Software\\RegisteredApplications" "Callboard" "Software\\Callboard\\Capabilities"',
    )
    expect(INCLUDE).toMatch(/!insertmacro callboardLinkClass "tel"/)
    expect(INCLUDE).toMatch(/!insertmacro callboardLinkClass "callto"/)
    expect(INCLUDE).toContain('"Software\\Callboard\\Capabilities\\URLAssociations" "${SCHEME}" "Callboard.${SCHEME}"')
    expect(INCLUDE).toContain(`'"$INSTDIR\\\${APP_EXECUTABLE_FILENAME}" "%1"'`)
  })

  it('the uninstaller removes every key and value the installer writes', () => {
    const install = INCLUDE.slice(0, INCLUDE.indexOf('!macro customUnInstall'))
    const uninstall = INCLUDE.slice(INCLUDE.indexOf('!macro customUnInstall'))
    const written = [...install.matchAll(/WriteRegStr SHCTX "([^"]+)"/g)].map((m) => m[1]!.replace('${SCHEME}', 'tel'))
    const removedKeys = [...uninstall.matchAll(/DeleteRegKey (?:\/ifempty )?SHCTX "([^"]+)"/g)].map((m) => m[1]!)
    const removedValues = [...uninstall.matchAll(/DeleteRegValue SHCTX "([^"]+)"/g)].map((m) => m[1]!)
    expect(written.length).toBeGreaterThan(0)
    for (const key of written) {
      const removed = removedValues.includes(key) || removedKeys.some((k) => key === k || key.startsWith(`${k}\\`))
      expect(removed, key).toBe(true)
    }
  })
})
