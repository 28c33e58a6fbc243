import { describe, expect, it } from 'vitest'
import { findLookAlikes } from '@shared/phone/look-alikes'
import { labelBefore } from '@shared/phone/reference-labels'

describe('labelBefore', () => {
  const at = (text: string) => labelBefore(text, text.search(/\d/))

  it('names a reference by the label right before the value, in four languages', () => {
    for (const text of [
      'Order 1',
      'Invoice no. 1',
      'Número de pedido: 1',
      'Kd.-Nr. 1',
      'N° de commande : 1',
      'IBAN 1',
    ]) {
      expect(at(text), text).toBe('reference')
    }
  })

  it('lets a phone word anywhere in the phrase win, and says nothing of other words', () => {
    for (const text of ['Customer phone: 1', 'Teléfono del cliente: 1', 'Kunden-Tel.: 1', 'Tél. client : 1']) {
      expect(at(text), text).toBe('phone')
    }
    for (const text of ['Customer Jane Doe 1', 'Customer service 1', 'call 1', '1'])
      expect(at(text), text).toBeUndefined()
  })

  it('reads only the phrase the value ends: another line, clause or number ends it', () => {
    expect(at('Order\nCall 1')).toBeUndefined()
    expect(at('Order shipped, call 1')).toBeUndefined()
  })
})

describe('findLookAlikes', () => {
  it('gives each date, card number, coordinate pair and IBAN once, with its offsets', () => {
    const text = 'On 23.11.2026 card 4111 1111 1111 1111 at 40.4168, -3.7038 from DE89 3704 0044 0532 0130 00'
    expect(findLookAlikes(text).map((l) => [text.slice(l.start, l.end), l.reason])).toEqual([
      ['23.11.2026', 'date'],
      ['4111 1111 1111 1111', 'card_number'],
      ['40.4168, -3.7038', 'coordinates'],
      ['DE89 3704 0044 0532 0130 00', 'reference'],
    ])
  })

  it('leaves digit groups that belong to a number alone', () => {
    for (const text of ['030 20261123', '06.12.20.19.88', '+49 4111 1111 1111', '030.1234567, 040.7654321']) {
      expect(findLookAlikes(text), text).toEqual([])
    }
  })
})
