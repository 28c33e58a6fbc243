import broadcast from './broadcast/messages'
import callback from './callback/messages'
import followUp from './follow-up/messages'
import outdial from './outdial/messages'

// The quick-task screens' strings, one module per form so each can grow on its own; merged under
// `tasks.*` in both languages (the Spanish side must have every English key: `satisfies` below).

const common = {
  en: {
    title: 'New task',
    tabs: { outdial: 'Outdial', callback: 'Callback', followUp: 'Follow-up', broadcast: 'Broadcast' },
    profile: 'Profile',
    profilePlaceholder: 'Choose a profile',
    noProfiles:
      'No profile can take this task yet. Add one under Profiles, or try it first with a Sandbox profile (they are listed there, ready to use).',
    submit: 'Queue it',
    submitting: 'Queueing…',
    queued: 'Queued. It goes out as soon as the provider can take it.',
    failed: 'Not queued: {message}',
    notQueuedTwin: 'Not queued: the same task was queued a moment ago.',
    lastTask: 'Last task from this form',
    toastQueued: 'Queued {kind}: {subject}',
    kindNames: { outdial: 'outdial', callback: 'callback', followUp: 'follow-up', broadcast: 'broadcast' },
    scheduled: {
      there: 'Scheduled for {when}',
      here: 'on this computer: {when}',
      hereSame: 'the same zone as this computer',
    },
    phone: {
      invalid: {
        empty: 'Enter a phone number.',
        too_short: 'This number is too short to be a phone number.',
        too_long: 'This number is too long to be a phone number.',
        invalid_country: 'The country code is not one that exists.',
        not_a_number: 'This is not a phone number.',
        invalid_for_region: 'No such number exists in {region}.',
        invalid_length: 'This number has the wrong number of digits for {region}.',
        not_e164: 'Webex cannot dial this number: international numbers have 7 to 15 digits.',
        no_number: 'This text holds no phone number.',
        local_number: 'This number has no area code: it works only inside a private dial plan.',
        malformed_uri: 'This tel: link is malformed.',
        cut_off: 'This text is too long: the number may have been cut off.',
        bidi_control:
          'Right-to-left or isolate controls surround this number, so the digits shown may not be the digits read. Type the number instead.',
        reference: 'This follows a reference label (order, invoice, account…), so it is not taken as a phone number.',
        runs_into_digits: 'This runs on from other digits, so where the number starts is unclear.',
        date: 'This is a date, not a phone number.',
        card_number: 'This looks like a payment card number, not a phone number.',
        coordinates: 'These are map coordinates, not a phone number.',
      },
      international: 'International: {number}',
      national: 'National: {number}',
      extension: 'Extension {ext}: key it in once the call connects.',
      regionHelp: 'Numbers without a country code are read as {region} numbers (Settings).',
      taken: 'Number taken from the pasted text.',
      takenOne: 'The text holds {count} numbers; the one above is used.',
      useOther: 'Use {number}',
    },
    keyValue: {
      key: 'Name',
      value: 'Value',
      add: 'Add',
      rowLabel: '{legend} {n}',
      count: '{n} of {max}',
      bytes: '{n} / {max} bytes',
      duplicate: 'This name is used twice.',
      empty: 'None.',
    },
  },
  es: {
    title: 'Nueva tarea',
    tabs: {
      outdial: 'Llamada saliente',
      callback: 'Devolución de llamada',
      followUp: 'Seguimiento',
      broadcast: 'Difusión',
    },
    profile: 'Perfil',
    profilePlaceholder: 'Elija un perfil',
    noProfiles:
      'Todavía ningún perfil puede recibir esta tarea. Añada uno en Perfiles, o pruébelo antes con un perfil Sandbox (aparecen allí, listos para usar).',
    submit: 'Poner en cola',
    submitting: 'Poniendo en cola…',
    queued: 'En cola. Sale en cuanto el proveedor pueda recibirla.',
    failed: 'No se puso en cola: {message}',
    notQueuedTwin: 'No se puso en cola: la misma tarea se puso en cola hace un momento.',
    lastTask: 'Última tarea de este formulario',
    toastQueued: 'En cola ({kind}): {subject}',
    kindNames: {
      outdial: 'llamada saliente',
      callback: 'devolución de llamada',
      followUp: 'tarea de seguimiento',
      broadcast: 'difusión',
    },
    scheduled: {
      there: 'Programada para {when}',
      here: 'en este ordenador: {when}',
      hereSame: 'la misma zona que este ordenador',
    },
    phone: {
      invalid: {
        empty: 'Introduzca un número de teléfono.',
        too_short: 'Este número es demasiado corto para ser un teléfono.',
        too_long: 'Este número es demasiado largo para ser un teléfono.',
        invalid_country: 'Ese prefijo de país no existe.',
        not_a_number: 'Esto no es un número de teléfono.',
        invalid_for_region: 'Ese número no existe en {region}.',
        invalid_length: 'Este número no tiene la cantidad de dígitos de {region}.',
        not_e164: 'Webex no puede marcar este número: los internacionales tienen de 7 a 15 dígitos.',
        no_number: 'Este texto no contiene ningún número de teléfono.',
        local_number: 'Este número no tiene prefijo de zona: solo funciona dentro de un plan de marcación privado.',
        malformed_uri: 'Este enlace tel: está mal formado.',
        cut_off: 'Este texto es demasiado largo: puede que el número esté cortado.',
        bidi_control:
          'El número está entre controles de derecha a izquierda o de aislamiento: los dígitos que se ven pueden no ser los que se leen. Escriba el número.',
        reference:
          'Va detrás de una etiqueta de referencia (pedido, factura, cuenta…), así que no se toma como número de teléfono.',
        runs_into_digits: 'Va pegado a otros dígitos, así que no está claro dónde empieza el número.',
        date: 'Esto es una fecha, no un número de teléfono.',
        card_number: 'Esto parece un número de tarjeta de pago, no un número de teléfono.',
        coordinates: 'Esto son coordenadas de un mapa, no un número de teléfono.',
      },
      international: 'Internacional: {number}',
      national: 'Nacional: {number}',
      extension: 'Extensión {ext}: márquela cuando la llamada conecte.',
      regionHelp: 'Los números sin prefijo de país se leen como números de {region} (Ajustes).',
      taken: 'Número tomado del texto pegado.',
      takenOne: 'El texto contiene {count} números; se usa el de arriba.',
      useOther: 'Usar {number}',
    },
    keyValue: {
      key: 'Nombre',
      value: 'Valor',
      add: 'Añadir',
      rowLabel: '{legend} {n}',
      count: '{n} de {max}',
      bytes: '{n} / {max} bytes',
      duplicate: 'Este nombre está repetido.',
      empty: 'Ninguno.',
    },
  },
}

export const tasksEn = {
  ...common.en,
  outdial: outdial.en,
  callback: callback.en,
  followUp: followUp.en,
  broadcast: broadcast.en,
}

export const tasksEs = {
  ...common.es,
  outdial: outdial.es,
  callback: callback.es,
  followUp: followUp.es,
  broadcast: broadcast.es,
} satisfies typeof tasksEn
