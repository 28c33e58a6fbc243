// A digit run right after "Order", "Rechnung", "N° de commande" or "IBAN" is the reference that
// label names, even when libphonenumber can read it as a valid number (`Order 4155550132` is a
// valid US number, `Pedido 912345678` a Madrid one). A phone word in the same phrase wins
// ("Customer phone:", "Teléfono del cliente:", "Kunden-Tel.:"), so a customer's own number is
// still found. Labels are compared without case, accents or punctuation, in English, Spanish,
// German and French.

/** How far back a label is looked for: a label names the value right after it. */
const LOOK_BACK_CHARS = 60
/** Words of the phrase looked at, counted back from the number. */
const PHRASE_WORDS = 6
// Where a phrase ends: a line, a clause, brackets, quotes, or another number.
const PHRASE_END = /[\n\r;,|!?()[\]{}<>"“”«»\d]/g

// Nouns naming a phone, whose presence anywhere in the phrase makes it a phone label.
const PHONE_WORDS = new Set([
  // English
  'tel',
  'tele',
  'telephone',
  'phone',
  'phones',
  'ph',
  'mobile',
  'mob',
  'cell',
  'cellphone',
  'cellular',
  'landline',
  'hotline',
  'helpline',
  'whatsapp',
  'contact',
  'fax',
  // Spanish
  'telefono',
  'tfno',
  'tfn',
  'tlf',
  'tlfn',
  'telf',
  'movil',
  'celular',
  'fijo',
  'contacto',
  // German
  'telefon',
  'fon',
  'handy',
  'mobil',
  'mobilfunk',
  'festnetz',
  'durchwahl',
  'kontakt',
  'zentrale',
  // French (téléphone and tél. lose their accents)
  'portable',
  'fixe',
])

// German compounds in -nummer / -nr that are phone numbers (Rufnummer, Handynummer, Servicenummer).
const PHONE_STEMS = ['telefon', 'tel', 'ruf', 'handy', 'mobil', 'fax', 'service', 'hotline', 'kontakt', 'notruf']

// Words between a label and its value: "Order number", "número de pedido", "Kd.-Nr.", "n° de TVA"
// ("n.º" reads "n o").
const NUMBER_WORDS = new Set([
  'no',
  'o',
  'nr',
  'nro',
  'n',
  'num',
  'number',
  'numero',
  'nummer',
  'de',
  'del',
  'd',
  'du',
  'des',
  'la',
  'le',
  'el',
  'of',
  'the',
  'your',
  'our',
  'su',
  'votre',
  'ihre',
  'unsere',
])

// Labels of references, in normalized form (lower case, no accents, words split at punctuation).
const REFERENCE_LABELS = new Set([
  // English
  'order',
  'invoice',
  'inv',
  'customer',
  'cust',
  'client',
  'account',
  'acct',
  'acc',
  'a c',
  'po',
  'p o',
  'purchase order',
  'ref',
  'reference',
  'tax',
  'tax id',
  'tin',
  'ein',
  'vat',
  'ssn',
  'social security',
  'national insurance',
  'nino',
  'iban',
  'bic',
  'swift',
  'sort code',
  'routing',
  'aba',
  'bank',
  'card',
  'case',
  'ticket',
  'claim',
  'policy',
  'contract',
  'booking',
  'reservation',
  'confirmation',
  'tracking',
  'shipment',
  'parcel',
  'member',
  'membership',
  'id',
  'serial',
  'imei',
  'receipt',
  'transaction',
  'quote',
  'pin',
  'code',
  'sku',
  'voucher',
  'patient',
  'employee',
  'licence',
  'license',
  'passport',
  // Spanish
  'pedido',
  'factura',
  'cliente',
  'referencia',
  'nif',
  'cif',
  'nie',
  'dni',
  'cuenta',
  'cuenta corriente',
  'ccc',
  'expediente',
  'contrato',
  'poliza',
  'albaran',
  'recibo',
  'reserva',
  'localizador',
  'seguimiento',
  'envio',
  'incidencia',
  'socio',
  'presupuesto',
  'iva',
  'seguridad social',
  'nss',
  'codigo',
  'tarjeta',
  // German
  'bestellung',
  'bestell',
  'rechnung',
  're nr',
  'kunde',
  'kunden',
  'kd',
  'steuer',
  'steuer id',
  'st nr',
  'ust',
  'ust id',
  'ustid',
  'umsatzsteuer',
  'konto',
  'kto',
  'blz',
  'bankleitzahl',
  'auftrag',
  'vertrag',
  'vorgang',
  'aktenzeichen',
  'az',
  'referenz',
  'zeichen',
  'sendung',
  'police',
  'mitglied',
  'beleg',
  'buchung',
  'sozialversicherung',
  'sv',
  'karte',
  // French
  'commande',
  'facture',
  'siret',
  'siren',
  'tva',
  'compte',
  'rib',
  'contrat',
  'dossier',
  'devis',
  'colis',
  'suivi',
  'adherent',
  'securite sociale',
  'secu',
  'nir',
  'fiscal',
  'sinistre',
  'carte',
])

/** Lower case, accents and other marks dropped, every run of non-letters one space. */
function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
}

/** The words of the phrase that ends at `start` (the number's first character), at most the last few. */
function phraseBefore(text: string, start: number): string[] {
  const head = text.slice(Math.max(0, start - LOOK_BACK_CHARS), start)
  let from = 0
  for (const end of head.matchAll(PHRASE_END)) from = end.index + 1
  const words = normalize(head.slice(from))
  return words === '' ? [] : words.split(' ').slice(-PHRASE_WORDS)
}

const isPhoneWord = (word: string) =>
  PHONE_WORDS.has(word) || (/(nummer|nr)$/.test(word) && PHONE_STEMS.some((stem) => word.startsWith(stem)))

// Kundennummer, Rechnungsnr, Steuernummer, USt-IdNr: a German compound in -nummer/-nr that is not a
// phone compound (checked first) names a reference.
const isReferenceCompound = (word: string) => /^\p{L}{2,}(nummer|nr)$/u.test(word)

function endsWithReference(words: string[]): boolean {
  for (let n = 1; n <= 3 && n <= words.length; n++) {
    if (REFERENCE_LABELS.has(words.slice(-n).join(' '))) return true
  }
  const last = words.at(-1)
  if (last === undefined) return false
  // The same, written apart: "Bestell-Nr.", "Haus-Nr.", "Vorgangs-Nummer".
  return isReferenceCompound(last) || (words.length >= 2 && (last === 'nr' || last === 'nummer'))
}

export type Label = 'phone' | 'reference'

/**
 * What the phrase right before `start` says the value there is: a phone number (a phone word
 * anywhere in it), a reference (its last words are a reference label, possibly followed by
 * "number", "n°", "Nr." and the like), or nothing either way.
 */
export function labelBefore(text: string, start: number): Label | undefined {
  const words = phraseBefore(text, start)
  if (words.length === 0) return undefined
  if (words.some(isPhoneWord)) return 'phone'
  if (endsWithReference(words)) return 'reference'
  let end = words.length
  while (end > 0 && NUMBER_WORDS.has(words[end - 1]!)) end--
  return end < words.length && endsWithReference(words.slice(0, end)) ? 'reference' : undefined
}

export const isPhoneLabel = (text: string, start: number) => labelBefore(text, start) === 'phone'
