// The quick entry's strings: `en` is the source, `es` must have every key.
const en = {
  label: 'Quick entry',
  placeholder: 'Type a task: call +1 415 555 0100 · callback Ana +44 20 7946 0958 tomorrow 3pm London re: refund',
  keys: 'Enter queues it · Tab opens the full form · Esc clears · Ctrl+K from anywhere',
  understood: 'Understood',
  kinds: { outdial: 'Outdial', callback: 'Callback', followUp: 'Follow-up', broadcast: 'Broadcast' },
  fields: {
    profile: 'Profile',
    number: 'Number',
    when: 'When',
    now: 'Now',
    customer: 'Customer',
    reason: 'Reason',
    subject: 'Subject',
    text: 'Text',
    language: 'Language',
    numbers: 'Numbers',
    assignee: 'Assign to',
  },
  numbersList: 'to be pasted or loaded in the full form',
  numbersCount: '{n} number | {n} numbers',
  ready: 'Ready: Enter queues it.',
  notReady: 'Not ready yet: {problems}. Tab opens the full form.',
  problems: {
    kind: 'Start with what to do: call, callback, follow up or broadcast (or type a number to call).',
    profile: 'No profile can take this task; add one under Profiles.',
    hour: 'say the time too (for example 3pm)',
    // `@` starts a linked message in vue-i18n: written as a literal.
    contact: "eGain finds the customer by email or phone: add one, or name a Connect profile with {'@'}",
    list: 'paste or load the numbers in the full form',
    numbers: 'give the numbers to call, or "to list"',
    twoNumbers: 'two numbers in the line: keep only the one to call',
    skippedHour:
      "that time does not exist that day in the customer's time zone (the clocks go forward): choose another",
    broadcastTime: 'a broadcast goes out as soon as it is queued: take the time out of the line',
  },
  notes: {
    afternoon: 'A bare hour from 1 to 7 is read as p.m.: write am (or 03:00) for the morning.',
    earlierOfTwo: 'The clocks go back that night and this time happens twice: the first one is taken.',
    outdialNow:
      'An outdial dials as soon as it is queued; the time in the line is not used (write callback for later).',
  },
  /** Introduces a due time written into a task's text (a Connect follow-up's description): `Due 2030-01-01 09:00`. */
  dueWord: 'Due',
  queued: 'Queued from the quick entry: {subject}',
  failed: 'Not queued: {message}',
}
const es: typeof en = {
  label: 'Entrada rápida',
  placeholder:
    'Escriba una tarea: llamar +34 612 345 678 · devolución Ana +34 612 345 678 mañana a las 15:00 Madrid motivo: factura',
  keys: 'Intro la pone en cola · Tab abre el formulario completo · Esc borra · Ctrl+K desde cualquier sitio',
  understood: 'Entendido',
  kinds: {
    outdial: 'Llamada saliente',
    callback: 'Devolución de llamada',
    followUp: 'Seguimiento',
    broadcast: 'Difusión',
  },
  fields: {
    profile: 'Perfil',
    number: 'Número',
    when: 'Cuándo',
    now: 'Ahora',
    customer: 'Cliente',
    reason: 'Motivo',
    subject: 'Asunto',
    text: 'Texto',
    language: 'Idioma',
    numbers: 'Números',
    assignee: 'Asignar a',
  },
  numbersList: 'se pegan o se cargan en el formulario completo',
  numbersCount: '{n} número | {n} números',
  ready: 'Lista: Intro la pone en cola.',
  notReady: 'Todavía no: {problems}. Tab abre el formulario completo.',
  problems: {
    kind: 'Empiece por lo que quiere hacer: llamar, devolución, seguimiento o difusión (o escriba un número para llamar).',
    profile: 'Ningún perfil puede recibir esta tarea; añada uno en Perfiles.',
    hour: 'diga también la hora (por ejemplo a las 15:00)',
    contact: "eGain busca al cliente por email o teléfono: añada uno, o indique un perfil de Connect con {'@'}",
    list: 'pegue o cargue los números en el formulario completo',
    numbers: 'indique los números a los que llamar, o "a la lista"',
    twoNumbers: 'dos números en la línea: deje solo el que hay que llamar',
    skippedHour: 'esa hora no existe ese día en la zona horaria del cliente (se adelantan los relojes): elija otra',
    broadcastTime: 'una difusión sale en cuanto se pone en cola: quite la hora de la línea',
  },
  notes: {
    afternoon: 'Una hora sola del 1 al 7 se lee como de la tarde: escriba «de la mañana» (o 03:00) para la mañana.',
    earlierOfTwo: 'Esa noche se atrasan los relojes y esta hora se repite: se toma la primera.',
    outdialNow:
      'Una llamada saliente se hace en cuanto se pone en cola; la hora de la línea no se usa (escriba devolución para más tarde).',
  },
  dueWord: 'Para',
  queued: 'Puesta en cola desde la entrada rápida: {subject}',
  failed: 'No se puso en cola: {message}',
}
export default { en, es }
