import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

// Per-user configuration goes to a folder of each test file's own: a test that turns on "start at
// sign-in" (or off, which removes the entry) must never touch the autostart folder of whoever runs
// the tests.
process.env['XDG_CONFIG_HOME'] = mkdtempSync(join(tmpdir(), 'callboard-xdg-'))
