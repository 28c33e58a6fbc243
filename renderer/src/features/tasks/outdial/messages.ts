// The outdial form's strings: `en` is the source, `es` must have every key.
const en = {
  intro: 'Webex places a call from the agent to this number.',
  destination: 'Number to call',
  origin: 'Caller ID shown (outdial ANI)',
  originPlaceholder: 'Choose the number the customer sees',
  noAnis: 'This profile lists no outdial ANI: add one to the profile first.',
  entryPoint: 'Outdial entry point',
  entryPointPlaceholder: 'Choose an entry point',
  noEntryPoints: 'This profile lists no outbound entry point: add one to the profile first.',
  attributes: 'Attributes for the flow',
  attributesHelp: 'Up to {pairs} pairs; a name takes at most {keyBytes} bytes, a value at most {valueBytes}.',
  customAttributes: 'SIP headers',
  customAttributesHelp:
    'Up to {max} headers; names are lower case; names and values together take at most {bytes} bytes.',
  sipTotal: 'SIP headers: {n} / {max} bytes',
}
const es: typeof en = {
  intro: 'Webex hace una llamada del agente a este número.',
  destination: 'Número al que llamar',
  origin: 'Identificador mostrado (ANI de salida)',
  originPlaceholder: 'Elija el número que ve el cliente',
  noAnis: 'Este perfil no tiene ANI de salida: añada uno al perfil primero.',
  entryPoint: 'Punto de entrada de salida',
  entryPointPlaceholder: 'Elija un punto de entrada',
  noEntryPoints: 'Este perfil no tiene puntos de entrada salientes: añada uno al perfil primero.',
  attributes: 'Atributos para el flujo',
  attributesHelp: 'Hasta {pairs} pares; un nombre ocupa como mucho {keyBytes} bytes y un valor {valueBytes}.',
  customAttributes: 'Cabeceras SIP',
  customAttributesHelp:
    'Hasta {max} cabeceras; los nombres van en minúsculas; nombres y valores juntos ocupan como mucho {bytes} bytes.',
  sipTotal: 'Cabeceras SIP: {n} / {max} bytes',
}
export default { en, es }
