// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import GlobalConfirm from '../../renderer/src/components/GlobalConfirm.vue'
import { askAboutRepeat } from '../../renderer/src/features/tasks/ask-repeat'
import { namedSubject } from '../../shared/providers/subject-kit'
import { mountInApp } from './mount'

// Issue #16 item 6: the "same task again?" question is worded while it shows, its task kind and
// window too, so a change of language while it waits re-words all of it (as a toast is).

describe('the same task again? question', () => {
  it('is worded in the language of the moment, kind and window included', async () => {
    const { wrapper } = mountInApp(GlobalConfirm, { language: 'en' })
    const answer = askAboutRepeat(
      { repeat: { agoMs: 4_000, kind: 'callback', window: 'quickCallback' } },
      namedSubject('Ana Pérez', '+34612345678'),
    )
    await flushPromises()
    const dialog = () => wrapper.get('dialog').text()
    expect(dialog()).toContain(
      'You queued the same callback 4 s ago in the quick callback window (Ana Pérez · +34612345678)',
    )
    const i18n = (wrapper.vm as unknown as { $i18n: { locale: string } }).$i18n
    i18n.locale = 'es'
    await flushPromises()
    expect(dialog()).toContain('Puso en cola la misma devolución de llamada hace 4 s en')
    expect(dialog()).toContain('(Ana Pérez · +34612345678)')
    expect(dialog()).not.toMatch(/callback|queued|window/)
    await wrapper.get('dialog button[type="button"]').trigger('click')
    await expect(answer).resolves.toBe(false)
  })
})
