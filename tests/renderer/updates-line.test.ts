// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import type { UpdateStatus } from '../../shared/schemas/updates'
import UpdatesLine from '../../renderer/src/features/about/UpdatesLine.vue'
import { mountInApp } from './mount'

// The About panel's update line: each phase in plain words in both languages, "Restart to update"
// only when an update is ready, and what main answers shown at once.

function mountWith(status: UpdateStatus, language: 'en' | 'es' = 'en', after?: UpdateStatus) {
  return mountInApp(UpdatesLine, {
    language,
    answer: (channel) =>
      channel === 'updates:status'
        ? { ok: true, value: status }
        : channel === 'updates:restart' || channel === 'updates:check'
          ? { ok: true, value: after ?? status }
          : undefined,
  })
}

describe('the update line', () => {
  it('says why updates are off, in the agent language, and offers no button', async () => {
    const { wrapper, settle } = mountWith({ phase: 'off', reason: 'development' }, 'es')
    await settle()
    expect(wrapper.text()).toBe('Las actualizaciones están desactivadas en una versión de desarrollo.')
    expect(wrapper.findAll('button')).toHaveLength(0)
  })

  it('a ready update: "Restart to update" asks main, and the wait for sends is said', async () => {
    const { wrapper, calls, settle } = mountWith({ phase: 'ready', version: '0.2.0' }, 'en', {
      phase: 'waiting_for_sends',
      version: '0.2.0',
      sending: 2,
    })
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Version 0.2.0 is ready. It installs when you restart Callboard.',
    )
    await wrapper.get('button').trigger('click')
    await settle()
    expect(calls.map((c) => c.channel)).toEqual(['updates:status', 'updates:restart'])
    expect(wrapper.get('[role="status"]').text()).toBe(
      'Restarting once the 2 tasks being sent have their answers. New tasks wait in the queue.',
    )
    expect(wrapper.findAll('button')).toHaveLength(0)
  })

  it('a failed download: what failed, the library detail, and a way to check again', async () => {
    const { wrapper, calls, settle } = mountWith(
      {
        phase: 'failed',
        step: 'download',
        version: '0.2.0',
        detail: 'sha512 checksum mismatch',
        at: '2026-12-07T08:00:00.000Z',
      },
      'en',
      { phase: 'up_to_date', checkedAt: '2026-12-07T08:05:00.000Z' },
    )
    await settle()
    expect(wrapper.get('[role="status"]').text()).toBe('Could not download version 0.2.0: sha512 checksum mismatch')
    expect(wrapper.get('button').text()).toBe('Check for updates')
    await wrapper.get('button').trigger('click')
    await settle()
    expect(calls.at(-1)?.channel).toBe('updates:check')
    expect(wrapper.get('[role="status"]').text()).toMatch(/^Callboard is up to date \(checked .+\)\.$/)
  })

  it('download progress in Spanish', async () => {
    const { wrapper, settle } = mountWith({ phase: 'downloading', version: '0.2.0', percent: 42 }, 'es')
    await settle()
    expect(wrapper.text()).toBe('Descargando la versión 0.2.0 en segundo plano: 42 %.')
  })
})
