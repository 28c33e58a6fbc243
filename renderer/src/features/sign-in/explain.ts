import type { SignInProblem } from '@shared/schemas/sign-in'
import { messageText } from '../../i18n/message-text'

type Translate = (key: string, named: Record<string, string | number>) => string

/**
 * An ended sign-in's problem in plain words and what to do (by its code); main's message otherwise
 * (a code the window does not know: the provider's code and description as parameters).
 */
export const explainSignInProblem = (t: Translate, te: (key: string) => boolean, problem: SignInProblem): string =>
  te(`signIn.problems.${problem.code}`)
    ? t(`signIn.problems.${problem.code}`, {})
    : t('signIn.problems.other', { message: messageText(t, problem.message) })
