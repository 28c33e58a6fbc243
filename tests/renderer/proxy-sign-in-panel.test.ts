// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import ProxySignInPanel from '../../renderer/src/features/settings/ProxySignInPanel.vue'
import type { ProxySignInState } from '../../shared/schemas/proxy-sign-in'
import { mountInApp } from './mount'

// Settings' "Proxy sign-in" (issue #15): filled in with the proxy Callboard went through, sends
// the user name and password to main once, never shows a password back, removes a stored one.

const seen: ProxySignInState = { proxy: 'proxy.corp:8080', signIns: [] }
const stored: ProxySignInState = {
  proxy: 'proxy.corp:8080',
  signIns: [{ proxy: 'proxy.corp:8080', username: 'agent-7', passwordStored: true }],
}

function mountPanel(language: 'en' | 'es' = 'en') {
  return mountInApp(ProxySignInPanel, {
    language,
    answer: (channel) => {
      if (channel === 'proxy:state') return { ok: true, value: seen }
      if (channel === 'proxy:setSignIn') return { ok: true, value: stored }
      if (channel === 'proxy:clearSignIn') return { ok: true, value: seen }
      return undefined
    },
  })
}

describe('Proxy sign-in in Settings', () => {
  it('saves the sign-in for the proxy Callboard went through, then shows the user name only', async () => {
    const { wrapper, calls, settle } = mountPanel()
    await settle()
    expect(wrapper.get('h2').text()).toBe('Proxy sign-in')
    const address = wrapper.get<HTMLInputElement>('#proxy-address')
    expect(address.element.value).toBe('proxy.corp:8080')
    expect(wrapper.get('label[for="proxy-username"]').text()).toBe('User name')
    expect(wrapper.get('#proxy-password').attributes('type')).toBe('password')
    await wrapper.get('#proxy-username').setValue('agent-7')
    await wrapper.get('#proxy-password').setValue('Pa55-proxy')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(calls.filter((c) => c.channel === 'proxy:setSignIn').map((c) => c.input)).toEqual([
      { proxy: 'proxy.corp:8080', username: 'agent-7', password: 'Pa55-proxy' },
    ])
    expect(wrapper.get<HTMLInputElement>('#proxy-password').element.value).toBe('')
    expect(wrapper.text()).toContain('proxy.corp:8080: signed in as agent-7')
    expect(wrapper.get('[role="status"]').text()).toMatch(/tried again now/)
    expect(wrapper.text()).not.toContain('Pa55-proxy')

    await wrapper.get('button[aria-label="Remove the sign-in for proxy.corp:8080"]').trigger('click')
    await settle()
    expect(calls.at(-1)).toEqual({ channel: 'proxy:clearSignIn', input: { proxy: 'proxy.corp:8080' } })
    expect(wrapper.text()).toContain('No proxy sign-in is stored.')
  })

  it('says what is missing before anything reaches main (Spanish too)', async () => {
    const { wrapper, calls, settle } = mountPanel('es')
    await settle()
    expect(wrapper.get('h2').text()).toBe('Inicio de sesión en el proxy')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[role="alert"]').text()).toBe('Escriba el usuario que pide el proxy.')
    expect(calls.some((c) => c.channel === 'proxy:setSignIn')).toBe(false)
  })
})
