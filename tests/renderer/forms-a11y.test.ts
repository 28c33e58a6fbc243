// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { Profile } from '../../shared/schemas/profiles'
import type { ProfileOf } from '../../shared/schemas/profiles'
import OutdialForm from '../../renderer/src/features/tasks/outdial/OutdialForm.vue'
import { drafts } from '../shared/fixtures'
import { mountInApp, settleValidation } from './mount'

// Element Plus selects keep the focusable <input> inside a wrapper and give the attributes they
// receive to that wrapper: ChoiceField states its id, aria-invalid and aria-describedby on the
// input itself (forms/inner-aria.ts), so the label, screen readers and focus-invalid.ts reach it.

const noLines = Profile.parse({
  ...drafts.webex,
  id: '11111111-1111-4111-8111-111111111111',
  outdialAnis: [],
  entryPoints: [],
}) as ProfileOf<'webex'>

describe('ChoiceField on its input', () => {
  it('gives the label its input, and after a refused submit focuses the empty select and names its error', async () => {
    const { wrapper: form } = mountInApp(OutdialForm, { props: { profiles: [noLines], region: 'GB' } })
    await settleValidation()
    const origin = form.get('input[name="origin"]').element as HTMLInputElement
    const field = origin.closest('.field')!
    const label = field.querySelector('label')!
    expect(label.htmlFor).toBe(origin.id)
    expect(document.querySelectorAll(`[id="${origin.id}"]`)).toHaveLength(1)
    expect(origin.getAttribute('aria-invalid')).toBe('false')

    await form.get('input[type="tel"]').setValue('020 7946 0958')
    await settleValidation()
    await form.get('form').trigger('submit')
    await settleValidation()

    expect(origin.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(origin)
    const error = field.querySelector('.field-error')!
    expect(error.textContent?.trim()).not.toBe('')
    expect(origin.getAttribute('aria-describedby')?.split(' ')).toContain(error.id)
    // No wrapper claims the state as well (focus-invalid.ts would find it first, and cannot focus it).
    expect(form.findAll('.el-select[aria-invalid], .el-select__wrapper[aria-invalid]')).toHaveLength(0)
    form.unmount()
  })
})
