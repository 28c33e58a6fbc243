import aiccs from './aiccs/messages'
import voice from './voice/messages'

// The broadcast tab's strings: `en` is the source, `es` must have every key.
const en = {
  comingSoon: 'This form is on its way.',
  kind: 'Kind of broadcast',
  kinds: { voice: 'Voice message to a list', aiccs: 'Alibaba Cloud AI agent calls' },
  voice: voice.en,
  aiccs: aiccs.en,
}
const es: typeof en = {
  comingSoon: 'Este formulario llegará pronto.',
  kind: 'Tipo de difusión',
  kinds: { voice: 'Mensaje de voz a una lista', aiccs: 'Llamadas del agente de IA de Alibaba Cloud' },
  voice: voice.es,
  aiccs: aiccs.es,
}
export default { en, es }
