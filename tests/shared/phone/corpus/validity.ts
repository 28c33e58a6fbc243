import { numbers, refused, type CorpusCase } from './types'

// Numbers that look like numbers and cannot be dialled, each refused for the precise reason, and
// by every path: the form used to send `+999 1234567` that the shortcut refused.
export const validity: CorpusCase[] = [
  { region: 'US', text: '+999 1234567', expect: refused('invalid_country') },
  { region: 'GB', text: '+999 1234567', expect: refused('invalid_country') },
  { region: 'DE', text: '+9991234567', expect: refused('invalid_country') },
  { region: 'ES', text: '+999 123 456 789', expect: refused('invalid_country') },
  { region: 'FR', text: 'tel:+999123456789', expect: refused('invalid_country') },
  { region: 'US', text: '+1 555', expect: refused('too_short') },
  { region: 'GB', text: '+1 234 567 8', expect: refused('too_short') },
  { region: 'US', text: '12345', expect: refused('too_short') },
  { region: 'GB', text: '+44 20', expect: refused('too_short') },
  { region: 'DE', text: '+49 30', expect: refused('too_short') },
  { region: 'FR', text: '+33 1 23', expect: refused('too_short') },
  { region: 'ES', text: '+34 912', expect: refused('too_short') },
  { region: 'US', text: '+44 20 0000 000', expect: refused('invalid_for_region') },
  { region: 'US', text: '+1 555 555 0100', expect: refused('invalid_for_region') },
  { region: 'GB', text: '0171 946 0958', expect: refused('invalid_for_region') },
  { region: 'GB', text: '07700 900123', expect: refused('invalid_for_region') },
  { region: 'US', text: '(555) 555-0100', expect: refused('invalid_for_region') },
  { region: 'FR', text: '+33 0 12 34 56 78', expect: refused('invalid_for_region') },
  { region: 'US', text: '+49 30 12345678901234', expect: refused('too_long') },
  { region: 'US', text: '+43 1114', expect: refused('not_e164') },
  { region: 'US', text: 'tel:1234;phone-context=example.com', expect: refused('local_number') },
  { region: 'US', text: 'tel:%ZZ', expect: refused('malformed_uri') },
  { region: 'US', text: 'callto:jane.doe', expect: refused('not_a_number') },
  { region: 'GB', text: '', expect: refused('empty') },
  { region: 'GB', text: '   ', expect: refused('empty') },
  { region: 'DE', text: '\u200b\ufeff', expect: refused('empty') },
  { region: 'US', text: 'hello', expect: refused('no_number') },
  { region: 'ES', text: 'Llámame mañana', expect: refused('no_number') },
  { region: 'US', text: '192.168.100.200', expect: refused('no_number') },
  { region: 'DE', text: '64.0.64.121', expect: refused('no_number') },
  { region: 'DE', text: '€ 1.234.567,89', expect: refused('no_number') },
  // Valid, for once, in the region that reads it.
  { region: 'DE', text: '0049 30 12345678', expect: numbers('+493012345678') },
]

