import type { en } from './en'

// The Spanish of every sentence main says (en.ts is the source of the keys). `satisfies` makes a
// missing or extra key a compile error; tests/shared/catalogues.test.ts checks the same at run time,
// with the placeholders of each text.

import { schemaEs } from './schema-es'

export const es = {
  /** The shared schemas' validation messages (schema-es.ts). */
  schema: schemaEs,
  asIs: '{text}',
  instant: '{iso}',
  thing: {
    task: 'la tarea',
    scheduledCallback: 'la devolución programada',
  },
  detail: {
    invalid: 'no válido',
    noAnswer: 'sin respuesta a tiempo',
    unknownError: 'error desconocido',
  },
  networkProblem: {
    certificate_untrusted:
      'Su red presenta un certificado en el que este equipo no confía ({detail}), así que no se envió nada. Si su organización inspecciona las conexiones seguras, el departamento de TI debe instalar su certificado entre los certificados de confianza de este equipo. La tarea se enviará cuando sea de confianza: pulse Reintentar ahora o se volverá a intentar en unos minutos.',
    proxy_auth:
      'El proxy de su red pidió un usuario y una contraseña y no aceptó los de Callboard (HTTP {status}), así que no se envió nada. Introduzca el usuario y la contraseña que le dio TI en Ajustes, Inicio de sesión del proxy (la tarea se vuelve a intentar en cuanto se guardan), o TI debe dejar pasar a Callboard.',
    proxy_refused:
      'El proxy de su red rechazó la conexión con el proveedor (HTTP {status}), así que no se envió nada. El departamento de TI debe permitir la dirección del proveedor a través del proxy. La tarea se enviará cuando esté hecho: pulse Reintentar ahora o se volverá a intentar en unos minutos.',
  },
  credentials: {
    connect: {
      ssoSignIn: 'Este perfil inicia sesión con IAM Identity Center: inicie sesión.',
      portalRefused:
        'El portal de acceso de AWS ya no acepta su sesión de IAM Identity Center. Vuelva a iniciar sesión.',
      roleUnavailable: 'IAM Identity Center no pudo dar ahora las credenciales del rol.',
      roleRefused:
        'IAM Identity Center rechazó las credenciales del rol: revise la cuenta y el rol del perfil, o vuelva a iniciar sesión.',
      awsProfileEmptyHint:
        'El perfil «{name}» de la configuración de AWS de este equipo no dio credenciales. Revise ~/.aws/config (para un perfil SSO, ejecute «aws sso login»).',
      awsProfileEmpty: 'El perfil «{name}» de la configuración de AWS de este equipo no dio credenciales.',
      unreachable: 'No se pudo contactar con IAM Identity Center ({detail}).',
      accessKeyMissing: 'Este perfil usa una clave de acceso: introdúzcala en Perfiles.',
      signInEnded: 'Su sesión de IAM Identity Center para este perfil ha terminado. Vuelva a iniciar sesión.',
      noRole:
        'Su sesión de IAM Identity Center no le da ninguna cuenta y rol de AWS adecuados para este perfil. Pida a su administrador que le asigne uno.',
      manyRoles:
        'Su sesión de IAM Identity Center le da {count} cuentas y roles: elija la cuenta y el rol en el perfil.',
      noRoleCredentials: 'El portal de acceso de AWS respondió sin las credenciales del rol. Vuelva a iniciar sesión.',
      nothingSent: '{problem} No se envió nada a Amazon Connect.',
    },
    aiccs: {
      stsUnreachable: 'No se pudo contactar con el STS de Alibaba Cloud ({detail}).',
      stsUnavailable: 'El STS de Alibaba Cloud no pudo asumir el rol ahora mismo.',
      stsRefused:
        'El STS de Alibaba Cloud se negó a asumir el rol RAM con esta AccessKey. Revise la AccessKey y el ARN del rol.',
      noPermission:
        'La AccessKey no puede asumir el rol RAM (sts:AssumeRole), o el rol no confía en su cuenta. Consulte a su administrador.',
      roleNotFound: 'Alibaba Cloud no tiene ningún rol RAM con este ARN. Revise el ARN del rol en el perfil.',
      roleArnInvalid: 'Alibaba Cloud no acepta el ARN del rol. Revíselo en el perfil.',
      noRoleCredentials: 'El STS de Alibaba Cloud respondió sin las credenciales del rol.',
      nothingSent: '{problem} No se envió nada a AICCS.',
    },
  },
  sendOutcome: {
    unreachable: 'No se pudo contactar con {provider} ({detail}).',
    rateLimited: '{provider} limita cuántas solicitudes se pueden enviar; se reintentará tras su espera.',
    gaveUp408: '{provider} dejó de esperar la solicitud (408); no se creó nada.',
    unavailable: '{provider} no está disponible ahora mismo (HTTP {status}).',
    refusedStatus: '{provider} rechazó {what} (HTTP {status}).',
    refusedInvalid: '{provider} rechazó {what} por no ser válida.',
    refusedConflict: '{provider} rechazó {what} por chocar con una existente.',
    notProcessed: '{provider} no pudo procesar {what}.',
    sentNoAnswerTimedOut:
      'Se envió {what} a {provider}, pero no llegó respuesta a tiempo, así que puede que se haya creado o no. {provider} no distingue una repetición de una solicitud nueva: compruébelo en {provider} antes de volver a enviarla.',
    sentNoAnswerBroken:
      'Se envió {what} a {provider}, pero la conexión se cortó antes de la respuesta ({code}), así que puede que se haya creado o no. {provider} no distingue una repetición de una solicitud nueva: compruébelo en {provider} antes de volver a enviarla.',
    acceptedNoId:
      '{provider} aceptó {what} (HTTP {status}), pero su respuesta no traía id, así que probablemente se creó. Compruébelo en {provider} antes de volver a enviarla.',
    failedWhileHandling:
      '{provider} falló al procesar {what} (HTTP {status}), así que puede que se haya creado o no. Compruébelo en {provider} antes de volver a enviarla.',
    token: {
      unavailable: '{provider} no pudo emitir un token de acceso ahora mismo (HTTP {status}); no se envió nada.',
      noEndpoint:
        '{provider} no tiene un punto de emisión de tokens en la dirección del perfil (HTTP {status}); no se envió nada. Revise esa dirección en el perfil.',
      notObtained: 'No se pudo obtener un token de acceso de {provider} ({detail}); no se envió nada.',
    },
    webex: {
      tokenRefusedOauth:
        'Webex rechazó el token de acceso, incluso uno recién renovado. Vuelva a iniciar sesión en Webex para este perfil.',
      tokenRefusedPasted:
        'Webex rechazó el token de acceso (caducado o revocado). Pegue un token de acceso nuevo para este perfil.',
      forbidden:
        'Webex se negó a crear {what}: el usuario con sesión iniciada no tiene permiso. El token necesita el ámbito cjp:user y el usuario debe ser agente de Contact Center en esta organización.',
      notFound:
        'Webex no tiene ese punto de conexión o recurso (404). Revise el centro de datos o la URL base del perfil, y sus ids.',
      clientRefused:
        'Webex rechazó el cliente OAuth o el token de actualización. Revise el id y el secreto de cliente, o vuelva a iniciar sesión para obtener un token de actualización nuevo.',
      signInRefused: 'Webex ya no renueva esta sesión (caducó o se revocó). Vuelva a iniciar sesión con Webex.',
    },
    egain: {
      tokenRefused:
        'eGain rechazó el token de acceso, incluso uno recién emitido. Revise la aplicación cliente (y el usuario) en la consola de administración de eGain y vuelva a probar el perfil.',
      forbidden:
        'eGain se negó a crear la tarea: falta un permiso. La aplicación cliente necesita el ámbito app.core.casemgr.manage (un usuario, core.casemgr.manage), el permiso «Crear» sobre actividades y acceso al departamento; asignar a otro usuario necesita el permiso de transferencia.',
      notFound:
        'eGain no tiene ese punto de conexión o recurso (404). Revise la URL base de la API del perfil (la URL de dominio en los metadatos de la aplicación cliente).',
      notAcceptable: 'eGain no puede responder en el formato o el idioma pedidos (406).',
      acceptedNoId:
        'eGain aceptó la tarea (HTTP {status}), pero su respuesta no indicaba ninguna actividad (ni Location ni id), así que probablemente se creó. Compruébelo en eGain antes de volver a enviarla.',
      clientRefused:
        'eGain rechazó el id o el secreto de cliente (o el ámbito, o el usuario en cuyo nombre actúa). Corríjalos en los ajustes del perfil.',
    },
    connect: {
      invalidParameter: 'Amazon Connect rechazó la tarea: uno de sus campos no es válido.',
      invalidRequest: 'Amazon Connect rechazó la tarea por ser una solicitud no válida.',
      notFound:
        'Amazon Connect no encontró la instancia, el flujo de contacto, la conexión rápida o la plantilla de tarea que indica esta tarea. Revise el id de instancia y la región del perfil, y el flujo elegido.',
      quotaExceeded:
        'Amazon Connect rechazó la tarea: se agotó una cuota del servicio (demasiadas tareas abiertas en la instancia, o ya hay 12 tareas vinculadas al mismo contacto anterior).',
      acceptedNoId:
        'Amazon Connect aceptó la tarea (HTTP {status}), pero su respuesta no traía ContactId; se vuelve a pedir con el mismo token.',
      unreachable:
        'No se pudo contactar con Amazon Connect o no respondió ({detail}). La tarea se vuelve a enviar con el mismo ClientToken, así que no se puede crear dos veces.',
      throttled:
        'Amazon Connect está limitando las solicitudes de esta cuenta ahora mismo; se reintentará tras una espera.',
      notPermitted:
        'Las credenciales de AWS son válidas, pero no pueden crear tareas: su política de IAM necesita connect:StartTaskContact sobre esta instancia y sus flujos. Corrija la política o use otras claves para este perfil.',
      clockRefused: 'AWS rechazó la marca de tiempo de la solicitud: revise el reloj y la zona horaria de este equipo.',
      sessionExpired:
        'Las credenciales temporales de AWS (token de sesión) han caducado. Vuelva a iniciar sesión o introduzca credenciales nuevas para este perfil.',
      keysRefused:
        'AWS rechazó el id de clave de acceso o la clave de acceso secreta (o el token de sesión). Vuelva a introducir las credenciales de este perfil.',
      serverError:
        'Amazon Connect no pudo atender la tarea ahora mismo (HTTP {status}). Se vuelve a enviar con el mismo ClientToken, así que no se puede crear dos veces.',
      unreadable:
        'No se pudo leer la respuesta de Amazon Connect (HTTP {status}); se vuelve a pedir con el mismo ClientToken.',
    },
    aiccs: {
      unreachableNothingSent:
        'No se pudo contactar con Alibaba Cloud AICCS ({detail}), así que no se envió nada; se vuelve a intentar.',
      unreachable:
        'No se pudo contactar con Alibaba Cloud AICCS o no respondió ({detail}). Se vuelve a enviar con el mismo nombre de tarea, así que AICCS no puede crearla dos veces.',
      notJsonStatus:
        'Alibaba Cloud AICCS respondió (HTTP {status}) con algo distinto de su JSON. Se vuelve a enviar con el mismo nombre de tarea, así que AICCS no puede crearla dos veces.',
      acceptedNoId:
        'Alibaba Cloud AICCS aceptó la tarea (HTTP {status}), pero su respuesta no traía un id de tarea legible. Se vuelve a enviar con el mismo nombre de tarea, así que AICCS no puede crearla dos veces.',
      notConfirmed:
        'Alibaba Cloud AICCS respondió OK, pero no confirmó que se creara la tarea. Busque el nombre de esta tarea en Call Task Management de la consola de AICCS antes de volver a enviarla.',
      duplicateNoId:
        'AICCS ya tiene una tarea de llamada con el nombre de esta tarea, casi con seguridad creada por un intento anterior cuya respuesta se perdió, pero no indicó su id. Busque el nombre de esta tarea en Call Task Management de la consola de AICCS antes de hacer nada más; no la envíe como tarea nueva.',
      duplicateNotListed:
        'AICCS ya tiene una tarea de llamada con el nombre de esta tarea, casi con seguridad creada por un intento anterior cuya respuesta se perdió, pero su lista de tareas no muestra ninguna con ese nombre. Busque el nombre de esta tarea en Call Task Management de la consola de AICCS antes de hacer nada más; no la envíe como tarea nueva.',
      duplicateUnchecked:
        'AICCS ya tiene una tarea de llamada con el nombre de esta tarea, casi con seguridad creada por un intento anterior cuya respuesta se perdió, pero no se pudo comprobar cuál es ({detail}). Busque el nombre de esta tarea en Call Task Management de la consola de AICCS antes de hacer nada más; no la envíe como tarea nueva.',
      notPermitted:
        'La AccessKey es válida, pero su usuario o rol de RAM no puede crear tareas de llamada de AICCS (aiccs:CreateAiCallTask). Corrija la política o use otra AccessKey para este perfil.',
      keysRefused:
        'Alibaba Cloud rechazó el id o el secreto de la AccessKey. Vuelva a introducir las credenciales de este perfil.',
      clockRefused:
        'Alibaba Cloud rechazó la marca de tiempo de la solicitud: revise el reloj y la zona horaria de este equipo.',
      throttled:
        'Alibaba Cloud está limitando las solicitudes de esta cuenta ahora mismo; se reintentará tras una espera.',
      serverError:
        'Alibaba Cloud AICCS no pudo atender la tarea ahora mismo (HTTP {status}). Se vuelve a enviar con el mismo nombre de tarea, así que AICCS no puede crearla dos veces.',
      serverErrorCode:
        'Alibaba Cloud AICCS no pudo atender la tarea ahora mismo (HTTP {status}, {code}). Se vuelve a enviar con el mismo nombre de tarea, así que AICCS no puede crearla dos veces.',
      missingParameter: 'Alibaba Cloud AICCS rechazó la tarea (falta un parámetro obligatorio).',
      invalidParameter: 'Alibaba Cloud AICCS rechazó la tarea (uno de sus parámetros no es válido).',
      notCreated: 'Alibaba Cloud AICCS rechazó la tarea (no la creó).',
      refusedStatus: 'Alibaba Cloud AICCS rechazó la tarea (HTTP {status}).',
      noTaskName: 'La tarea no se envió: con su clave de idempotencia no se puede formar un nombre de tarea de AICCS.',
    },
    aiccsList: {
      notJson: 'la respuesta de la lista de tareas no era JSON',
      answered: 'la lista de tareas respondió {code}',
      noCode: 'la lista de tareas respondió sin código',
      noId: 'la lista de tareas dio la tarea sin un id legible',
      several: 'la lista de tareas tiene más de una tarea con este nombre',
      morePages: 'la lista de tareas tenía más coincidencias que una página',
      unreadable: 'no se pudo leer la lista de tareas ({code})',
      unreadableNoAnswer: 'no se pudo leer la lista de tareas (sin respuesta a tiempo)',
    },
    voice: {
      unreachable:
        'No se pudo contactar con la plataforma de difusión de voz ({detail}). El nombre de tarea {taskName} es único en la cuenta, así que reenviarla no puede crear una segunda difusión.',
      noAnswer:
        'La plataforma de difusión de voz no respondió ({detail}). El nombre de tarea {taskName} es único en la cuenta, así que reenviarla no puede crear una segunda difusión.',
      limiting:
        'La plataforma de difusión de voz está limitando las solicitudes ahora mismo; se reintentará tras una espera.',
      serverError:
        'La plataforma de difusión de voz no pudo atender la tarea ahora mismo (HTTP {status}). El nombre de tarea {taskName} es único en la cuenta, así que reenviarla no puede crear una segunda difusión.',
      systemError:
        'La plataforma de difusión de voz tuvo un error de sistema. El nombre de tarea {taskName} es único en la cuenta, así que reenviarla no puede crear una segunda difusión.',
      refusedRequest:
        'La plataforma de difusión de voz rechazó la solicitud (HTTP {status}): revise la clave y el secreto de la API, y que la dirección IP de este equipo esté permitida.',
      nothingAtBaseUrl:
        'Nada responde en la URL base de este perfil: revísela (por ejemplo https://api.itniotech.com o https://api.laaffic.com/v3).',
      refusedStatus: 'La plataforma de difusión de voz rechazó la tarea (HTTP {status}).',
      refusedCode: 'La plataforma de difusión de voz rechazó la tarea (código {code}).',
      unrecognised:
        'La plataforma de difusión de voz respondió HTTP {status} con algo que Callboard no reconoce, así que no se sabe si se creó la tarea {taskName}. Revise la lista de tareas de la plataforma antes de volver a enviarla.',
      exists:
        'La plataforma de difusión de voz dice que los datos ya existen: la tarea {taskName} la creó casi con seguridad un intento anterior cuya respuesta se perdió. Búsquela en la lista de tareas de la plataforma; no la envíe de nuevo como tarea nueva.',
      keysRefused:
        'La plataforma de difusión de voz rechazó la clave o el secreto de la API. Vuelva a introducirlos para este perfil.',
      ipRefused:
        'La plataforma de difusión de voz rechazó la dirección IP de este equipo: añádala a la lista de IP permitidas de la cuenta y vuelva a enviarla.',
      clockWrong:
        'La plataforma de difusión de voz dice que la marca de tiempo de la solicitud caducó: probablemente el reloj de este equipo va mal. En el siguiente intento se genera una marca nueva.',
      balance: 'La cuenta de difusión de voz no tiene saldo suficiente: recárguela y vuelva a enviar la tarea.',
      validation: 'La plataforma de difusión de voz rechazó la tarea: sus datos no superaron la validación.',
      parameter: 'La plataforma de difusión de voz rechazó la tarea: un parámetro es incorrecto.',
      dataCap:
        'La cuenta de difusión de voz alcanzó su límite de datos: auméntelo o espere, y vuelva a enviar la tarea.',
      missingReference:
        'La plataforma de difusión de voz rechazó la tarea: algo a lo que remite (por ejemplo, el archivo de voz) no existe.',
      tariff: 'La plataforma de difusión de voz no pudo consultar la tarifa de llamada de esta tarea.',
      noNumbers: 'La plataforma de difusión de voz rechazó la tarea: no quedan números a los que llamar.',
      wrong: 'La plataforma de difusión de voz rechazó la tarea por incorrecta.',
      listShape:
        'La difusión de voz no se envió: la plataforma de este perfil espera los números como {expected}, pero la tarea los da como {given}. Cambie la tarea o el formato de lista de números del perfil.',
    },
    local: {
      noProfile: 'No se encuentra su perfil; espera a que vuelva.',
      notSent: 'La tarea no se envió: {why}',
      notSentAt: 'La tarea no se envió ({field}): {why}',
      otherProviderSecret: 'La tarea no se envió: sus credenciales son de otro proveedor.',
      noCredentials: 'No hay credenciales guardadas para {profile}. Añádalas en Perfiles y vuelva a enviar la tarea.',
      deadlineWhilePreparing: 'Su plazo venció mientras se preparaba la solicitud, así que no se envió.',
      markedDone: 'El agente la marcó como hecha tras comprobarlo en el proveedor.',
      lostChange:
        'Parte del historial de esta tarea se perdió con un archivo de cola dañado, así que puede que ya se haya creado. Compruébelo en el proveedor antes de volver a enviarla.',
      stoppedWhileSending:
        'Callboard se detuvo mientras enviaba esta tarea, así que puede que se haya creado o no. Compruébelo en el proveedor antes de volver a enviarla.',
    },
    held: {
      noProfile:
        'No se encuentra su perfil (puede que los ajustes se dañaran o que el perfil se apartara). Se conserva sin enviar y sigue sola en cuanto vuelva el perfil.',
      profileChanged:
        'Su perfil ya no permite esta tarea ({why}). Deje el perfil como estaba o cancele la tarea; sigue sola en cuanto el perfil la permita.',
      clockMovedBack:
        'El reloj de este equipo marca ahora una hora anterior a cuando se puso en cola esta tarea ({queuedAt}), así que no se sabe cuánto ha esperado. Revise el reloj y luego envíela o cancélela.',
    },
    keychain: {
      locked:
        'El llavero está bloqueado, así que no se pueden leer las credenciales de {profile}; no se envió nada. La tarea sale en cuanto el llavero vuelva a funcionar.',
      unavailable:
        'El llavero no está disponible, así que no se pueden leer las credenciales de {profile}; no se envió nada. La tarea sale en cuanto el llavero vuelva a funcionar.',
      tokenLocked:
        'El llavero está bloqueado, así que no se puede leer el token de acceso de {profile}; no se envió nada. La tarea sale en cuanto el llavero vuelva a funcionar.',
      tokenUnavailable:
        'El llavero no está disponible, así que no se puede leer el token de acceso de {profile}; no se envió nada. La tarea sale en cuanto el llavero vuelva a funcionar.',
    },
  },
  deadline: {
    outdial: 'Una marcación no se realiza más de {minutes} minutos después de pedirla.',
    callbackNow: 'Una devolución inmediata no se realiza más de {hours} horas después de pedirla.',
    followUp: 'Un seguimiento no se crea más de una semana después de pedirlo.',
    broadcastNow: 'Una difusión que empieza ya no se inicia más de {hours} horas después de pedirla.',
    webexScheduled:
      'Webex solo acepta una devolución programada {minutes} minutos o más antes de que empiece su franja.',
    connectScheduled: 'Amazon Connect solo acepta una tarea programada mientras su hora sea futura.',
    connectResend: 'Amazon Connect solo reconoce un reenvío durante un tiempo limitado.',
    egainDue: 'eGain solo acepta una tarea mientras su fecha de vencimiento sea futura.',
    aiccsStart: 'La tarea de llamada con IA debe llegar a Alibaba Cloud antes de su hora de inicio.',
  },
  probe: {
    didNotAnswer: '{where} no respondió a tiempo.',
    unreachable: 'No se pudo contactar con {where} ({detail}).',
    failed: 'La prueba de conexión falló de forma inesperada; los detalles están en el registro.',
    keychainLocked: 'El llavero está bloqueado: {detail}',
    keychainUnavailable: 'El llavero no está disponible: {detail}',
    noCredentials: 'Guarde primero las credenciales de este perfil y luego pruebe la conexión.',
    otherProvider: 'Estas credenciales son de otro proveedor.',
    where: {
      webexIdentity: 'Webex identity',
      webex: 'Webex',
      voice: 'La API de difusión de voz',
      egainTokenUrl: 'La URL de tokens de eGain',
      aiccsEndpoint: 'El punto de conexión de AICCS {endpoint}',
      connectEndpoint: 'El punto de conexión de Amazon Connect {endpoint}',
      connectRegion: 'Amazon Connect en {region}',
    },
    webex: {
      noTokenEndpoint:
        'Webex identity no tiene un punto de emisión de tokens en {identity} (HTTP 404). Revise la dirección de inicio de sesión del perfil, o déjela vacía para usar la de Webex.',
      refreshUnavailable: 'Webex no pudo renovar el token de acceso ahora mismo.',
      clientRefused:
        'Webex rechazó el cliente OAuth o el token de actualización. Revise el id y el secreto de cliente, o vuelva a iniciar sesión para obtener un token de actualización nuevo.',
      signedIn: 'Sesión iniciada en Webex.',
      signedInAs: 'Sesión iniciada en Webex como {name}.',
      tokenRefused: 'Webex rechazó el token de acceso (caducado o revocado). Pegue uno nuevo.',
      forbidden: 'Webex aceptó el token pero denegó el acceso; el token necesita el ámbito cjp:user.',
      noPeopleApi:
        'Webex identity no tiene la API de personas en {identity} (HTTP 404). Revise la dirección de inicio de sesión del perfil, o déjela vacía para usar la de Webex.',
      answered: 'Webex respondió {status}.',
      refreshedRefused:
        'Webex rechazó un token recién renovado. Vuelva a iniciar sesión para obtener un token de actualización nuevo.',
    },
    egain: {
      issued: 'eGain emitió un token de acceso para el cliente {client} (válido unos {minutes} minutos).',
      unavailable: 'eGain no pudo emitir un token ahora mismo.',
      userRefused: 'eGain rechazó el cliente, el ámbito o el usuario en cuyo nombre actúa.',
      clientRefused: 'eGain rechazó el id o el secreto de cliente (o el ámbito).',
    },
    connect: {
      clockRefused: 'AWS rechazó la marca de tiempo de la solicitud: revise el reloj y la zona horaria de este equipo.',
      keysRefused: 'AWS rechazó el id de clave de acceso o la clave de acceso secreta (o el token de sesión).',
      notPermitted:
        'Las credenciales de AWS son válidas, pero les falta connect:DescribeInstance; enviar tareas también necesita connect:StartTaskContact.',
      noInstance:
        'Amazon Connect no tiene ninguna instancia {instance} en {region}: revise el id de instancia y la región.',
      refused: 'AWS rechazó las credenciales.',
      unavailable: 'Amazon Connect no pudo responder ahora mismo.',
      unexpected: 'Amazon Connect dio una respuesta inesperada.',
      signedInAlias: 'Sesión iniciada en la instancia de Amazon Connect «{alias}» en {region}.',
      signedIn: 'Sesión iniciada en la instancia de Amazon Connect {instance} en {region}.',
    },
    aiccs: {
      signedIn:
        'Sesión iniciada en Alibaba Cloud: la cuenta aceptó la firma de la solicitud (el permiso de AICCS se comprueba al enviar una tarea).',
      keysRefused: 'Alibaba Cloud rechazó el id o el secreto de la AccessKey.',
      clockRefused: 'Alibaba Cloud rechazó la marca de tiempo de la solicitud: revise el reloj de este equipo.',
      notPermitted: 'La AccessKey es válida, pero su usuario o rol de RAM no puede llamar a AICCS CreateAiCallTask.',
      unavailable: 'Alibaba Cloud AICCS no pudo responder ahora mismo.',
      unexpected: 'Alibaba Cloud AICCS dio una respuesta inesperada.',
      notJson: '{where} respondió con algo distinto del JSON de Alibaba Cloud.',
    },
    voice: {
      nothingAtBaseUrl:
        'Nada responde en esa URL base; revísela (por ejemplo https://api.itniotech.com o https://api.laaffic.com/v3).',
      unrecognised: 'La API de difusión de voz respondió {status} con algo que Callboard no reconoce.',
      accepted: 'La plataforma de difusión de voz aceptó la clave de la API y la firma.',
      keysRefused: 'La plataforma rechazó la clave o el secreto de la API.',
      ipRefused:
        'La plataforma rechazó la dirección IP de este equipo; añádala a la lista de IP permitidas de la cuenta.',
      clockWrong:
        'La plataforma dice que la marca de tiempo de la solicitud caducó: probablemente el reloj de este equipo va mal.',
      error: 'La plataforma respondió con un error.',
    },
    askedToWait:
      '{where} pidió esperar (HTTP {status}): está ocupado o limitando las solicitudes. Vuelva a intentarlo en {seconds} s.',
    busy: '{where} está ocupado o limitando las solicitudes (HTTP {status}). Vuelva a intentarlo dentro de un rato.',
  },
  shortcut: {
    empty: 'Escriba un atajo, por ejemplo CommandOrControl+Alt+D.',
    unknown_part: '«{part}» no es una tecla ni un modificador que Electron conozca.',
    no_key: 'Un atajo necesita una tecla además de sus modificadores.',
    two_keys: 'Un atajo tiene una sola tecla (más los modificadores).',
    needs_modifier: 'Añada Ctrl/Cmd, Alt o Super: un atajo global sin ninguno de ellos se activaría al escribir.',
    reserved: '{chord} lo usa el escritorio o la edición habitual; elija otro.',
    taken: 'Otra aplicación ya usa {accelerator}. Elija otro atajo en Ajustes.',
  },
  entryState: {
    queued: 'en cola',
    sending: 'enviándose',
    sent: 'enviada',
    rejected: 'rechazada',
    expired: 'caducada',
    needs_auth: 'requiere iniciar sesión',
    needs_review: 'requiere revisión',
    held: 'retenida',
    cancelled: 'cancelada',
  },
  tray: {
    quickEntry: 'Entrada rápida…',
    quickCallback: 'Devolución rápida…',
    open: 'Abrir Callboard',
    stopped: 'Cola de tareas detenida: abra Callboard para ver por qué',
    waiting: 'En espera: {count}',
    attention: 'Requieren atención: {count}',
    pause: 'Pausar el envío',
    resume: 'Reanudar el envío',
    quit: 'Salir de Callboard',
    tooltip: {
      online: 'Callboard',
      offline: 'Callboard: no se puede contactar con un proveedor',
      waiting: 'Callboard: {count} en espera',
      attentionOne: 'Callboard: 1 le necesita',
      attentionMany: 'Callboard: {count} le necesitan',
      stopped: 'Callboard: la cola de tareas está detenida (su disco rechaza escrituras)',
      paused: '{tooltip} (envío en pausa)',
    },
  },
  notice: {
    signInAgain: { title: 'Callboard: vuelva a iniciar sesión', body: '{what} está esperando. {why}' },
    needsReview: { title: 'Callboard: una tarea requiere su revisión', body: '{what}: {why}' },
    expired: { title: 'Callboard: una tarea caducó sin enviarse', body: '{what}: {why}' },
    refused: { title: 'Callboard: se rechazó una tarea', body: '{what}: {why}' },
    held: { title: 'Callboard: una tarea está retenida', body: '{what}: {why}' },
    expiring: { title: 'Callboard: una tarea caducará sin enviarse', body: '{what} caduca a las {until}. {why}' },
    more: {
      one: 'Una tarea más como esta: vea la cola en Callboard.',
      many: '{n} tareas más como esta: vea la cola en Callboard.',
    },
    queueStopped: 'Callboard: la cola de tareas está detenida',
    nothingToDial: 'Callboard: nada que marcar',
    dialling: { title: 'Callboard: marcando', body: '{number} con {profile}' },
    couldNotDial: 'Callboard: no se pudo marcar',
    shortcutNotSet: 'Callboard: atajo sin configurar',
    startAtSignIn: 'Callboard: inicio con la sesión',
    expiringWhy: {
      held: 'Está retenida.',
      needsAuth: 'Su perfil necesita que vuelva a iniciar sesión.',
      behind: 'Espera detrás de una tarea anterior del mismo cliente ({subject}, {state}).',
      paused: 'El envío está en pausa.',
    },
    startAtSignInPercent:
      'Callboard no puede iniciarse con la sesión desde una carpeta cuya ruta contiene el signo % ({path}). Muévalo a otra carpeta y vuelva a activar el ajuste.',
    startAtSignInAdd: 'Callboard no pudo añadirse a los programas que se inician con la sesión: {detail}',
    startAtSignInRemove: 'Callboard no pudo quitarse de los programas que se inician con la sesión: {detail}',
  },
  failure: {
    forbiddenSender: 'Esta ventana no tiene permiso para comunicarse con Callboard.',
    tooManyArguments: '{channel} admite como máximo un argumento.',
    unknownChannel: 'No existe ningún canal llamado «{channel}».',
    unreadableInput: 'No se pudieron leer los datos enviados.',
    inputTooLarge: 'Los datos enviados son demasiado grandes (más de {bytes} bytes).',
    invalidInput: 'Datos no válidos para {channel}: {problem}',
    invalidInputAt: 'Datos no válidos para {channel}: {where}: {problem}',
    unexpected: 'Callboard encontró un error inesperado en {channel}. Los detalles están en el registro.',
    outputMismatch: 'La respuesta a {channel} no coincide con el contrato. Los detalles están en el registro.',
    profileGone: 'Ese perfil ya no existe.',
    profileGoneReload: 'Ese perfil ya no existe. Vuelva a cargar la lista de perfiles.',
    profileGoneRemoved: 'Ese perfil ya no existe; es posible que se haya eliminado.',
    sandboxBuiltIn: 'Los perfiles del entorno de pruebas vienen incluidos: no se puede cambiar su {what}.',
    sandboxPart: { settings: 'configuración', credentials: 'credenciales' },
    noUpdateReady: 'Todavía no hay ninguna actualización lista para instalar.',
    noIdentityProvider: 'Este perfil no inicia sesión a través de su proveedor de identidad.',
    noClientId:
      'El perfil no tiene un id de cliente para iniciar sesión. Escriba en el perfil el id de cliente de la integración (lo tiene su administrador).',
    settingsUnsaved: 'No se puede guardar la configuración: {reason}',
    managedSetting: 'Lo gestiona su organización.',
    managedSettings: 'Lo administra su organización: {keys} no se puede cambiar aquí.',
    managedProfile: 'Este perfil lo proporciona su organización: no se puede cambiar ni eliminar aquí.',
    providerNotAllowed: 'Su organización no permite añadir perfiles de {provider}.',
    providerChange: 'Un perfil no puede cambiar de proveedor. Añada un perfil nuevo.',
    labelTaken: 'Ya hay un perfil de {provider} llamado «{label}».',
    credentialsMismatch: 'Estas credenciales no corresponden a este perfil.',
    listNotOffered: 'El proveedor de este perfil no ofrece esa lista.',
    queueNotRunning: 'La cola de tareas no está en marcha.',
    recordNotJson: 'no son datos JSON',
    recordNotSerializable: 'no se puede serializar ({detail})',
    unstorableIssue: '{path}: {reason}',
    taskNotStorable: 'Esta tarea no se pudo guardar tal como está ({what}); no se puso nada en cola.',
    queueRefusedChange: 'La cola rechazó un cambio: {problem}',
    taskGone: 'Esa tarea ya no está en la cola.',
    tooLate: 'Ya es demasiado tarde para enviar esta tarea: {reason}',
    heldForProfile:
      'Esta tarea espera a su perfil, que no se encuentra. Restaure o repare el perfil en Perfiles; después la tarea sigue sola.',
    cannotRetry: 'Una tarea en estado «{state}» no se puede reintentar.',
    sendingNow: 'Esta tarea se está enviando ahora mismo; no se puede cancelar.',
    cannotCancel: 'Una tarea en estado «{state}» no se puede cancelar.',
    onlyDismiss: 'Solo se puede descartar una tarea rechazada o caducada.',
    notInReview: 'Esta tarea no está esperando su revisión.',
    numberNotListed: 'Ese número no está en la lista.',
    numberNotDialable: 'Ese número no se puede marcar.',
    dialRequestGone: 'Esta solicitud de marcado ya no está esperando; vuelva a pulsar el atajo.',
    diskFull:
      'El disco donde Callboard guarda sus datos está lleno. Libere espacio; Callboard continúa por sí solo en cuanto puede volver a escribir.',
    readOnly:
      'No se puede escribir en la carpeta de datos de Callboard ({code}). Compruebe que el disco no sea de solo lectura y que usted tenga permiso de escritura en la carpeta.',
    proxyKeychainLocked:
      'El llavero está bloqueado, así que no se pudo cambiar el inicio de sesión del proxy. Desbloquéelo e inténtelo de nuevo.',
    proxyKeychainUnavailable:
      'No se puede acceder al llavero, así que no se pudo cambiar el inicio de sesión del proxy.',
  },
  keychainProblem: {
    ok: 'El llavero funciona.',
    no_session_bus:
      'No se puede acceder al llavero del sistema: esta sesión no tiene bus de sesión D-Bus. Inicie Callboard desde su sesión de escritorio.',
    no_secret_service:
      'No hay ningún servicio de llavero en marcha. Instale e inicie un proveedor de Secret Service, como GNOME Keyring o KWallet, y vuelva a probar el llavero.',
    locked:
      'Su llavero está bloqueado. Desbloquéelo (vuelva a iniciar sesión o abra Contraseñas y claves) y vuelva a probar el llavero.',
    no_default_collection:
      'Su llavero no tiene un depósito de inicio de sesión desbloqueado. Cree o desbloquee el depósito «Inicio de sesión» en Contraseñas y claves y vuelva a probar el llavero.',
    timeout:
      'El llavero no respondió en 5 segundos; puede que haya una solicitud de desbloqueo esperando detrás de otra ventana.',
    read_back_mismatch:
      'El llavero aceptó una entrada de prueba pero devolvió otra cosa al leerla; reinicie el servicio de llavero o cierre la sesión y vuelva a entrar.',
    error: 'El llavero informó de un error: {detail}',
  },
  /** What a task is about, in its rows and questions: the agent's words (name, number) with the app's around them. */
  taskSubject: {
    named: '{name} · {detail}',
    broadcast: '{name} · {numbers}',
  },
  count: {
    bytes: { one: '1 byte', many: '{n} bytes' },
    records: { one: '1 registro', many: '{n} registros' },
    tasks: { one: '1 tarea', many: '{n} tareas' },
    otherTasks: { one: '1 tarea', many: '{n} tareas' },
    numbers: { one: '1 número', many: '{n} números' },
  },
  queueFile: {
    setAside:
      'El archivo de la cola de tareas estaba dañado ({reason}). Se apartó como {path}; no se pudo leer ninguna tarea de él.',
    tornTail:
      'El archivo de la cola de tareas terminaba con una escritura incompleta ({bytes}, {reason}); se descartó.',
    lastRecordIncomplete: 'el último registro está incompleto',
    tornTailProven: 'Se conservan todas las tareas confirmadas antes de ella.',
    tornTailUnproven:
      'El archivo lo escribió una versión anterior de Callboard sin recuento de tareas, así que Callboard no puede confirmar que se conserven todas las tareas anteriores.',
    damaged:
      'El archivo de la cola de tareas estaba dañado: no se pudo leer {where}. Callboard conservó todo lo que pudo leer ({kept}).',
    missingRecords:
      'Al archivo de la cola de tareas le faltan registros aunque no muestra daños. Callboard conservó todo lo que contiene ({kept}).',
    whereHeader: 'su encabezado',
    whereHeaderAnd: 'su encabezado y {body}',
    whereOne: '{bytes} en la posición {offset}',
    whereMany: '{count} tramos ({bytes})',
    lostNamed: 'Tareas que no se pudieron recuperar ({tasks}): {ids}.',
    lostNamedAndUnnamed: 'Tareas que no se pudieron recuperar ({tasks}): {ids}, y {unnamed} cuyo id no se pudo leer.',
    lostUnnamed: 'Tareas que no se pudieron recuperar ({tasks}); no se pudieron leer sus ids.',
    damageAtEnd:
      'El daño llega hasta el final del archivo, así que Callboard no puede saber si contenía otras tareas: revise las últimas tareas que puso en cola.',
    noCount:
      'El archivo lo escribió una versión anterior de Callboard sin recuento de tareas, así que Callboard no puede saber si se perdieron otras tareas.',
    noneLost: 'No se perdió ninguna tarea.',
    othersKept: 'Todas las demás tareas están en la cola.',
    unattributed:
      'Algunos de los bytes dañados no indican a qué tarea pertenecían: una tarea cuyo estado parezca incorrecto puede haber perdido un cambio ahí.',
    lastWriteCut: 'Su última escritura ({bytes}) quedó cortada y se descartó; no se había confirmado.',
    unknownTasks: 'El archivo de la cola de tareas contiene cambios de tareas que no están en él: {ids}.',
    outOfStep:
      'Otras tareas perdieron un cambio ({tasks}), así que lo que la cola muestra de ellas puede no estar al día: {ids}. Las que podrían crearse dos veces esperan su revisión en lugar de enviarse.',
    copyAt: 'Hay una copia del archivo dañado en {path}.',
    unusable: {
      empty: 'está vacío',
      truncatedHeader: 'su encabezado está cortado',
      notAJournal: 'no es un archivo de cola de Callboard',
      foreignFormat: 'tiene un formato que Callboard no lee',
      newerVersion: 'lo escribió una versión más reciente de Callboard',
      damagedHeader: 'su encabezado está dañado y no se pudo leer nada después de él',
    },
    idsAndMore: '{ids} y {more} más',
    stopped:
      'La cola de tareas está detenida: {why}. Las tareas ya en cola se conservan y esperan; no se pueden poner tareas nuevas en cola. Se reanuda sola en cuanto puede escribir.',
    stoppedDiskFull: 'el disco donde Callboard guarda sus datos está lleno',
    stoppedReadOnly: 'no se puede escribir en la carpeta de datos de Callboard ({code})',
    stoppedUnwritable: 'no se pudo escribir en el archivo de la cola ({code})',
    readOnly:
      'No se puede escribir en la carpeta de datos de Callboard ({code}), así que la cola de tareas se muestra como estaba: no se puede poner en cola, enviar ni cambiar nada. Compruebe que el disco no sea de solo lectura y que usted tenga permiso de escritura en {dir}, y reinicie Callboard.',
    otherCopy: 'Otro Callboard (proceso {pid}) está usando esta cola de tareas. Ciérrelo y reinicie este.',
    cannotOpen: 'No se pudo abrir la cola de tareas: {detail}',
    cannotRead: 'No se pudo leer la cola de tareas: {detail}',
  },
  dialNothing: {
    notANumber: '«{text}» no es un número que se pueda marcar: {why}.',
    noNumberInLink: 'El enlace no contiene ningún número de teléfono.',
    noNumberInClipboard: 'El portapapeles no contiene ningún número de teléfono. Copie uno y vuelva a pulsar el atajo.',
    noProfile: 'Ningún perfil de Webex puede hacer la llamada. Añada uno en Perfiles.',
    profileIncomplete: 'El perfil {profile} no tiene ningún ANI de llamada saliente ni punto de entrada saliente.',
    why: {
      empty: 'está vacío',
      not_a_number: 'no es un número de teléfono',
      too_short: 'es demasiado corto para ser un número de teléfono',
      too_short_in: 'es demasiado corto para un número de {country}',
      too_long: 'es demasiado largo para ser un número de teléfono',
      too_long_in: 'es demasiado largo para un número de {country}',
      invalid_country: 'su código de país no existe',
      invalid_for_region: 'no existe ese número',
      invalid_for_region_in: 'no existe ese número en {country}',
      invalid_length: 'no tiene la cantidad de dígitos correcta para su país',
      invalid_length_in: 'no tiene la cantidad de dígitos correcta para {country}',
      local_number: 'no tiene prefijo de zona',
      not_e164: 'Webex no puede marcarlo',
      malformed_uri: 'el enlace está mal formado',
      cut_off: 'está cortado',
      bidi_control:
        'está dentro de caracteres de control de derecha a izquierda o de aislamiento, así que los dígitos que se ven pueden no ser los que se leen',
      reference: 'sigue a una etiqueta de referencia (pedido, factura, cuenta…), no a una de teléfono',
      runs_into_digits: 'va pegado a otros dígitos, así que no está claro dónde empieza',
      date: 'es una fecha',
      card_number: 'parece un número de tarjeta de pago',
      coordinates: 'son coordenadas de un mapa',
    },
  },
  dataFolder: {
    otherCallboard:
      'Otro Callboard (proceso {pid}) está usando esta carpeta de datos ({dir}). Este muestra lo que encuentra en ella pero no guarda nada: cierre uno de los dos y reinicie el otro.',
    otherCallboardSince:
      'Otro Callboard (proceso {pid}, iniciado {since}) está usando esta carpeta de datos ({dir}). Este muestra lo que encuentra en ella pero no guarda nada: cierre uno de los dos y reinicie el otro.',
    unwritable:
      'No se puede escribir en la carpeta de datos de Callboard ({dir}) ({code}): se muestra lo que hay, y no se puede guardar, poner en cola ni enviar nada. Compruebe que el disco no es de solo lectura y que puede escribir en la carpeta, y reinicie Callboard.',
  },
  settingsFile: {
    missing: 'faltaba el archivo de configuración',
    unreadable: 'no se pudo leer ({code})',
    newer:
      'lo escribió un Callboard más reciente (versión de configuración {version}; este lee hasta la {supported}); se deja como está',
    empty: 'está vacío',
    notJson: 'no es JSON válido ({detail})',
    notObject: 'no contiene un objeto de configuración',
    unknownVersion: 'no tiene una versión de configuración que este Callboard conozca ({version})',
    notRepairable: 'no se pudo reparar ({why})',
    settingInvalid: 'el ajuste «{name}» no era válido ({why})',
    unknownEntry: 'se omitió una entrada desconocida, «{name}»',
    profilesNotList: 'la lista de perfiles no era una lista',
    sameId: 'otro perfil tiene el mismo id',
    profileFromLastGood: 'el perfil «{label}» estaba dañado ({why}); se usa su última copia buena',
    profileSetAside: 'el perfil «{label}» no se pudo leer ({why}) y se apartó',
    profileNumberSetAside: 'el perfil número {n} no se pudo leer ({why}) y se apartó',
    issueAt: '{path}: {issue}',
    zod: {
      invalidValue: 'no es uno de los valores que Callboard acepta',
      invalidType: 'falta, o no es el tipo de valor esperado',
      unknownKeys: 'contiene entradas que Callboard no conoce ({keys})',
      other: 'no es un valor que Callboard acepte',
    },
    list: '{first}; {rest}',
    cannotWriteUnreadable: 'No se pudo leer {file} ({code}). Corríjalo o elimínelo, y reinicie Callboard.',
    cannotWriteNewer:
      'Esta configuración pertenece a un Callboard más reciente; este no la sobrescribe. Use el Callboard más reciente.',
    cannotWriteDamaged: '{file} está dañado y no se pudo apartar. Corríjalo o elimínelo, y reinicie Callboard.',
  },
  sandboxOff: {
    turnedOff: 'El sandbox está desactivado.',
    couldNotLoad: 'No se pudo cargar el sandbox: {detail}',
    couldNotStart: 'El sandbox no pudo iniciar su simulador de {provider}: {detail}',
  },
  signInEnded: {
    refused: 'El proveedor de identidad rechazó el inicio de sesión (su código: {code}).',
    refusedDescribed: 'El proveedor de identidad rechazó el inicio de sesión (su código: {code}; dijo: {description}).',
    renewalRefused:
      'El proveedor de identidad ya no renueva esta sesión (caducó o se revocó). Vuelva a iniciar sesión.',
    notOffered: 'Este proveedor no ofrece esa forma de iniciar sesión.',
    noDevice: 'Este proveedor no ofrece inicio de sesión con un código de dispositivo.',
    notAllowed: 'Callboard no puede abrir esa página de inicio de sesión.',
    invalidResponse:
      'El proveedor de identidad respondió de una forma que Callboard no entiende, así que no se inició sesión.',
    unreachable:
      'No se pudo contactar con el proveedor de identidad, así que no se inició sesión. Revise la conexión y vuelva a intentarlo.',
    identityCenterNoClient: 'IAM Identity Center no registró Callboard. Vuelva a intentarlo.',
    identityCenterNoCode:
      'IAM Identity Center no dio ningún código de inicio de sesión. Revise la URL del portal de acceso.',
    identityCenterNoToken: 'IAM Identity Center no dio ningún token. Vuelva a iniciar sesión.',
    timeout: 'El inicio de sesión tardó demasiado y no se completó. Vuelva a intentarlo.',
    cancelled: 'Se canceló el inicio de sesión.',
    notThisSignIn: 'La respuesta recibida no era de este inicio de sesión y se ignoró. Vuelva a iniciar sesión.',
  },
  policyProblem: {
    unconvertible: 'No se pudieron convertir las preferencias gestionadas (falló plutil).',
    unreadable: 'No se pudo leer la directiva: {detail}',
    notJson: 'La directiva no es JSON válido: {detail}',
    invalid: 'La directiva no es válida, así que no se aplica nada de ella: {where}: {problem}',
    invalidMore:
      'La directiva no es válida, así que no se aplica nada de ella: {where}: {problem} (y {more} problemas más)',
    wholePolicy: '(la directiva entera)',
  },
  choiceFetch: {
    webexTokenLater: 'Webex no pudo renovar el token de acceso en este momento.',
    webexOAuthRefused: 'Webex rechazó el cliente OAuth o el token de renovación.',
    webexTimedOut: 'Webex no respondió a tiempo.',
    webexUnreachable: 'No se pudo contactar con Webex.',
    webexTokenRefused: 'Webex rechazó el token de acceso.',
    webexScope: 'Webex rechazó la lista: el token necesita el ámbito cjp:config_read para esta organización.',
    webexNoOrg: 'Webex no conoce este id de organización.',
    webexAnswered: 'Webex respondió {status}.',
    webexNoSuchList: 'Webex no tiene esa lista.',
    webexNeedsOrg: 'Escriba el id de organización en este perfil para obtener sus listas.',
    webexUnreadable: 'Webex respondió con una lista que Callboard no puede leer.',
    connectTimedOut: 'Amazon Connect no respondió a tiempo.',
    connectUnreachable: 'No se pudo contactar con Amazon Connect.',
    connectCredentialsRefused: 'AWS rechazó las credenciales.',
    connectNotPermitted: 'A estas credenciales de AWS les falta {operation}.',
    connectNoInstance: 'Amazon Connect no tiene la instancia {instanceId} en esta región.',
    connectAnswered: 'Amazon Connect respondió {name} ({status}).',
    connectNoSuchList: 'Amazon Connect no tiene esa lista.',
    unexpected: 'La obtención de la lista falló de forma inesperada; los detalles están en el registro.',
    keychainUnreadable: 'Ahora no se puede leer el llavero.',
    storeCredentials: 'Guarde las credenciales de este perfil para obtener sus listas.',
    otherProvider: 'Estas credenciales son de otro proveedor.',
  },
} satisfies typeof en
