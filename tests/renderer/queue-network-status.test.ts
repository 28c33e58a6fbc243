// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import QueueItemStatus from '../../renderer/src/features/queue/QueueItemStatus.vue'
import { QueueItem } from '../../shared/schemas/outbox'
import type { NetworkProblem } from '../../shared/schemas/send-outcome'
import { mountInApp } from './mount'

// Issue #15: a task this computer's network stopped (a proxy, an untrusted certificate) says so in
// the queue, in the window's language, with main's explanation for IT under it.

const MESSAGE =
  'Your network presents a certificate this computer does not trust (SELF_SIGNED_CERT_IN_CHAIN), so nothing was sent.'

const waiting = (network: NetworkProblem): QueueItem =>
  QueueItem.parse({
    id: '00000000-0000-4000-8000-000000000001',
    seq: 1,
    version: 2,
    profileId: '11111111-1111-4111-8111-111111111111',
    provider: 'webex',
    kind: 'outdial',
    subject: '+14085550101',
    idempotencyKey: 'key-1',
    createdAt: '2026-12-07T12:00:00.000Z',
    updatedAt: '2026-12-07T12:00:01.000Z',
    notAfter: '2026-12-07T12:15:00.000Z',
    deadlineReason: 'An outdial is useless after 15 minutes.',
    attempts: 0,
    state: 'queued',
    nextAttemptAt: null,
    lastProblem: { message: MESSAGE, providerMessage: null, httpStatus: null, network },
    providerId: null,
    dismissed: false,
    waitingBehind: null,
  })

describe('a task waiting for the network', () => {
  it.each([
    ['certificate_untrusted', 'en', /presents a certificate this computer does not trust/],
    ['proxy_auth', 'en', /its proxy did not accept Callboard's credentials/],
    ['proxy_refused', 'en', /its proxy refused the connection/],
    ['certificate_untrusted', 'es', /presenta un certificado en el que este equipo no confía/],
    ['proxy_auth', 'es', /su proxy no aceptó las credenciales/],
    ['proxy_refused', 'es', /su proxy rechazó la conexión/],
  ] as const)('%s (%s): the headline says so, with the explanation under it', (network, language, headline) => {
    const { wrapper } = mountInApp(QueueItemStatus, { props: { item: waiting(network) }, language })
    expect(wrapper.find('strong').text()).toMatch(headline)
    expect(wrapper.text()).toContain(MESSAGE)
  })
})

describe('a task waiting for a proxy sign-in', () => {
  it.each([
    ['en', 'Enter the proxy sign-in in Settings'],
    ['es', 'Escriba el inicio de sesión del proxy en Ajustes'],
  ] as const)('(%s) links to Settings, Proxy sign-in, by its accessible name', (language, name) => {
    const { wrapper } = mountInApp(QueueItemStatus, { props: { item: waiting('proxy_auth') }, language })
    const link = wrapper.get('[data-testid="proxy-sign-in-link"]')
    expect(link.element.tagName).toBe('A')
    expect(link.text()).toBe(name)
    expect(link.attributes('href')).toBe('/settings#proxy-sign-in')
  })

  it('other network problems have no such link', () => {
    for (const network of ['proxy_refused', 'certificate_untrusted'] as const) {
      const { wrapper } = mountInApp(QueueItemStatus, { props: { item: waiting(network) } })
      expect(wrapper.find('[data-testid="proxy-sign-in-link"]').exists()).toBe(false)
    }
  })
})
