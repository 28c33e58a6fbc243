import { useI18n } from 'vue-i18n'
import type { Message } from '@shared/i18n/message'
import { uiLanguage } from './index'
import { localizeSchemaMessage } from './schema-messages'

type Translate = ReturnType<typeof useI18n>['t']

/** A message from main in the window's language: its inner messages first, then its own text. */
export function messageText(t: Translate, message: Message): string {
  // A shared schema's English words (a refused field) have their Spanish in the schema catalogue.
  if (message.key === 'failure.schemaWords' && typeof message.params?.text === 'string') {
    return localizeSchemaMessage(message.params.text, uiLanguage())
  }
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = typeof value === 'object' ? messageText(t, value) : value
  }
  return t(message.key, params)
}

/** `messageText` bound to the component's i18n. */
export function useMessageText(): (message: Message) => string {
  const { t } = useI18n()
  return (message) => messageText(t, message)
}
