// The small desktop windows' strings (dial confirm, quick callback): `en` is the source.
const en = {
  confirm: {
    title: 'Dial this number?',
    titleMany: 'Dial which number?',
    numbers: 'Numbers found',
    onProfile: 'On {profile}, showing caller ID {callerId} ({label})',
    extension: 'Extension {ext}: key it in once the call connects.',
    fromLink: 'From a phone link',
    fromClipboard: 'From the clipboard',
    fromSelection: 'From the selected text',
    dial: 'Dial',
    dialling: 'Queueing…',
    cancel: 'Cancel',
    close: 'Close',
    keys: 'Enter dials · Esc cancels · ↑ ↓ choose',
    nothing: 'Nothing is waiting to be dialled. Copy a number and press the shortcut.',
    queued: 'Queued. It goes out as soon as Webex can take it.',
    failed: 'Not dialled: {message}',
  },
  quick: {
    title: 'Quick callback',
    fromClipboard: 'Filled in from the clipboard.',
    keys: 'Enter queues it · Esc closes',
    none: 'No profile can take a callback yet. Open Callboard and add one (Sandbox profiles work at once).',
  },
}
const es: typeof en = {
  confirm: {
    title: '¿Llamar a este número?',
    titleMany: '¿A qué número llamar?',
    numbers: 'Números encontrados',
    onProfile: 'Con {profile}, mostrando el identificador {callerId} ({label})',
    extension: 'Extensión {ext}: márquela cuando la llamada conecte.',
    fromLink: 'Desde un enlace de teléfono',
    fromClipboard: 'Desde el portapapeles',
    fromSelection: 'Desde el texto seleccionado',
    dial: 'Llamar',
    dialling: 'Poniendo en cola…',
    cancel: 'Cancelar',
    close: 'Cerrar',
    keys: 'Intro llama · Esc cancela · ↑ ↓ elige',
    nothing: 'No hay nada pendiente de marcar. Copie un número y pulse el atajo.',
    queued: 'En cola. Sale en cuanto Webex pueda recibirla.',
    failed: 'No se llamó: {message}',
  },
  quick: {
    title: 'Devolución rápida',
    fromClipboard: 'Rellenado desde el portapapeles.',
    keys: 'Intro la pone en cola · Esc cierra',
    none: 'Todavía ningún perfil puede recibir devoluciones. Abra Callboard y añada uno (los perfiles Sandbox funcionan al momento).',
  },
}
export default { en, es }
