/** The task kinds of the New task view, in order (Alt+1 … Alt+4). */
export const TASK_KINDS = ['outdial', 'callback', 'followUp', 'broadcast'] as const
export type TaskKindRoute = (typeof TASK_KINDS)[number]

/** The main window's views, in header order (Ctrl+1 … Ctrl+5). */
export const VIEWS = ['new', 'queue', 'history', 'profiles', 'settings'] as const
export type ViewName = (typeof VIEWS)[number]
