// The strings of Settings' "Proxy sign-in" (issue #15): `en` is the source, `es` must have every key.
const en = {
  title: 'Proxy sign-in',
  intro:
    "If your network's proxy asks for a user name and password, enter the ones IT gave you. They are kept in this computer's keychain and sent only to that proxy.",
  proxy: 'Proxy (host:port)',
  proxyHelp: 'Filled in with the proxy Callboard last went through, when there was one.',
  username: 'User name',
  password: 'Password',
  save: 'Save proxy sign-in',
  saved: 'Saved. Tasks waiting for the proxy are being tried again now.',
  stored: '{proxy}: signed in as {user}',
  remove: 'Remove',
  removeNamed: 'Remove the sign-in for {proxy}',
  none: 'No proxy sign-in is stored.',
  failed: 'Not saved: {message}',
  queueLink: 'Enter the proxy sign-in in Settings',
}

const es: typeof en = {
  title: 'Inicio de sesión en el proxy',
  intro:
    'Si el proxy de su red pide un usuario y una contraseña, escriba los que le dio TI. Se guardan en el llavero de este equipo y solo se envían a ese proxy.',
  proxy: 'Proxy (host:puerto)',
  proxyHelp: 'Rellenado con el proxy por el que Callboard pasó por última vez, si lo hubo.',
  username: 'Usuario',
  password: 'Contraseña',
  save: 'Guardar el inicio de sesión del proxy',
  saved: 'Guardado. Las tareas que esperaban al proxy se vuelven a intentar ahora.',
  stored: '{proxy}: sesión iniciada como {user}',
  remove: 'Quitar',
  removeNamed: 'Quitar el inicio de sesión de {proxy}',
  none: 'No hay ningún inicio de sesión de proxy guardado.',
  failed: 'No se guardó: {message}',
  queueLink: 'Escriba el inicio de sesión del proxy en Ajustes',
}

export default { en, es }
