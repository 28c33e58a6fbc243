import type { SignInProblem } from '@shared/schemas/sign-in'

type Translate = (key: string, named?: Record<string, unknown>) => string

/** An ended sign-in's problem in plain words and what to do (by its code); main's words otherwise. */
export const explainSignInProblem = (t: Translate, te: (key: string) => boolean, problem: SignInProblem): string =>
  te(`signIn.problems.${problem.code}`)
    ? t(`signIn.problems.${problem.code}`)
    : t('signIn.problems.other', { message: problem.message })
