// The strings of signing a profile in through its identity provider (issue #14): `en` is the
// source, `es` must have every key. The problems are keyed by the code main reports.
const en = {
  signInWith: 'Sign in with {provider}',
  signInWithNamed: 'Sign in with {provider}: {label}',
  signInAgain: 'Sign in again',
  signInAgainNamed: 'Sign in again: {subject}',
  withCode: 'Sign in with a code instead',
  withCodeNamed: 'Sign in with a code instead: {label}',
  cancel: 'Cancel sign-in',
  signOut: 'Sign out',
  signOutNamed: 'Sign out: {label}',
  signedInAs: 'Signed in as {user}',
  signedInSomeone: 'Signed in',
  renews: 'renews automatically',
  until: 'until {time}',
  signedOut: 'Not signed in.',
  waiting: 'Finish signing in in your browser. Callboard is waiting for it.',
  device: 'On any device, open {uri} and enter the code {code}. Callboard is waiting for it.',
  problems: {
    access_denied:
      'You declined the access Callboard asked for, so nothing was signed in. Sign in again and choose Accept.',
    invalid_client:
      'The identity provider does not know this client id (or its secret). Check the client id in the profile, or ask your administrator.',
    unauthorized_client: 'This integration may not use this kind of sign-in. Ask your administrator to allow it.',
    invalid_scope:
      'The integration does not have the permissions Callboard asks for. Ask your administrator to add them.',
    redirect_uri_mismatch:
      'The integration does not accept Callboard’s sign-in address. Its administrator must allow http://127.0.0.1 redirects, or sign in with a code instead.',
    invalid_grant: 'The sign-in expired or was already used. Sign in again.',
    expired_token: 'The code was not used in time, so it expired. Start the sign-in again for a new code.',
    timeout: 'The sign-in took too long, so nothing was signed in. Sign in again.',
    cancelled: 'The sign-in was cancelled.',
    renewal_refused: 'The sign-in is no longer renewed (it expired or was revoked). Sign in again.',
    unreachable: 'The identity provider could not be reached. Check the connection and sign in again.',
    state: 'The answer that came back was not for this sign-in, so it was ignored. Sign in again.',
    other: 'The sign-in did not work: {message}',
  },
}

const es: typeof en = {
  signInWith: 'Iniciar sesión con {provider}',
  signInWithNamed: 'Iniciar sesión con {provider}: {label}',
  signInAgain: 'Volver a iniciar sesión',
  signInAgainNamed: 'Volver a iniciar sesión: {subject}',
  withCode: 'Iniciar sesión con un código',
  withCodeNamed: 'Iniciar sesión con un código: {label}',
  cancel: 'Cancelar el inicio de sesión',
  signOut: 'Cerrar sesión',
  signOutNamed: 'Cerrar sesión: {label}',
  signedInAs: 'Sesión iniciada como {user}',
  signedInSomeone: 'Sesión iniciada',
  renews: 'se renueva sola',
  until: 'hasta las {time}',
  signedOut: 'No ha iniciado sesión.',
  waiting: 'Termine de iniciar sesión en el navegador. Callboard lo está esperando.',
  device: 'En cualquier dispositivo, abra {uri} y escriba el código {code}. Callboard lo está esperando.',
  problems: {
    access_denied:
      'Rechazó el acceso que pedía Callboard, así que no se inició sesión. Vuelva a iniciar sesión y elija Aceptar.',
    invalid_client:
      'El proveedor de identidad no conoce este id de cliente (o su secreto). Revise el id de cliente del perfil o pregunte a su administrador.',
    unauthorized_client:
      'Esta integración no puede usar este tipo de inicio de sesión. Pida a su administrador que lo permita.',
    invalid_scope: 'La integración no tiene los permisos que pide Callboard. Pida a su administrador que los añada.',
    redirect_uri_mismatch:
      'La integración no acepta la dirección de inicio de sesión de Callboard. Su administrador debe permitir redirecciones a http://127.0.0.1, o inicie sesión con un código.',
    invalid_grant: 'El inicio de sesión caducó o ya se usó. Vuelva a iniciar sesión.',
    expired_token: 'El código no se usó a tiempo y caducó. Empiece de nuevo para obtener otro código.',
    timeout: 'El inicio de sesión tardó demasiado y no se completó. Vuelva a iniciar sesión.',
    cancelled: 'Se canceló el inicio de sesión.',
    renewal_refused: 'La sesión ya no se renueva (caducó o se revocó). Vuelva a iniciar sesión.',
    unreachable: 'No se pudo contactar con el proveedor de identidad. Revise la conexión y vuelva a iniciar sesión.',
    state: 'La respuesta recibida no era de este inicio de sesión y se ignoró. Vuelva a iniciar sesión.',
    other: 'No se pudo iniciar sesión: {message}',
  },
}

export default { en, es }
