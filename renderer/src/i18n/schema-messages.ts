// The validation messages of the shared schemas (shared/schemas/**, the intent mapping in
// shared/providers/<name>/to-wire.ts, the shortcut check in shared/desktop/accelerator.ts) are written in
// English once, for main and the renderer alike. This is their Spanish: exact messages, then the
// templated ones as patterns, then the nouns the schemas' helpers put into their templates
// ("Enter the ${what}."). tests/renderer/schema-messages.test.ts gathers every message from the
// source and fails on any this catalogue does not translate.

type Language = 'en' | 'es'

/** A templated message: its English shape, and the Spanish (undefined: a part it cannot translate). */
type Pattern = { pattern: RegExp; es: (m: RegExpExecArray) => string | undefined }

// ——— exact messages ———

const EXACT: Record<string, string> = {
  // shared/schemas/providers.ts, profiles.ts, settings.ts
  'Not a profile id.': 'No es un id de perfil.',
  'Give it a name.': 'Póngale un nombre.',
  'Enter a full URL, such as https://api.example.com.':
    'Escriba una URL completa, por ejemplo https://api.example.com.',
  'Use an https:// address (plain http is allowed only for this computer).':
    'Use una dirección https:// (http sin cifrar solo se admite para este equipo).',
  // The administrator's policy (shared/schemas/policy.ts).
  'The update feed must be an https:// address.': 'La fuente de actualizaciones debe ser una dirección https://.',
  'The proxy must be an http:// or https:// address, or "direct".':
    'El proxy debe ser una dirección http:// o https://, o "direct".',
  'A policy never holds the proxy password; see "For administrators" for where credentials go.':
    'Una directiva nunca contiene la contraseña del proxy; vea «Para administradores» para saber dónde van las credenciales.',
  'This id is used twice.': 'Este id se usa dos veces.',
  'Do not put a user name or password in the URL; use the secret fields.':
    'No ponga un usuario ni una contraseña en la URL; use los campos de secretos.',
  'Leave out ?query and #fragment.': 'Quite la ?consulta y el #fragmento.',
  // Settings' proxy sign-in (shared/schemas/proxy-sign-in.ts).
  'Enter the proxy as host:port, for example proxy.example.com:8080.':
    'Escriba el proxy como host:puerto, por ejemplo proxy.example.com:8080.',
  'Enter the user name the proxy asks for.': 'Escriba el usuario que pide el proxy.',
  'A proxy user name cannot contain a colon.': 'El usuario del proxy no puede contener dos puntos.',
  'Enter the password the proxy asks for.': 'Escriba la contraseña que pide el proxy.',
  'Acting on behalf of a user needs that user’s eGain user name (or user id).':
    'Actuar en nombre de un usuario necesita su nombre de usuario de eGain (o su id de usuario).',
  'Give the user name or the user id, not both.': 'Indique el nombre de usuario o el id de usuario, no los dos.',
  'Enter a full URL, such as https://vpce-0123.connect.us-east-1.vpce.amazonaws.com.':
    'Introduzca una URL completa, como https://vpce-0123.connect.us-east-1.vpce.amazonaws.com.',
  'Use an https:// address.': 'Use una dirección https://.',
  'Give the endpoint’s address alone: https:// and its host name.':
    'Indique solo la dirección del punto de conexión: https:// y su nombre de host.',
  'FIPS and dual-stack choose among the region’s own endpoints; with an endpoint of your own, turn them off.':
    'FIPS y doble pila eligen entre los puntos de conexión de la región; con un punto de conexión propio, desactívelos.',
  'Enter an AWS region such as us-east-1 or eu-west-2.':
    'Escriba una región de AWS, por ejemplo us-east-1 o eu-west-2.',
  // Where AWS and Alibaba Cloud credentials come from (shared/providers/connect, aiccs).
  'Enter a RAM role ARN such as acs:ram::1234567890123456:role/callboard-agent.':
    'Escriba el ARN de un rol RAM, por ejemplo acs:ram::1234567890123456:role/callboard-agent.',
  'Enter a host name such as sts.aliyuncs.com.': 'Escriba un nombre de host, por ejemplo sts.aliyuncs.com.',
  'Enter the ARN of the RAM role to assume (your administrator has it).':
    'Escriba el ARN del rol RAM que se asume (lo tiene su administrador).',
  'Enter the AWS access portal URL, such as https://d-1234567890.awsapps.com/start.':
    'Escriba la URL del portal de acceso de AWS, por ejemplo https://d-1234567890.awsapps.com/start.',
  'An AWS profile name has letters, digits and _ . @ + = , / - only.':
    'Un nombre de perfil de AWS solo lleva letras, cifras y _ . @ + = , / -.',
  'Enter an AWS region such as us-east-1.': 'Escriba una región de AWS, por ejemplo us-east-1.',
  'An AWS account id is 12 digits.': 'Un id de cuenta de AWS tiene 12 cifras.',
  'A role name has letters, digits and _ + = , . @ - only.':
    'Un nombre de rol solo lleva letras, cifras y _ + = , . @ -.',
  'Name the profile of your AWS configuration to use (as in ~/.aws/config).':
    'Indique el perfil de su configuración de AWS que se usa (como en ~/.aws/config).',
  'Enter your AWS access portal URL (your administrator has it).':
    'Escriba la URL de su portal de acceso de AWS (la tiene su administrador).',
  'Enter the region of your IAM Identity Center (your administrator has it).':
    'Escriba la región de su IAM Identity Center (la tiene su administrador).',
  'This profile uses an access key: enter the access key id and secret access key.':
    'Este perfil usa una clave de acceso: escriba el id de la clave de acceso y la clave de acceso secreta.',
  'This profile signs in with IAM Identity Center: use “Sign in” instead of entering keys.':
    'Este perfil inicia sesión con IAM Identity Center: use «Iniciar sesión» en lugar de escribir claves.',
  'This profile uses a profile of your AWS configuration: no keys are entered here.':
    'Este perfil usa un perfil de su configuración de AWS: aquí no se escribe ninguna clave.',
  'Enter a host name such as aiccs.aliyuncs.com.': 'Escriba un nombre de host, por ejemplo aiccs.aliyuncs.com.',
  'Enter a region id such as cn-shanghai or ap-southeast-1.':
    'Escriba un id de región, por ejemplo cn-shanghai o ap-southeast-1.',
  'Digits only, at most 20.': 'Solo dígitos, como máximo 20.',
  'Choose a country or region from the list (a two-letter code such as GB or US).':
    'Elija un país o una región de la lista (un código de dos letras, como ES o US).',
  'Duplicate profile id.': 'Id de perfil repetido.',
  'Nothing to change.': 'No hay nada que cambiar.',

  // shared/schemas/credentials.ts
  'An AWS access key id is 16–128 capital letters and digits (AKIA…, ASIA…).':
    'Un id de clave de acceso de AWS tiene de 16 a 128 letras mayúsculas y dígitos (AKIA…, ASIA…).',
  'An AccessKey id is 8–64 letters and digits (LTAI…).': 'Un id de AccessKey tiene de 8 a 64 letras y dígitos (LTAI…).',
  'This profile signs in with OAuth: enter the client id, client secret and refresh token.':
    'Este perfil inicia sesión con OAuth: introduzca el id de cliente, el secreto de cliente y el token de actualización.',
  'This profile uses an access token: paste the access token.':
    'Este perfil usa un token de acceso: pegue el token de acceso.',
  'This profile signs in with Webex in the browser: store only the integration’s client secret, if it has one.':
    'Este perfil inicia sesión con Webex en el navegador: guarde solo el secreto de cliente de la integración, si tiene uno.',

  // shared/schemas/intents.ts
  'Enter the number in international format, such as +14085550100.':
    'Escriba el número en formato internacional, por ejemplo +14085550100.',
  'Leave out the national prefix after the country code: +44 20 7946 0958, not +44 020 7946 0958.':
    'Quite el prefijo nacional que sigue al prefijo de país: +44 20 7946 0958, no +44 020 7946 0958.',
  'This number is too short for its country.': 'Este número es demasiado corto para su país.',
  'This number is too long for its country.': 'Este número es demasiado largo para su país.',
  'This number has the wrong number of digits for its country.':
    'Este número no tiene la cantidad de dígitos de su país.',
  'This country code does not exist, so the number cannot be dialled.':
    'Ese prefijo de país no existe, así que el número no se puede marcar.',
  'No such number exists for this country code.': 'Ese número no existe con este prefijo de país.',
  'Webex cannot dial this number: international numbers have 7 to 15 digits.':
    'Webex no puede marcar este número: los internacionales tienen de 7 a 15 dígitos.',
  'Give a date and time with its UTC offset.': 'Indique una fecha y una hora con su desfase respecto a UTC.',
  'Choose a time zone by its IANA name, such as America/New_York.':
    'Elija una zona horaria por su nombre IANA, por ejemplo Europe/Madrid.',

  // shared/providers/<name>/to-wire.ts
  'The request was refused.': 'Se rechazó la solicitud.',
  'The intent names another profile.': 'La tarea indica otro perfil.',
  'That entry point is not configured in this profile.': 'Ese punto de entrada no está configurado en este perfil.',
  'That outdial ANI is not configured in this profile.': 'Ese ANI de marcación no está configurado en este perfil.',
  'That contact flow is not configured in this profile.': 'Ese flujo de contacto no está configurado en este perfil.',
  'That quick connect is not configured in this profile.': 'Esa conexión rápida no está configurada en este perfil.',
  'That task template is not configured in this profile.': 'Esa plantilla de tarea no está configurada en este perfil.',
  'That task subtype is not configured in this profile.': 'Ese subtipo de tarea no está configurado en este perfil.',
  'An immediate Webex callback needs an entry point.':
    'Una devolución inmediata de Webex necesita un punto de entrada.',
  'This Webex profile has no scheduled-callback queue; set one to schedule callbacks.':
    'Este perfil de Webex no tiene cola de devoluciones programadas; configure una para programarlas.',
  'This Webex profile has no organization id; set it to schedule callbacks.':
    'Este perfil de Webex no tiene id de organización; configúrelo para programar devoluciones.',
  'The callback window has to end on the day it starts.':
    'La franja de la devolución tiene que terminar el mismo día que empieza.',
  'Choose a department: this profile has no default department.':
    'Elija un departamento: este perfil no tiene departamento predeterminado.',
  'This profile has no SMS app id, so it cannot send a hang-up SMS.':
    'Este perfil no tiene id de aplicación de SMS, así que no puede enviar un SMS al colgar.',
  'Choose an agent: this profile has no default agent.': 'Elija un agente: este perfil no tiene agente predeterminado.',
  'Choose a virtual number: this profile has no default one.':
    'Elija un número virtual: este perfil no tiene uno predeterminado.',

  // shared/desktop/accelerator.ts
  'Enter a shortcut, such as CommandOrControl+Alt+D.': 'Escriba un atajo, por ejemplo CommandOrControl+Alt+D.',
  'A shortcut needs a key besides its modifiers.': 'Un atajo necesita una tecla además de sus modificadores.',
  'A shortcut has one key (plus modifiers).': 'Un atajo tiene una sola tecla (más los modificadores).',
  'Add Ctrl/Cmd, Alt or Super: a global shortcut without one would fire while typing.':
    'Añada Ctrl/Cmd, Alt o Super: un atajo global sin ninguno de ellos se activaría al escribir.',

  // shared/schemas/record-keys.ts
  'The name __proto__ cannot be used here.': 'El nombre __proto__ no se puede usar aquí.',
  'Expected an object of names and text values.': 'Se esperaba un objeto de nombres y valores de texto.',

  // shared/providers/webex/wire.ts
  'Attribute values are text.': 'Los valores de los atributos son texto.',
  'An attribute needs a name.': 'Un atributo necesita un nombre.',
  'Header values are text.': 'Los valores de las cabeceras son texto.',
  'Header values cannot contain line breaks or other control characters.':
    'Los valores de las cabeceras no pueden contener saltos de línea ni otros caracteres de control.',
  "Header names use lower-case letters, digits and - _ . ! % * + ` ' ~ only.":
    "Los nombres de las cabeceras solo admiten letras minúsculas, dígitos y - _ . ! % * + ` ' ~.",
  'The callback origin must be "web".': 'El origen de la devolución debe ser «web».',
  'The callback type must be "immediate".': 'El tipo de devolución debe ser «immediate».',
  'A CALLBACK task needs callback details (callbackOrigin "web", callbackType "immediate").':
    'Una tarea CALLBACK necesita los datos de la devolución (callbackOrigin «web», callbackType «immediate»).',
  'Callback details must be an object.': 'Los datos de la devolución deben ser un objeto.',
  'The media type must be "telephony".': 'El tipo de medio debe ser «telephony».',
  'Only a CALLBACK task takes callback details.': 'Solo una tarea CALLBACK lleva datos de devolución.',
  'The outbound type must be CALLBACK, OUTDIAL or EXECUTE_FLOW.':
    'El tipo de salida debe ser CALLBACK, OUTDIAL o EXECUTE_FLOW.',
  'Enter the callback number.': 'Introduzca el número al que devolver la llamada.',
  'Use digits, an optional leading +, and spaces, hyphens, parentheses or periods.':
    'Use dígitos, un + inicial opcional y espacios, guiones, paréntesis o puntos.',
  'The callback number needs digits.': 'El número de la devolución necesita dígitos.',
  'Choose the time zone.': 'Elija la zona horaria.',
  'Enter the date as YYYY-MM-DD.': 'Escriba la fecha como AAAA-MM-DD.',
  'The callback reason must be text.': 'El motivo de la devolución debe ser texto.',
  'The source interaction must be a UUID.': 'La interacción de origen debe ser un UUID.',
  'The assignee agent must be a user UUID.': 'El agente asignado debe ser el UUID de un usuario.',

  // shared/providers/connect/wire.ts
  'The reference type must be URL, NUMBER, STRING, DATE or EMAIL.':
    'El tipo de referencia debe ser URL, NUMBER, STRING, DATE o EMAIL.',
  'A DATE reference holds an epoch timestamp (digits: seconds or milliseconds since 1970).':
    'Una referencia DATE contiene una marca de tiempo (dígitos: segundos o milisegundos desde 1970).',
  'A reference needs a name.': 'Una referencia necesita un nombre.',
  'Attribute names use letters, digits, - and _ only.':
    'Los nombres de los atributos solo admiten letras, dígitos, - y _.',
  'A segment attribute needs a name.': 'Un atributo de segmento necesita un nombre.',
  'Segment attribute names use letters, digits, :, - and _ only.':
    'Los nombres de los atributos de segmento solo admiten letras, dígitos, :, - y _.',
  'A whole number is needed.': 'Se necesita un número entero.',
  'The number is too small.': 'El número es demasiado pequeño.',
  'The number is too large.': 'El número es demasiado grande.',
  'Give exactly one of ValueString, ValueInteger or ValueMap.':
    'Indique exactamente uno de ValueString, ValueInteger o ValueMap.',
  'The scheduled time must be a valid date and time.': 'La hora programada debe ser una fecha y hora válidas.',
  'Choose a contact flow, a quick connect or a task template.':
    'Elija un flujo de contacto, una conexión rápida o una plantilla de tarea.',
  'Send only one of ContactFlowId, QuickConnectId and TaskTemplateId.':
    'Envíe solo uno de ContactFlowId, QuickConnectId y TaskTemplateId.',
  'The scheduled time has to be in the future.': 'La hora programada tiene que estar en el futuro.',
  'Schedule the task at most 6 days ahead.': 'Amazon Connect acepta una tarea como mucho con 6 días de antelación.',

  // shared/providers/egain/wire.ts
  'Choose what to look the customer up by: email.emailAddress, home.phone, mobile.phone, office.phone, social.facebookId, social.twitterId, social.instagramId or custom.<attribute name>.':
    'Elija por qué buscar al cliente: email.emailAddress, home.phone, mobile.phone, office.phone, social.facebookId, social.twitterId, social.instagramId o custom.<nombre del atributo>.',
  'The activity contact must be email.emailAddress, home.phone, office.phone, social.facebookId, social.twitterId or social.instagramId (eGain does not accept mobile.phone here).':
    'El contacto de la actividad debe ser email.emailAddress, home.phone, office.phone, social.facebookId, social.twitterId o social.instagramId (eGain no acepta mobile.phone aquí).',
  'createCustomer is either left out or "yes".': 'createCustomer se omite o vale «yes».',
  'Give the custom attribute a value.': 'Dé un valor al atributo personalizado.',
  'Give at least one custom attribute, or leave customAttributes out.':
    'Indique al menos un atributo personalizado, u omita customAttributes.',
  'Enter a valid email address.': 'Escriba una dirección de correo electrónico válida.',
  'The phone type must be home, mobile, office, fax or pager.':
    'El tipo de teléfono debe ser home, mobile, office, fax o pager.',
  'The country code is a number of at most 9 digits.': 'El código de país es un número de como máximo 9 dígitos.',
  'The social type must be facebook, twitter or instagram.':
    'El tipo de red social debe ser facebook, twitter o instagram.',
  'A customer created here is always "individual".': 'Un cliente creado aquí es siempre «individual».',
  'Give the customer a contact.': 'Dé al cliente un contacto.',
  "Leave the department out of the customer; eGain uses the activity's department.":
    'Quite el departamento del cliente; eGain usa el departamento de la actividad.',
  'Name the user to assign by one of: id, login id, external id or a unique custom attribute.':
    'Indique el usuario al que asignar la tarea por uno de estos: id, id de inicio de sesión, id externo o un atributo personalizado único.',
  'Task content is either text or html.': 'El contenido de la tarea es text o html.',
  'Give the task content as a list.': 'Indique el contenido de la tarea como una lista.',
  'Give the task some content, or leave the payload out.': 'Dé algo de contenido a la tarea, u omita el payload.',
  'At most one text and one html content.': 'Como máximo un contenido text y uno html.',
  'Give at most one text and one html content.': 'Indique como máximo un contenido text y uno html.',
  'Give at least one attachment, or leave attachments out.': 'Indique al menos un adjunto, u omita attachments.',
  'Priority is a string from "1" to "7".': 'La prioridad es un texto de «1» a «7».',
  'The activity type must be "task".': 'El tipo de actividad debe ser «task».',
  'Give the due date as an ISO date and time with a time zone.':
    'Indique la fecha de vencimiento como fecha y hora ISO con zona horaria.',
  'The due date must be in the future.': 'La fecha de vencimiento debe estar en el futuro.',
  'Give the task a subject or some content (at least one of the two).':
    'Dé a la tarea un asunto o algo de contenido (al menos uno de los dos).',
  'The actor is either "client" or "user".': 'El actor es «client» o «user».',
  'When an application (not a user) creates the task, name the user to assign it to.':
    'Cuando la tarea la crea una aplicación (no un usuario), indique el usuario al que asignarla.',

  // shared/providers/aiccs/wire.ts
  'The start type is IMMEDIATE or SCHEDULE.': 'El tipo de inicio es IMMEDIATE o SCHEDULE.',
  'A call day is one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY.':
    'Un día de llamadas es uno de MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY o SUNDAY.',
  'A retry reason is one of CALL_REJECTED, USER_BUSY, SUSPEND, INVALID_NUMBER, POWERED_OFF, NETWORK_BUSY or NO_ANSWER.':
    'Un motivo de reintento es uno de CALL_REJECTED, USER_BUSY, SUSPEND, INVALID_NUMBER, POWERED_OFF, NETWORK_BUSY o NO_ANSWER.',
  'Write the time as HH:mm:ss.': 'Escriba la hora como HH:mm:ss.',
  'A call window is { startTime, endTime }, both HH:mm:ss.':
    'Una franja de llamadas es { startTime, endTime }, ambas en HH:mm:ss.',
  'The window must end after it starts.': 'La franja debe terminar después de empezar.',
  'The start time is a timestamp in milliseconds.': 'La hora de inicio es una marca de tiempo en milisegundos.',
  'Give the call windows as a list.': 'Indique las franjas de llamadas como una lista.',
  'Give at least one window in which calls may be made.': 'Indique al menos una franja en la que se pueda llamar.',
  'Give the call days as a list.': 'Indique los días de llamadas como una lista.',
  'Choose at least one day on which calls may be made.': 'Elija al menos un día en el que se pueda llamar.',
  'There are only 7 days.': 'Solo hay 7 días.',
  'Name each call day only once.': 'Indique cada día de llamadas una sola vez.',
  'MissCallRetry is true or false.': 'MissCallRetry es true o false.',
  'Give the retry reasons as a list.': 'Indique los motivos de reintento como una lista.',
  'There are only 7 retry reasons.': 'Solo hay 7 motivos de reintento.',
  'Give the CreateAiCallTask parameters.': 'Indique los parámetros de CreateAiCallTask.',
  'A scheduled task needs its start time.': 'Una tarea programada necesita su hora de inicio.',
  'The start time must be in the future.': 'La hora de inicio debe estar en el futuro.',
  'Give a start time only when the task is scheduled (StartType SCHEDULE).':
    'Indique una hora de inicio solo cuando la tarea esté programada (StartType SCHEDULE).',

  // shared/providers/voice-broadcast/wire.ts
  'A number to call is 7 to 15 digits: country code and number, no + or spaces.':
    'Un número al que llamar tiene de 7 a 15 dígitos: código de país y número, sin + ni espacios.',
  'Give the numbers to call as a list (numberList or numberInfoList).':
    'Indique los números a los que llamar como una lista (numberList o numberInfoList).',
  'Give at least one number to call.': 'Indique al menos un número al que llamar.',
  'Each entry is an object with a calleeNumber.': 'Cada entrada es un objeto con un calleeNumber.',
  'Write the time as HH:mm, e.g. 10:00.': 'Escriba la hora como HH:mm, por ejemplo 10:00.',
  'Choose a TTS language: VN, EN, JP, ARB, DE, IN (Hindi), IT, KR, RU, ES, PT, IDN, BD or TH.':
    'Elija un idioma de síntesis de voz: VN, EN, JP, ARB, DE, IN (hindi), IT, KR, RU, ES, PT, IDN, BD o TH.',
  'Write the send time as yyyy-MM-dd HH:mm:ss, e.g. 2026-07-01 09:30:00.':
    'Escriba la hora de envío como aaaa-MM-dd HH:mm:ss, por ejemplo 2026-07-01 09:30:00.',
  'The send time is not a real date.': 'La hora de envío no es una fecha real.',
  'A sending window is { strTime, endTime }, both HH:mm.':
    'Una franja de envío es { strTime, endTime }, ambas en HH:mm.',
  'The display number is digits only, at most 20.': 'El número mostrado solo admite dígitos, como máximo 20.',
  'The source is 1 (uploaded file), 2 (upload now) or 3 (text-to-speech).':
    'El origen es 1 (archivo subido), 2 (subirlo ahora) o 3 (síntesis de voz).',
  'Attach the voice file (base64).': 'Adjunte el archivo de voz (base64).',
  'The voice file must be base64 encoded.': 'El archivo de voz debe estar codificado en base64.',
  'The sender id is text.': 'El id de remitente es texto.',
  'The sender id can be at most 32 characters.': 'El id de remitente puede tener como máximo 32 caracteres.',
  'The feedback key is one digit, 0 to 9.': 'La tecla de respuesta es un dígito, de 0 a 9.',
  'Choose when the SMS is sent: after a successful call, a failed one, a ring or a key press.':
    'Elija cuándo se envía el SMS: después de una llamada contestada, de una fallida, de un timbrazo o al pulsar una tecla.',
  'The outbound control is 1 (proportional).': 'El control de salida es 1 (proporcional).',
  'The transfer condition is 1 (after the broadcast) or 2 (on a key press).':
    'La condición de transferencia es 1 (después de la difusión) o 2 (al pulsar una tecla).',
  'Give the sending windows as a list.': 'Indique las franjas de envío como una lista.',
  'Give the voice broadcast request as an object.': 'Indique la solicitud de difusión de voz como un objeto.',
  'Send either numberList or numberInfoList, not both.': 'Envíe numberList o numberInfoList, no los dos.',
}

