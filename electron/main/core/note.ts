/** An OS notification, as main's services ask for one (the Electron edge shows it, the harness logs it). */
// A type, not an interface: it is also written to the log as its fields.
export type Note = {
  title: string
  body: string
  /** The task it is about: a click opens it. A summary of several tasks has none (it opens the queue). */
  taskId?: string
}