// Sentences holding numbers, as pasted into the form's field or copied for the shortcut: the
// field takes the (first) number, as the shortcut offers it.
export const sentences: CorpusCase[] = [
  {
    region: 'US',
    text: 'Customer: Jane, call 415-555-0123 ext. 22 after 3pm',
    expect: numbers('+14155550123'),
  },
  { region: 'GB', text: 'Please call Jane on 020 7946 0958 after 3pm.', expect: numbers('+442079460958') },
  { region: 'DE', text: 'Rückruf bitte unter 030 1234567, danke!', expect: numbers('+49301234567') },
  { region: 'ES', text: 'Llámame al 612 34 56 78 mañana', expect: numbers('+34612345678') },
  { region: 'FR', text: 'Rappelez-moi au 06 12 34 56 78 svp', expect: numbers('+33612345678') },
  { region: 'US', text: 'Her number is +49 30 12345678 (Berlin office)', expect: numbers('+493012345678') },
  {
    region: 'GB',
    text: 'Office 020 7946 0958, mobile 07911 123456',
    expect: numbers('+442079460958', '+447911123456'),
  },
  {
    region: 'US',
    text: 'Order 4155550132 - call back on (202) 555-0143',
    expect: numbers('+12025550143'),
  },
  {
    region: 'DE',
    text: 'Rechnung 030 123456, Rückruf unter 030 7654321',
    expect: numbers('+49307654321'),
  },
  { region: 'ES', text: 'Factura 912345678; teléfono 612 345 678', expect: numbers('+34612345678') },
  { region: 'FR', text: 'Commande 0123456789, tél. 06 12 34 56 78', expect: numbers('+33612345678') },
  {
    region: 'US',
    text: 'Call tel:+44-20-7946-0958 or +1 415 555 0132',
    expect: numbers('+442079460958', '+14155550132'),
  },
  { region: 'FR', text: '<a href="tel:+33123456789">Appeler</a>', expect: numbers('+33123456789') },
  {
    region: 'GB',
    text: 'Kind regards,\nJane Doe\nT: +44 (0)20 7946 0958 | M: +44 7911 123456',
    expect: numbers('+442079460958', '+447911123456'),
  },
  {
    region: 'DE',
    text: 'Mit freundlichen Grüßen\nTel.: +49 30 12345678\nFax: +49 30 12345679',
    expect: numbers('+493012345678', '+493012345679'),
  },
  {
    region: 'ES',
    text: 'Un saludo,\nTeléfono: +34 912 345 678\nMóvil: +34 612 345 678',
    expect: numbers('+34912345678', '+34612345678'),
  },
  {
    region: 'FR',
    text: 'Cordialement,\nTél. : 01 23 45 67 89\nPortable : 06 12 34 56 78',
    expect: numbers('+33123456789', '+33612345678'),
  },
  { region: 'US', text: 'Call 020 7946 0958 24/7 or (415) 555-0132', expect: numbers('+14155550132') },
  { region: 'GB', text: 'Call 020 7946 0958 24/7', expect: numbers('+442079460958') },
  { region: 'US', text: 'Meeting on 2026-11-23 at 10:30, dial in 1-800-555-0199', expect: numbers('+18005550199') },
  { region: 'DE', text: 'hotel:+493012345678', expect: numbers('+493012345678') },
]

// Lists of numbers. libphonenumber reads a comma or semicolon after a number as the pause before
// an extension, and a number right after another digit group as a tail: the second number was lost
// or another one offered ("030 123456, 030 654321" gave +49 654321).
export const lists: CorpusCase[] = [
  { region: 'US', text: '415-555-0132, 202-555-0143', expect: numbers('+14155550132', '+12025550143') },
  { region: 'US', text: '4155550132, 2025550143', expect: numbers('+14155550132', '+12025550143') },
  { region: 'US', text: '415-555-0132;202-555-0143', expect: numbers('+14155550132', '+12025550143') },
  { region: 'GB', text: '020 7946 0958, 020 7946 0959', expect: numbers('+442079460958', '+442079460959') },
  { region: 'GB', text: '020 7946 0958; 07911 123456', expect: numbers('+442079460958', '+447911123456') },
  { region: 'DE', text: '030 123456, 030 654321', expect: numbers('+4930123456', '+4930654321') },
  { region: 'DE', text: '030 123456;030 654321', expect: numbers('+4930123456', '+4930654321') },
  { region: 'DE', text: '030 123456\t030 654321', expect: numbers('+4930123456', '+4930654321') },
  { region: 'FR', text: '06 12 34 56 78, 01 23 45 67 89', expect: numbers('+33612345678', '+33123456789') },
  { region: 'FR', text: '06 12 34 56 78 , 01 23 45 67 89', expect: numbers('+33612345678', '+33123456789') },
  { region: 'ES', text: '612 345 678, 912 345 678', expect: numbers('+34612345678', '+34912345678') },
  { region: 'ES', text: '612 345 678;912 345 678', expect: numbers('+34612345678', '+34912345678') },
  // An extension dialled after a pause is still one number.
  { region: 'US', text: '415-555-0132,22', expect: numbers('+14155550132') },
  { region: 'US', text: '(415) 555-0132, 22 Main Street', expect: numbers('+14155550132') },
  // Two numbers run together with a space: which digits belong where is unclear.
  { region: 'DE', text: '030 123456 030 654321', expect: refused('runs_into_digits') },
]