// ——— the nouns the schemas' helpers fill in (`Enter the ${what}.`), with their article ———

const NOUNS: Record<string, string> = {
  'access token': 'el token de acceso',
  'activity type': 'el tipo de actividad',
  'agent group id': 'el id del grupo de agentes',
  'agent id': 'el id del agente',
  'API key': 'la clave de API',
  'API secret': 'el secreto de API',
  'AccessKey secret': 'el secreto de AccessKey',
  'area code': 'el prefijo de zona',
  assignment: 'la asignación',
  attachment: 'el adjunto',
  'attachment id (altId)': 'el id del adjunto (altId)',
  attachments: 'los adjuntos',
  'attribute value': 'el valor del atributo',
  'call windows': 'las franjas de llamadas',
  'callout rate': 'la tasa de llamadas salientes',
  case: 'el caso',
  'case id': 'el id del caso',
  'client id': 'el id de cliente',
  'client secret': 'el secreto de cliente',
  scope: 'el ámbito',
  'client token': 'el token de cliente',
  contact: 'el contacto',
  'contact flow id': 'el id del flujo de contacto',
  contacts: 'los contactos',
  'custom attribute': 'el atributo personalizado',
  'custom attribute name': 'el nombre del atributo personalizado',
  'custom attribute value': 'el valor del atributo personalizado',
  'custom attribute values': 'los valores del atributo personalizado',
  'custom attributes': 'los atributos personalizados',
  customer: 'el cliente',
  'customer contacts': 'los contactos del cliente',
  'customer lookup value': 'el valor por el que buscar al cliente',
  'customer name': 'el nombre del cliente',
  'customer type': 'el tipo de cliente',
  'delay before the success SMS (seconds)': 'el retraso antes del SMS de éxito (segundos)',
  department: 'el departamento',
  'department name': 'el nombre del departamento',
  description: 'la descripción',
  destination: 'el destino',
  'email addresses': 'las direcciones de correo electrónico',
  'email contact point': 'el punto de contacto de correo electrónico',
  'end time': 'la hora de fin',
  'entry point id': 'el id del punto de entrada',
  'entry points': 'los puntos de entrada',
  extension: 'la extensión',
  'first name': 'el nombre de pila',
  'instance id': 'el id de instancia',
  'last name': 'el apellido',
  'loop count': 'el número de repeticiones',
  'maximum call duration (seconds)': 'la duración máxima de la llamada (segundos)',
  'maximum ringing time (seconds)': 'el tiempo máximo de timbre (segundos)',
  'middle name': 'el segundo nombre',
  'number of retries': 'el número de reintentos',
  'OAuth client id': 'el id de cliente OAuth',
  'OAuth client secret': 'el secreto de cliente OAuth',
  'outdial ANI': 'el ANI de marcación',
  'outdial ANI (origin)': 'el ANI de marcación (origin)',
  'outdial ANIs': 'los ANI de marcación',
  payload: 'la carga útil (payload)',
  'phone contact point': 'el punto de contacto telefónico',
  'phone number': 'el número de teléfono',
  'phone numbers': 'los números de teléfono',
  'phone type': 'el tipo de teléfono',
  'previous contact id': 'el id del contacto anterior',
  profiles: 'los perfiles',
  'query parameters': 'los parámetros de consulta',
  'queue id': 'el id de la cola',
  'quick connect id': 'el id de la conexión rápida',
  'reference value': 'el valor de la referencia',
  'refresh token': 'el token de actualización',
  'related contact id': 'el id del contacto relacionado',
  request: 'la solicitud',
  'retry interval (minutes)': 'el intervalo entre reintentos (minutos)',
  'secret access key': 'la clave de acceso secreta',
  'segment attribute value': 'el valor del atributo de segmento',
  'sending windows': 'las franjas de envío',
  'SMS app id': 'el id de la aplicación de SMS',
  'SMS text': 'el texto del SMS',
  'social contact point': 'el punto de contacto de red social',
  'social id': 'el id de red social',
  'social ids': 'los ids de redes sociales',
  'social type': 'el tipo de red social',
  'start time': 'la hora de inicio',
  status: 'el estado',
  subject: 'el asunto',
  subtypes: 'los subtipos',
  task: 'la tarea',
  'task concurrency': 'la concurrencia de la tarea',
  'task content': 'el contenido de la tarea',
  'task name': 'el nombre de la tarea',
  'task payload': 'la carga útil de la tarea',
  'task subtype': 'el subtipo de tarea',
  'task template id': 'el id de la plantilla de tarea',
  'text to speak': 'el texto que se leerá',
  'transfer key': 'la tecla de transferencia',
  'upload name': 'el nombre del archivo subido',
  'user external id': 'el id externo del usuario',
  'user id': 'el id del usuario',
  'user login id': 'el id de inicio de sesión del usuario',
  'user to assign': 'el usuario al que asignar la tarea',
  values: 'los valores',
  'virtual number': 'el número virtual',
  'voice app id': 'el id de la aplicación de voz',
  'voice file id': 'el id del archivo de voz',
}

