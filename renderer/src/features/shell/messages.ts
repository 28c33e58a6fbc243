// The window's frame: the header, the views, the keyboard shortcuts, the toasts. `en` is the
// source, `es` must have every key.
const en = {
  views: {
    label: 'Views',
    new: 'New task',
    queue: 'Queue',
    history: 'History',
    profiles: 'Profiles',
    settings: 'Settings',
  },
  kinds: { label: 'Task kinds' },
  queueState: {
    label: 'Queue',
    nothing: 'Nothing waiting',
    waiting: '1 waiting | 1 waiting | {n} waiting',
    attention: '1 needs you | 1 needs you | {n} need you',
    stopped: 'Queue stopped',
    paused: 'Sending paused',
  },
  shortcuts: {
    title: 'Keyboard',
    summary: 'Ctrl+1–5 views · Alt+1–4 task kinds · Ctrl+K quick entry · Esc clears',
  },
  toast: {
    region: 'Notifications',
    close: 'Close notification',
  },
  loading: 'Loading…',
  duplicate: {
    title: 'Queue the same task again?',
    message: 'You queued the same {kind} {seconds} s ago ({subject}). Queue it again?',
    confirm: 'Queue it again',
    /** The first one came from another window (main remembers tasks from every window). */
    messageElsewhere: 'You queued the same {kind} {seconds} s ago in {window} ({subject}). Queue it again?',
    windows: {
      main: 'the main window',
      quickCallback: 'the quick callback window',
      confirmDial: 'the dial confirm window',
    },
  },
}
const es: typeof en = {
  views: {
    label: 'Vistas',
    new: 'Nueva tarea',
    queue: 'Cola',
    history: 'Historial',
    profiles: 'Perfiles',
    settings: 'Ajustes',
  },
  kinds: { label: 'Tipos de tarea' },
  queueState: {
    label: 'Cola',
    nothing: 'Nada en espera',
    waiting: '1 en espera | 1 en espera | {n} en espera',
    attention: '1 le necesita | 1 le necesita | {n} le necesitan',
    stopped: 'Cola detenida',
    paused: 'Envío en pausa',
  },
  shortcuts: {
    title: 'Teclado',
    summary: 'Ctrl+1–5 vistas · Alt+1–4 tipos de tarea · Ctrl+K entrada rápida · Esc borra',
  },
  toast: {
    region: 'Avisos',
    close: 'Cerrar el aviso',
  },
  loading: 'Cargando…',
  duplicate: {
    title: '¿Poner en cola la misma tarea otra vez?',
    message: 'Puso en cola la misma {kind} hace {seconds} s ({subject}). ¿Ponerla en cola otra vez?',
    confirm: 'Ponerla otra vez',
    messageElsewhere:
      'Puso en cola la misma {kind} hace {seconds} s en {window} ({subject}). ¿Ponerla en cola otra vez?',
    windows: {
      main: 'la ventana principal',
      quickCallback: 'la ventana de devolución rápida',
      confirmDial: 'la ventana de confirmar llamada',
    },
  },
}
export default { en, es }
