import { describe, expect, it } from 'vitest'
import { englishSentences } from './helpers/english-finder'

// The detector the Spanish walk relies on (spanish-everywhere.test.ts): it must find English, or
// that walk would pass whatever the window said.

describe('the English finder', () => {
  it('finds an English sentence, and names the word that gave it away', () => {
    expect(englishSentences('Webex refused the task as invalid.')).toEqual([
      { line: 'Webex refused the task as invalid.', word: 'the' },
    ])
    expect(englishSentences('Cola\nNot sent yet: it will be tried again\nHistorial')).toEqual([
      { line: 'Not sent yet: it will be tried again', word: 'not' },
    ])
    expect(englishSentences('Nothing waiting')).toHaveLength(1)
    expect(englishSentences('Your keychain is locked')).toHaveLength(1)
  })

  it('lets Spanish, product names, ids, numbers and addresses through', () => {
    const spanish = [
      'Webex rechazó la tarea por no ser válida.',
      'No se pudo contactar con Amazon Connect o no respondió (ECONNREFUSED).',
      'Sandbox · Webex Contact Center',
      'Sandbox · Alibaba Cloud AI calls',
      'Id del proveedor: 6f1c2a8e-4b7d-4c1e-9a3f-2d5b8e7c1a90',
      '+34 612 345 678 · 2 min',
      'https://api.example.com/the/path',
      'ana@example.com',
      'Es de 15 minutos; a las 10:30, en Europe/Madrid',
    ]
    expect(englishSentences(spanish.join('\n'))).toEqual([])
  })
})