/** One contact point of a new eGain customer (`A new customer can have only one ${kind}.`). */
const CONTACT_POINTS: Record<string, string> = {
  'email address': 'una dirección de correo electrónico',
  'home phone number': 'un teléfono de casa',
  'mobile phone number': 'un teléfono móvil',
  'office phone number': 'un teléfono del trabajo',
  'facebook id': 'un id de Facebook',
  'twitter id': 'un id de Twitter',
  'instagram id': 'un id de Instagram',
}

const PROVIDERS: Record<string, string> = {
  webex: 'Webex',
  egain: 'eGain',
  connect: 'Amazon Connect',
  aiccs: 'AICCS',
  voice_broadcast: 'difusión de voz',
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
/** The noun with its article, capitalized to start a sentence when `start`. */
const noun = (english: string | undefined, start = false) => {
  const spanish = english === undefined ? undefined : NOUNS[english]
  return spanish === undefined ? undefined : start ? capitalize(spanish) : spanish
}
/** The noun without its article ("At most 50 entry points." → "50 puntos de entrada"). */
const bare = (english: string | undefined) => noun(english)?.replace(/^(el|la|los|las) /, '')
/** 200,000 → 200.000 */
const number = (text: string | undefined) => (text ?? '').replace(/,/g, '.')
const provider = (name: string | undefined) => (name === undefined ? undefined : PROVIDERS[name])

/** Fills `template`'s `{0}`, `{1}`… with `parts`, or gives undefined when one is missing. */
const fill = (template: string, ...parts: (string | undefined)[]) =>
  parts.some((p) => p === undefined) ? undefined : template.replace(/\{(\d)\}/g, (_, i: string) => parts[Number(i)]!)

// ——— templated messages (first match that translates wins) ———

const PATTERNS: Pattern[] = [
  // Numbers and names
  { pattern: /^At least (\d+) characters\.$/, es: (m) => `Al menos ${m[1]} caracteres.` },
  { pattern: /^At most (\d+) characters\.$/, es: (m) => `Como máximo ${m[1]} caracteres.` },
  { pattern: /^At most (\d+) bytes \(UTF-8\) per value\.$/, es: (m) => `Como máximo ${m[1]} bytes (UTF-8) por valor.` },
  {
    pattern: /^At most (\d+) attributes \((\d+) given\)\.$/,
    es: (m) => `Como máximo ${m[1]} atributos (hay ${m[2]}).`,
  },
  {
    pattern: /^At most (\d+) SIP headers \((\d+) given\)\.$/,
    es: (m) => `Como máximo ${m[1]} cabeceras SIP (hay ${m[2]}).`,
  },
  {
    pattern: /^At most ([\d,]+) numbers per task \(this list has ([\d,]+)\)\.$/,
    es: (m) => `Como máximo ${number(m[1])} números por tarea (esta lista tiene ${number(m[2])}).`,
  },
  { pattern: /^At most (\d+) (.+)\.$/, es: (m) => fill('Como máximo {0} {1}.', m[1], bare(m[2])) },
  {
    pattern: /^Attribute names take at most (\d+) bytes \(UTF-8\)\.$/,
    es: (m) => `Los nombres de los atributos ocupan como máximo ${m[1]} bytes (UTF-8).`,
  },
  {
    pattern: /^Attribute names take at most (\d+) characters\.$/,
    es: (m) => `Los nombres de los atributos tienen como máximo ${m[1]} caracteres.`,
  },
  {
    pattern: /^Reference names take at most (\d+) characters\.$/,
    es: (m) => `Los nombres de las referencias tienen como máximo ${m[1]} caracteres.`,
  },
  {
    pattern: /^Segment attribute names take at most (\d+) characters\.$/,
    es: (m) => `Los nombres de los atributos de segmento tienen como máximo ${m[1]} caracteres.`,
  },
  {
    pattern: /^Attributes take at most (\d+) bytes \(UTF-8, names and values together\); these take (\d+)\.$/,
    es: (m) =>
      `Los atributos ocupan como máximo ${m[1]} bytes (UTF-8, nombres y valores juntos); estos ocupan ${m[2]}.`,
  },
  {
    pattern: /^References take at most (\d+) bytes \(UTF-8, names and values together\); these take (\d+)\.$/,
    es: (m) =>
      `Las referencias ocupan como máximo ${m[1]} bytes (UTF-8, nombres y valores juntos); estas ocupan ${m[2]}.`,
  },
  {
    pattern: /^SIP headers take at most (\d+) bytes \(UTF-8, names and values together\); these take (\d+)\.$/,
    es: (m) =>
      `Las cabeceras SIP ocupan como máximo ${m[1]} bytes (UTF-8, nombres y valores juntos); estas ocupan ${m[2]}.`,
  },
  {
    pattern: /^Schedule the callback at most (\d+) days ahead\.$/,
    es: (m) => `Programe la devolución como mucho con ${m[1]} días de antelación.`,
  },
  { pattern: /^Start at least (\d+) minutes from now\.$/, es: (m) => `Empiece como mínimo dentro de ${m[1]} minutos.` },
  {
    pattern: /^End at least (\d+) minutes after the start, on the same day\.$/,
    es: (m) => `Termine al menos ${m[1]} minutos después del inicio, el mismo día.`,
  },
  {
    pattern: /^End at most (\d+) hours after the start\.$/,
    es: (m) => `Termine como máximo ${m[1]} horas después del inicio.`,
  },
  { pattern: /^That date has passed in (.+)\.$/, es: (m) => `Esa fecha ya ha pasado en ${m[1]}.` },
  {
    pattern: /^That time does not exist in (.+) on that date \(the clocks change\)\.$/,
    es: (m) => `Esa hora no existe en ${m[1]} en esa fecha (cambio de hora).`,
  },
  {
    pattern: /^([\d,]+) numbers are invalid in all; only the first (\d+) are listed\.$/,
    es: (m) => `Hay ${number(m[1])} números no válidos en total; solo se muestran los ${m[2]} primeros.`,
  },
  {
    pattern: /^([\d,]+) entries are invalid in all; only the first (\d+) are listed\.$/,
    es: (m) => `Hay ${number(m[1])} entradas no válidas en total; solo se muestran las ${m[2]} primeras.`,
  },
  {
    pattern: /^(\w+) is text of at most (\d+) characters\.$/,
    es: (m) => `${m[1]} es un texto de como máximo ${m[2]} caracteres.`,
  },
  {
    pattern: /^Unknown field (.+): use calleeNumber and text1 to text5\.$/,
    es: (m) => `Campo desconocido ${m[1]}: use calleeNumber y de text1 a text5.`,
  },
  { pattern: /^(\w+) is 0 \(no\) or 1 \(yes\)\.$/, es: (m) => `${m[1]} es 0 (no) o 1 (sí).` },
  {
    pattern: /^(\w+) is required when (\w+) is (\d+)\.$/,
    es: (m) => `${m[1]} es obligatorio cuando ${m[2]} es ${m[3]}.`,
  },
  { pattern: /^Accept-Language must be one of (.+)\.$/, es: (m) => `Accept-Language debe ser uno de estos: ${m[1]}.` },
  {
    pattern: /^CreateAiCallTask has no parameter (.+)\.$/,
    es: (m) => `Parámetro no admitido en CreateAiCallTask: ${m[1]}.`,
  },
  {
    pattern: /^The voice broadcast request has no field (.+)\.$/,
    es: (m) => `Campo no admitido en la solicitud de difusión de voz: ${m[1]}.`,
  },
  {
    pattern: /^The customer must include the (.+) named by (\w+)\.$/,
    es: (m) => `El cliente debe incluir el ${m[1]} que indica ${m[2]}.`,
  },
  {
    pattern: /^A new customer can have only one (.+)\.$/,
    es: (m) => fill('Un cliente nuevo solo puede tener {0}.', CONTACT_POINTS[m[1]!]),
  },
  {
    pattern: /^Name the user by only one of id, login id, external id or custom attribute \(got (.+)\)\.$/,
    es: (m) =>
      `Indique el usuario por uno solo de estos: id, id de inicio de sesión, id externo o atributo personalizado (se indicaron ${m[1]}).`,
  },
  {
    pattern: /^"(.+)" is not a key or modifier Electron knows\.$/,
    es: (m) => `«${m[1]}» no es una tecla ni un modificador que Electron conozca.`,
  },
  {
    pattern: /^(.+) is used by the desktop or everyday editing; choose another\.$/,
    es: (m) => `${m[1]} ya lo usa el escritorio o la edición habitual; elija otro.`,
  },
  {
    pattern: /^These are (\w+) credentials, but "(.*)" is a (\w+) profile\.$/,
    es: (m) =>
      fill('Estas credenciales son de {0}, pero «{1}» es un perfil de {2}.', provider(m[1]), m[2], provider(m[3])),
  },
  {
    pattern: /^This is a (\w+) profile; the task needs a (\w+) profile\.$/,
    es: (m) => fill('Este es un perfil de {0}; la tarea necesita un perfil de {1}.', provider(m[1]), provider(m[2])),
  },

  // The helpers' nouns
  {
    pattern: /^Enter the (.+) as HH:mm:ss \(24-hour clock\)\.$/,
    es: (m) => fill('Introduzca {0} como HH:mm:ss (reloj de 24 horas).', noun(m[1])),
  },
  { pattern: /^Enter the (.+)\.$/, es: (m) => fill('Introduzca {0}.', noun(m[1])) },
  { pattern: /^The (.+) (?:must be|is) text\.$/, es: (m) => fill('{0} debe ser texto.', noun(m[1], true)) },
  {
    pattern: /^The (.+) can be at most (\d+) characters\.$/,
    es: (m) => fill('{0} puede tener como máximo {1} caracteres.', noun(m[1], true), m[2]),
  },
  {
    pattern: /^The (.+) must be at least (\d+) characters\.$/,
    es: (m) => fill('{0} debe tener al menos {1} caracteres.', noun(m[1], true), m[2]),
  },
  {
    pattern: /^The (.+) must be a whole number\.$/,
    es: (m) => fill('{0} debe ser un número entero.', noun(m[1], true)),
  },
  {
    pattern: /^The (.+) must be at least (\d+)\.$/,
    es: (m) => fill('{0} debe ser como mínimo {1}.', noun(m[1], true), m[2]),
  },
  {
    pattern: /^The (.+) can be at most (\d+)\.$/,
    es: (m) => fill('{0} puede ser como máximo {1}.', noun(m[1], true), m[2]),
  },
  {
    pattern: /^The (.+) starts or ends with a space; check the paste\.$/,
    es: (m) => fill('{0} empieza o termina con un espacio; revise lo que ha pegado.', noun(m[1], true)),
  },
  { pattern: /^Give the (.+) as a list\.$/, es: (m) => fill('Indique {0} como una lista.', noun(m[1])) },
  { pattern: /^Give the (.+)\.$/, es: (m) => fill('Indique {0}.', noun(m[1])) },
  {
    pattern: /^eGain does not accept (.+) in the (.+)\.$/,
    es: (m) => fill('eGain no acepta {0} en {1}.', m[1], noun(m[2])),
  },

  // Main's wrapper around a schema issue (electron/main/ipc/dispatch.ts): the issue inside is translated.
  {
    pattern: /^Invalid input for ([\w:.-]+): ((?:[\w.]+: )?)(.+)$/s,
    es: (m) => `Datos no válidos para ${m[1]}: ${m[2]}${localizeSchemaMessage(m[3]!, 'es')}`,
  },
]

/**
 * A schema message in the UI's language: English as it is; Spanish from the catalogue, or the
 * English message when the catalogue does not know it (a message from elsewhere passes through).
 */
export function localizeSchemaMessage(message: string, language: Language): string {
  if (language === 'en') return message
  const exact = EXACT[message]
  if (exact !== undefined) return exact
  for (const { pattern, es } of PATTERNS) {
    const match = pattern.exec(message)
    const spanish = match && es(match)
    if (spanish) return spanish
  }
  return message
}
