// Every sentence main says to the agent, in English: the source of the message keys (message.ts).
// The window merges this catalogue into its own (vue-i18n renders it there); main renders it itself
// for notifications and the log (render-message.ts). Placeholders are `{name}` only, and a text
// holds no `@`, `|`, `{`/`}` of its own: both renderers read it alike (tests/shared/catalogues.test.ts).
// Product names (Webex, eGain, Amazon Connect, AICCS) travel as parameters, never translated.

import { schemaEn } from './schema-en'

export const en = {
  /** The shared schemas' validation messages (schema-en.ts). */
  schema: schemaEn,
  /** What an older version kept as an English sentence, shown as it is. */
  asIs: '{text}',
  /** A point in time (format-instant.ts): the renderers write it the language's way. */
  instant: '{iso}',
  /** Things a sentence names, in the words the sentences around them need. */
  thing: {
    task: 'task',
    scheduledCallback: 'scheduled callback',
  },
  detail: {
    invalid: 'invalid',
    noAnswer: 'no answer in time',
    unknownError: 'unknown error',
  },
  networkProblem: {
    certificate_untrusted:
      "Your network presents a certificate this computer does not trust ({detail}), so nothing was sent. If your organization inspects secure connections, IT must install its certificate in this computer's trusted certificates. The task goes once it is trusted: press Retry now, or it is tried again in a few minutes.",
    proxy_auth:
      "Your network's proxy asked for a user name and password and did not accept Callboard's (HTTP {status}), so nothing was sent. Enter the user name and password IT gave you under Settings, Proxy sign-in (the task is tried again as soon as they are saved), or IT must let Callboard through.",
    proxy_refused:
      "Your network's proxy refused the connection to the provider (HTTP {status}), so nothing was sent. IT must allow the provider's address through the proxy. The task goes once that is done: press Retry now, or it is tried again in a few minutes.",
  },
  credentials: {
    connect: {
      ssoSignIn: 'This profile signs in with IAM Identity Center: sign in.',
      portalRefused: 'The AWS access portal no longer accepts your IAM Identity Center sign-in. Sign in again.',
      roleUnavailable: 'IAM Identity Center could not give the role’s credentials right now.',
      roleRefused:
        'IAM Identity Center refused the role’s credentials: check the account and role in the profile, or sign in again.',
      awsProfileEmptyHint:
        'The profile “{name}” of this computer’s AWS configuration gave no credentials. Check ~/.aws/config (for an SSO profile, run “aws sso login”).',
      awsProfileEmpty: 'The profile “{name}” of this computer’s AWS configuration gave no credentials.',
      unreachable: 'IAM Identity Center could not be reached ({detail}).',
      accessKeyMissing: 'This profile uses an access key: enter it in Profiles.',
      signInEnded: 'Your IAM Identity Center sign-in for this profile has ended. Sign in again.',
      noRole:
        'Your IAM Identity Center sign-in gives you no AWS account and role that fit this profile. Ask your administrator to assign you one.',
      manyRoles:
        'Your IAM Identity Center sign-in gives you {count} accounts and roles: choose the account and role in the profile.',
      noRoleCredentials: 'The AWS access portal answered without the role’s credentials. Sign in again.',
      nothingSent: '{problem} Nothing was sent to Amazon Connect.',
    },
    aiccs: {
      stsUnreachable: 'Alibaba Cloud STS could not be reached ({detail}).',
      stsUnavailable: 'Alibaba Cloud STS could not assume the role right now.',
      stsRefused:
        'Alibaba Cloud STS refused to assume the RAM role with this AccessKey. Check the AccessKey and the role ARN.',
      noPermission:
        'The AccessKey may not assume the RAM role (sts:AssumeRole), or the role does not trust its account. Ask your administrator.',
      roleNotFound: 'Alibaba Cloud has no RAM role with this ARN. Check the role ARN in the profile.',
      roleArnInvalid: 'Alibaba Cloud does not accept the role ARN. Check it in the profile.',
      noRoleCredentials: 'Alibaba Cloud STS answered without the role’s credentials.',
      nothingSent: '{problem} Nothing was sent to AICCS.',
    },
  },
  sendOutcome: {
    unreachable: '{provider} could not be reached ({detail}).',
    rateLimited: '{provider} is limiting how many requests can be sent; trying again after its wait.',
    gaveUp408: '{provider} gave up waiting for the request (408); nothing was created.',
    unavailable: '{provider} is unavailable right now (HTTP {status}).',
    refusedStatus: '{provider} refused the {what} (HTTP {status}).',
    refusedInvalid: '{provider} refused the {what} as invalid.',
    refusedConflict: '{provider} refused the {what} as a conflict with an existing one.',
    notProcessed: '{provider} could not process the {what}.',
    sentNoAnswerTimedOut:
      'The {what} was sent to {provider} but no answer came back in time, so it may or may not have been created. {provider} cannot tell a repeat from a new request: check {provider} before sending it again.',
    sentNoAnswerBroken:
      'The {what} was sent to {provider} but the connection broke before the answer ({code}), so it may or may not have been created. {provider} cannot tell a repeat from a new request: check {provider} before sending it again.',
    acceptedNoId:
      '{provider} accepted the {what} (HTTP {status}) but its answer had no id, so it was probably created. Check {provider} before sending it again.',
    failedWhileHandling:
      '{provider} failed while handling the {what} (HTTP {status}), so it may or may not have been created. Check {provider} before sending it again.',
    token: {
      unavailable: '{provider} could not issue an access token right now (HTTP {status}); nothing was sent.',
      noEndpoint:
        '{provider} has no token endpoint at the address in the profile (HTTP {status}); nothing was sent. Check that address in the profile.',
      notObtained: 'No {provider} access token could be obtained ({detail}); nothing was sent.',
    },
    webex: {
      tokenRefusedOauth:
        'Webex refused the access token, even a freshly refreshed one. Sign in to Webex again for this profile.',
      tokenRefusedPasted:
        'Webex refused the access token (expired or revoked). Paste a new access token for this profile.',
      forbidden:
        'Webex refused to create the {what}: the signed-in user is not allowed to. The token needs the cjp:user scope, and the user must be a Contact Center agent in this organization.',
      notFound:
        "Webex has no such endpoint or resource (404). Check the profile's data center or base URL, and its ids.",
      clientRefused:
        'Webex refused the OAuth client or refresh token. Check the client id and secret, or sign in again for a new refresh token.',
      signInRefused: 'Webex no longer renews this sign-in (it expired or was revoked). Sign in with Webex again.',
    },
    egain: {
      tokenRefused:
        'eGain refused the access token, even a freshly issued one. Check the client application (and user) in the eGain administration console, then test the profile again.',
      forbidden:
        'eGain refused to create the task: the caller lacks permission. The client application needs the app.core.casemgr.manage scope (a user needs core.casemgr.manage), "Create" permission on activities and access to the department; assigning to another user needs the transfer permission.',
      notFound:
        "eGain has no such endpoint or resource (404). Check the profile's API base URL (the Domain URL in the client application's metadata).",
      notAcceptable: 'eGain cannot answer in the requested format or language (406).',
      acceptedNoId:
        'eGain accepted the task (HTTP {status}) but its answer named no activity (no Location, no id), so it was probably created. Check eGain before sending it again.',
      clientRefused:
        'eGain refused the client id or secret (or the scope, or the user it acts for). Fix them in the profile settings.',
    },
    connect: {
      invalidParameter: 'Amazon Connect refused the task: one of its fields is not valid.',
      invalidRequest: 'Amazon Connect refused the task as an invalid request.',
      notFound:
        'Amazon Connect could not find the instance, contact flow, quick connect or task template this task names. Check the profile’s instance id and region, and the flow chosen.',
      quotaExceeded:
        'Amazon Connect refused the task: a service quota is exhausted (too many open tasks on the instance, or 12 tasks already linked to the same previous contact).',
      acceptedNoId:
        'Amazon Connect accepted the task (HTTP {status}) but its answer had no ContactId; asking again with the same token.',
      unreachable:
        'Amazon Connect could not be reached or did not answer ({detail}). The task is sent again with the same ClientToken, so it cannot be created twice.',
      throttled: 'Amazon Connect is throttling requests for this account right now; trying again after a wait.',
      notPermitted:
        'The AWS credentials are valid but not allowed to create tasks: their IAM policy needs connect:StartTaskContact on this instance and its flows. Fix the policy or use other keys for this profile.',
      clockRefused: "AWS refused the request's time stamp: check this computer's clock and time zone.",
      sessionExpired:
        'The temporary AWS credentials (session token) have expired. Sign in again, or enter new credentials for this profile.',
      keysRefused:
        'AWS refused the access key id or the secret access key (or the session token). Enter the credentials for this profile again.',
      serverError:
        'Amazon Connect could not handle the task right now (HTTP {status}). It is sent again with the same ClientToken, so it cannot be created twice.',
      unreadable: "Amazon Connect's answer (HTTP {status}) could not be read; asking again with the same ClientToken.",
    },
    aiccs: {
      unreachableNothingSent:
        'Alibaba Cloud AICCS could not be reached ({detail}), so nothing was sent; it is tried again.',
      unreachable:
        'Alibaba Cloud AICCS could not be reached or did not answer ({detail}). It is sent again under the same task name, so AICCS cannot create it twice.',
      notJsonStatus:
        'Alibaba Cloud AICCS answered (HTTP {status}) with something other than its JSON. It is sent again under the same task name, so AICCS cannot create it twice.',
      acceptedNoId:
        'Alibaba Cloud AICCS accepted the task (HTTP {status}) but its answer had no readable task id. It is sent again under the same task name, so AICCS cannot create it twice.',
      notConfirmed:
        'Alibaba Cloud AICCS answered OK but did not confirm that the task was created. Check Call Task Management in the AICCS console for this task’s name before sending it again.',
      duplicateNoId:
        'AICCS already has a call task with this task’s name, almost certainly created by an earlier attempt whose answer was lost, but it did not say which task id it has. Check Call Task Management in the AICCS console for this task’s name before doing anything else; do not send it as a new task.',
      duplicateNotListed:
        'AICCS already has a call task with this task’s name, almost certainly created by an earlier attempt whose answer was lost, but its task list shows no task of that name. Check Call Task Management in the AICCS console for this task’s name before doing anything else; do not send it as a new task.',
      duplicateUnchecked:
        'AICCS already has a call task with this task’s name, almost certainly created by an earlier attempt whose answer was lost, but which task it is could not be checked ({detail}). Check Call Task Management in the AICCS console for this task’s name before doing anything else; do not send it as a new task.',
      notPermitted:
        'The AccessKey is valid, but its RAM user or role may not create AICCS call tasks (aiccs:CreateAiCallTask). Fix the policy or use another AccessKey for this profile.',
      keysRefused:
        'Alibaba Cloud refused the AccessKey id or the AccessKey secret. Enter the credentials for this profile again.',
      clockRefused: "Alibaba Cloud refused the request's time stamp: check this computer's clock and time zone.",
      throttled: 'Alibaba Cloud is throttling requests for this account right now; trying again after a wait.',
      serverError:
        'Alibaba Cloud AICCS could not handle the task right now (HTTP {status}). It is sent again under the same task name, so AICCS cannot create it twice.',
      serverErrorCode:
        'Alibaba Cloud AICCS could not handle the task right now (HTTP {status}, {code}). It is sent again under the same task name, so AICCS cannot create it twice.',
      missingParameter: 'Alibaba Cloud AICCS refused the task (a required parameter is missing).',
      invalidParameter: 'Alibaba Cloud AICCS refused the task (one of its parameters is not valid).',
      notCreated: 'Alibaba Cloud AICCS refused the task (it did not create the task).',
      refusedStatus: 'Alibaba Cloud AICCS refused the task (HTTP {status}).',
      noTaskName: 'The task was not sent: its idempotency key cannot form an AICCS task name.',
    },
    aiccsList: {
      notJson: 'the task list answer was not JSON',
      answered: 'the task list answered {code}',
      noCode: 'the task list answered without a code',
      noId: 'the task list gave the task without a readable id',
      several: 'the task list holds more than one task of this name',
      morePages: 'the task list had more matches than one page',
      unreadable: 'the task list could not be read ({code})',
      unreadableNoAnswer: 'the task list could not be read (no answer in time)',
    },
    voice: {
      unreachable:
        'The voice-broadcast platform could not be reached ({detail}). The task name {taskName} is unique on the account, so sending again cannot create a second broadcast.',
      noAnswer:
        'The voice-broadcast platform did not answer ({detail}). The task name {taskName} is unique on the account, so sending again cannot create a second broadcast.',
      limiting: 'The voice-broadcast platform is limiting requests right now; trying again after a wait.',
      serverError:
        'The voice-broadcast platform could not handle the task right now (HTTP {status}). The task name {taskName} is unique on the account, so sending again cannot create a second broadcast.',
      systemError:
        'The voice-broadcast platform had a system error. The task name {taskName} is unique on the account, so sending again cannot create a second broadcast.',
      refusedRequest:
        "The voice-broadcast platform refused the request (HTTP {status}): check the API key and secret, and that this computer's IP address is allowed.",
      nothingAtBaseUrl:
        "Nothing answers at this profile's base URL: check it (for example https://api.itniotech.com or https://api.laaffic.com/v3).",
      refusedStatus: 'The voice-broadcast platform refused the task (HTTP {status}).',
      refusedCode: 'The voice-broadcast platform refused the task (code {code}).',
      unrecognised:
        "The voice-broadcast platform answered HTTP {status} with something Callboard does not recognise, so it is not known whether task {taskName} was created. Check the platform's task list before sending it again.",
      exists:
        "The voice-broadcast platform says the data already exists: task {taskName} was most likely created by an earlier attempt whose answer was lost. Check the platform's task list for it; do not submit it again as a new task.",
      keysRefused: 'The voice-broadcast platform refused the API key or secret. Enter them again for this profile.',
      ipRefused:
        "The voice-broadcast platform refused this computer's IP address: add it to the account's IP allow-list, then send again.",
      clockWrong:
        "The voice-broadcast platform says the request's timestamp expired: this computer's clock is probably wrong. The timestamp is made afresh on the next attempt.",
      balance: 'The voice-broadcast account has insufficient balance: top it up, then submit the task again.',
      validation: 'The voice-broadcast platform refused the task: its data did not pass validation.',
      parameter: 'The voice-broadcast platform refused the task: a parameter is wrong.',
      dataCap: 'The voice-broadcast account has reached its data cap: raise it or wait, then submit the task again.',
      missingReference:
        'The voice-broadcast platform refused the task: something it refers to (e.g. the voice file) does not exist.',
      tariff: 'The voice-broadcast platform could not look up the call rate (tariff) for this task.',
      noNumbers: 'The voice-broadcast platform refused the task: no callable numbers are left.',
      wrong: 'The voice-broadcast platform refused the task as wrong.',
      listShape:
        "The voice broadcast was not sent: this profile's platform expects the numbers as {expected}, but the task gives them as {given}. Change the task, or the profile's number list format.",
    },
    /** Said by Callboard itself, before or instead of a provider. */
    local: {
      noProfile: 'Its profile cannot be found; it waits for it.',
      notSent: 'The task was not sent: {why}',
      notSentAt: 'The task was not sent ({field}): {why}',
      otherProviderSecret: 'The task was not sent: its credentials are of another provider.',
      noCredentials: 'No credentials are stored for {profile}. Add them in Profiles, then send the task again.',
      deadlineWhilePreparing: 'Its deadline passed while the request was being prepared, so it was not sent.',
      markedDone: 'Marked as done by the agent after checking the provider.',
      lostChange:
        'Part of the history of this task was lost with a damaged queue file, so it may already have been created. Check the provider before sending it again.',
      stoppedWhileSending:
        'Callboard stopped while this task was being sent, so it may or may not have been created. Check the provider before sending it again.',
    },
    held: {
      noProfile:
        'Its profile cannot be found (the settings may have been damaged or the profile set aside). It is kept, unsent, and goes on by itself once the profile is back.',
      profileChanged:
        'Its profile no longer allows this task ({why}). Put the profile back as it was, or cancel the task; it goes on by itself once the profile allows it.',
      clockMovedBack:
        "This computer's clock now reads earlier than when this task was queued ({queuedAt}), so how long it has waited cannot be told. Check the clock, then send it or cancel it.",
    },
    keychain: {
      locked:
        'The keychain is locked, so the credentials for {profile} cannot be read; nothing was sent. The task goes as soon as the keychain works again.',
      unavailable:
        'The keychain is unavailable, so the credentials for {profile} cannot be read; nothing was sent. The task goes as soon as the keychain works again.',
      tokenLocked:
        'The keychain is locked, so the access token for {profile} cannot be read; nothing was sent. The task goes as soon as the keychain works again.',
      tokenUnavailable:
        'The keychain is unavailable, so the access token for {profile} cannot be read; nothing was sent. The task goes as soon as the keychain works again.',
    },
  },
  deadline: {
    outdial: 'An outdial is not placed more than {minutes} minutes after it was asked for.',
    callbackNow: 'An immediate callback is not placed more than {hours} hours after it was asked for.',
    followUp: 'A follow-up is not created more than a week after it was asked for.',
    broadcastNow: 'A broadcast that starts now is not started more than {hours} hours after it was asked for.',
    webexScheduled: 'Webex takes a scheduled callback only {minutes} minutes or more before its window starts.',
    connectScheduled: 'Amazon Connect takes a scheduled task only while its time is in the future.',
    connectResend: 'Amazon Connect recognises a resend only for a limited time.',
    egainDue: 'eGain takes a task only while its due date is in the future.',
    aiccsStart: 'The AI call task must reach Alibaba Cloud before its start time.',
  },
  /** What "Test connection" found, in words for the agent. */
  probe: {
    didNotAnswer: '{where} did not answer in time.',
    unreachable: '{where} could not be reached ({detail}).',
    failed: 'The connection test failed unexpectedly; details are in the log.',
    keychainLocked: 'The keychain is locked: {detail}',
    keychainUnavailable: 'The keychain is unavailable: {detail}',
    noCredentials: "Store this profile's credentials first, then test the connection.",
    otherProvider: 'These credentials are for another provider.',
    where: {
      webexIdentity: 'Webex identity',
      webex: 'Webex',
      voice: 'The voice-broadcast API',
      egainTokenUrl: 'The eGain token URL',
      aiccsEndpoint: 'The AICCS endpoint {endpoint}',
      connectEndpoint: 'The Amazon Connect endpoint {endpoint}',
      connectRegion: 'Amazon Connect in {region}',
    },
    webex: {
      noTokenEndpoint:
        "Webex identity has no token endpoint at {identity} (HTTP 404). Check the profile's sign-in address, or leave it empty for Webex's own.",
      refreshUnavailable: 'Webex could not refresh the access token right now.',
      clientRefused:
        'Webex refused the OAuth client or refresh token. Check the client id and secret, or sign in again for a new refresh token.',
      signedIn: 'Signed in to Webex.',
      signedInAs: 'Signed in to Webex as {name}.',
      tokenRefused: 'Webex refused the access token (expired or revoked). Paste a new one.',
      forbidden: 'Webex accepted the token but refused access; the token needs the cjp:user scope.',
      noPeopleApi:
        "Webex identity has no people API at {identity} (HTTP 404). Check the profile's sign-in address, or leave it empty for Webex's own.",
      answered: 'Webex answered {status}.',
      refreshedRefused: 'Webex refused a freshly refreshed token. Sign in again for a new refresh token.',
    },
    egain: {
      issued: 'eGain issued an access token for client {client} (valid for about {minutes} minutes).',
      unavailable: 'eGain could not issue a token right now.',
      userRefused: 'eGain refused the client, the scope, or the user it acts for.',
      clientRefused: 'eGain refused the client id or client secret (or the scope).',
    },
    connect: {
      clockRefused: "AWS refused the request's time stamp: check this computer's clock and time zone.",
      keysRefused: 'AWS refused the access key id or the secret access key (or the session token).',
      notPermitted:
        'The AWS credentials are valid but lack connect:DescribeInstance; sending tasks also needs connect:StartTaskContact.',
      noInstance: 'Amazon Connect has no instance {instance} in {region}: check the instance id and region.',
      refused: 'AWS refused the credentials.',
      unavailable: 'Amazon Connect could not answer right now.',
      unexpected: 'Amazon Connect gave an unexpected answer.',
      signedInAlias: 'Signed in to Amazon Connect instance “{alias}” in {region}.',
      signedIn: 'Signed in to Amazon Connect instance {instance} in {region}.',
    },
    aiccs: {
      signedIn:
        'Signed in to Alibaba Cloud: the account accepted the request signature (the AICCS permission itself is checked when a task is sent).',
      keysRefused: 'Alibaba Cloud refused the AccessKey id or the AccessKey secret.',
      clockRefused: "Alibaba Cloud refused the request's time stamp: check this computer's clock.",
      notPermitted: 'The AccessKey is valid, but its RAM user or role may not call AICCS CreateAiCallTask.',
      unavailable: 'Alibaba Cloud AICCS could not answer right now.',
      unexpected: 'Alibaba Cloud AICCS gave an unexpected answer.',
      notJson: "{where} answered with something other than Alibaba Cloud's JSON.",
    },
    voice: {
      nothingAtBaseUrl:
        'Nothing answers at that base URL; check it (for example https://api.itniotech.com or https://api.laaffic.com/v3).',
      unrecognised: 'The voice-broadcast API answered {status} with something Callboard does not recognise.',
      accepted: 'The voice-broadcast platform accepted the API key and signature.',
      keysRefused: 'The platform refused the API key or secret.',
      ipRefused: "The platform refused this computer's IP address; add it to the account's IP allow-list.",
      clockWrong: "The platform says the request's timestamp has expired: this computer's clock is probably wrong.",
      error: 'The platform answered with an error.',
    },
    /** The provider asked to wait (429, 503, a throttling code): not a verdict on the credentials. */
    askedToWait: '{where} asked to wait (HTTP {status}): it is busy or limiting requests. Try again in {seconds} s.',
    busy: '{where} is busy or limiting requests (HTTP {status}). Try again in a little while.',
  },
  /** Why a global shortcut was not set. */
  shortcut: {
    empty: 'Enter a shortcut, such as CommandOrControl+Alt+D.',
    unknown_part: '"{part}" is not a key or modifier Electron knows.',
    no_key: 'A shortcut needs a key besides its modifiers.',
    two_keys: 'A shortcut has one key (plus modifiers).',
    needs_modifier: 'Add Ctrl/Cmd, Alt or Super: a global shortcut without one would fire while typing.',
    reserved: '{chord} is used by the desktop or everyday editing; choose another.',
    taken: '{accelerator} is already used by another application. Choose another shortcut in Settings.',
  },
  /** A task's state, inside a sentence. */
  entryState: {
    queued: 'queued',
    sending: 'being sent',
    sent: 'sent',
    rejected: 'refused',
    expired: 'expired',
    needs_auth: 'needs sign-in',
    needs_review: 'needs review',
    held: 'held',
    cancelled: 'cancelled',
  },
  /** The tray icon's menu and tooltip, worded by main in the agent's language. */
  tray: {
    quickEntry: 'Quick entry…',
    quickCallback: 'Quick callback…',
    open: 'Open Callboard',
    stopped: 'Task queue stopped: open Callboard to see why',
    waiting: 'Waiting: {count}',
    attention: 'Needs attention: {count}',
    pause: 'Pause sending',
    resume: 'Resume sending',
    quit: 'Quit Callboard',
    tooltip: {
      online: 'Callboard',
      offline: 'Callboard: a provider cannot be reached',
      waiting: 'Callboard: {count} waiting',
      attentionOne: 'Callboard: 1 needs you',
      attentionMany: 'Callboard: {count} need you',
      stopped: 'Callboard: the task queue is stopped (its disk refuses writes)',
      paused: '{tooltip} (sending paused)',
    },
  },
  /** OS notifications, shown by main in the agent's language. */
  notice: {
    signInAgain: { title: 'Callboard: sign in again', body: '{what} is waiting. {why}' },
    needsReview: { title: 'Callboard: a task needs your review', body: '{what}: {why}' },
    expired: { title: 'Callboard: a task expired unsent', body: '{what}: {why}' },
    refused: { title: 'Callboard: a task was refused', body: '{what}: {why}' },
    held: { title: 'Callboard: a task is held', body: '{what}: {why}' },
    expiring: { title: 'Callboard: a task will expire unsent', body: '{what} expires at {until}. {why}' },
    more: {
      one: '1 more task like this: see the queue in Callboard.',
      many: '{n} more tasks like this: see the queue in Callboard.',
    },
    queueStopped: 'Callboard: the task queue is stopped',
    nothingToDial: 'Callboard: nothing to dial',
    dialling: { title: 'Callboard: dialling', body: '{number} on {profile}' },
    couldNotDial: 'Callboard: could not dial',
    shortcutNotSet: 'Callboard: shortcut not set',
    startAtSignIn: 'Callboard: start at sign-in',
    expiringWhy: {
      held: 'It is held.',
      needsAuth: 'Its profile needs you to sign in again.',
      behind: 'It waits behind an earlier task for the same customer ({subject}, {state}).',
      paused: 'Sending is paused.',
    },
    startAtSignInPercent:
      'Callboard cannot start at sign-in from a folder whose path holds a % sign ({path}). Move it to another folder and turn the setting on again.',
    startAtSignInAdd: 'Callboard could not add itself to the programs that start at sign-in: {detail}',
    startAtSignInRemove: 'Callboard could not remove itself from the programs that start at sign-in: {detail}',
  },
  /** Why a call from the window was refused (the `message` of an IPC `Result` error). */
  failure: {
    forbiddenSender: 'This window is not allowed to talk to Callboard.',
    tooManyArguments: '{channel} takes at most one argument.',
    unknownChannel: 'There is no channel named "{channel}".',
    unreadableInput: 'The input could not be read.',
    inputTooLarge: 'The input is too large (more than {bytes} bytes).',
    invalidInput: 'Invalid input for {channel}: {problem}',
    invalidInputAt: 'Invalid input for {channel}: {where}: {problem}',
    unexpected: 'Callboard hit an unexpected error in {channel}. Details are in the log.',
    outputMismatch: 'The answer to {channel} did not match the contract. Details are in the log.',
    profileGone: 'That profile no longer exists.',
    profileGoneReload: 'That profile no longer exists. Reload the list of profiles.',
    profileGoneRemoved: 'That profile no longer exists; it may have been removed.',
    sandboxBuiltIn: 'Sandbox profiles are built in: their {what} cannot be changed.',
    sandboxPart: { settings: 'settings', credentials: 'credentials' },
    /** A shared schema's own words (the window translates them as it does on the form's fields). */
    noUpdateReady: 'No update is ready to install yet.',
    noIdentityProvider: 'This profile does not sign in through its identity provider.',
    noClientId:
      'The profile has no client id for signing in. Enter the integration’s client id in the profile (your administrator has it).',
    settingsUnsaved: 'Settings cannot be saved: {reason}',
    managedSetting: 'Managed by your organization.',
    managedSettings: 'Managed by your organization: {keys} cannot be changed here.',
    managedProfile: 'This profile is provided by your organization: it cannot be changed or removed here.',
    providerNotAllowed: 'Your organization does not allow adding {provider} profiles.',
    providerChange: 'A profile cannot change provider. Add a new profile instead.',
    labelTaken: 'There is already a {provider} profile called "{label}".',
    credentialsMismatch: 'These credentials do not fit this profile.',
    listNotOffered: 'This profile’s provider does not offer that list.',
    queueNotRunning: 'The task queue is not running.',
    recordNotJson: 'it is not JSON data',
    recordNotSerializable: 'it cannot be serialized ({detail})',
    unstorableIssue: '{path}: {reason}',
    taskNotStorable: 'This task could not be stored as it is ({what}); nothing was queued.',
    queueRefusedChange: 'The queue refused a change: {problem}',
    taskGone: 'That task is no longer in the queue.',
    tooLate: 'This task is already too late to send: {reason}',
    heldForProfile:
      'This task waits for its profile, which cannot be found. Restore or repair the profile in Profiles; the task then goes on by itself.',
    cannotRetry: 'A task that is {state} cannot be retried.',
    sendingNow: 'This task is being sent right now; it cannot be cancelled.',
    cannotCancel: 'A task that is {state} cannot be cancelled.',
    onlyDismiss: 'Only a refused or expired task can be dismissed.',
    notInReview: 'This task is not waiting for your review.',
    numberNotListed: 'That number is not in the list.',
    numberNotDialable: 'That number cannot be dialled.',
    dialRequestGone: 'This dial request is no longer waiting; press the shortcut again.',
    diskFull:
      "The disk that holds Callboard's data is full. Free some space; Callboard carries on by itself once it can write again.",
    readOnly:
      "Callboard's data folder cannot be written ({code}). Check that the disk is not read-only and that you may write to the folder.",
    proxyKeychainLocked: 'The keychain is locked, so the proxy sign-in could not be changed. Unlock it and try again.',
    proxyKeychainUnavailable: 'The keychain cannot be reached, so the proxy sign-in could not be changed.',
  },
  /** What is wrong with the OS keychain and how to fix it. */
  keychainProblem: {
    ok: 'The keychain works.',
    no_session_bus:
      'The OS keychain cannot be reached: this session has no D-Bus session bus. Start Callboard from your desktop session.',
    no_secret_service:
      'No keychain service is running. Install and start a Secret Service provider such as GNOME Keyring or KWallet, then test the keychain again.',
    locked:
      'Your keychain is locked. Unlock it (log in again, or open Passwords and Keys), then test the keychain again.',
    no_default_collection:
      'Your keychain has no unlocked login keyring. Create or unlock the "Login" keyring in Passwords and Keys, then test the keychain again.',
    timeout: 'The keychain did not answer within 5 seconds; an unlock prompt may be waiting behind another window.',
    read_back_mismatch:
      'The keychain accepted a test entry but gave back something else when it was read; restart the keychain service or log out and back in.',
    error: 'The keychain reported an error: {detail}',
  },
  /** What a task is about, in its rows and questions: the agent's words (name, number) with the app's around them. */
  taskSubject: {
    named: '{name} · {detail}',
    broadcast: '{name} · {numbers}',
  },
  /** Counted things inside a sentence. */
  count: {
    bytes: { one: '1 byte', many: '{n} bytes' },
    records: { one: '1 record', many: '{n} records' },
    tasks: { one: '1 task', many: '{n} tasks' },
    otherTasks: { one: '1 other task', many: '{n} other tasks' },
    numbers: { one: '1 number', many: '{n} numbers' },
  },
  /** What the agent is told about the task queue's file and why the queue is stopped or unavailable. */
  queueFile: {
    setAside: 'The task queue file was damaged ({reason}). It was set aside as {path}; no task could be read from it.',
    tornTail: 'The task queue file ended with an incomplete write ({bytes}, {reason}); it was dropped.',
    lastRecordIncomplete: 'the last record is incomplete',
    tornTailProven: 'Every task confirmed before it is kept.',
    tornTailUnproven:
      'The file was written by an older Callboard without a task count, so Callboard cannot confirm that every task before it is kept.',
    damaged:
      'The task queue file was damaged: {where} could not be read. Callboard kept everything it could read ({kept}).',
    missingRecords:
      'The task queue file is missing records although it shows no damage. Callboard kept all it holds ({kept}).',
    whereHeader: 'its header',
    whereHeaderAnd: 'its header and {body}',
    whereOne: '{bytes} at position {offset}',
    whereMany: '{count} stretches ({bytes})',
    lostNamed: '{tasks} could not be recovered: {ids}.',
    lostNamedAndUnnamed: '{tasks} could not be recovered: {ids}, and {unnamed} whose id could not be read.',
    lostUnnamed: '{tasks} could not be recovered (their ids could not be read).',
    damageAtEnd:
      'The damage reaches the end of the file, so Callboard cannot tell whether it held other tasks: check the tasks you queued last.',
    noCount:
      'The file was written by an older Callboard without a task count, so Callboard cannot tell whether other tasks were lost.',
    noneLost: 'No task was lost.',
    othersKept: 'Every other task is in the queue.',
    unattributed:
      'Some of the damaged bytes name no task they belonged to: a task whose state looks wrong may have lost a change there.',
    lastWriteCut: 'Its last write ({bytes}) was cut short and dropped; it had not been confirmed.',
    unknownTasks: 'The task queue file holds changes for tasks that are not in it: {ids}.',
    outOfStep:
      '{tasks} lost a change, so what the queue shows for them may be out of date: {ids}. Those that could be created twice wait for your review instead of being sent.',
    copyAt: 'A copy of the damaged file is at {path}.',
    /** Why a whole queue file could not be used. */
    unusable: {
      empty: 'it is empty',
      truncatedHeader: 'its header is cut short',
      notAJournal: 'it is not a Callboard queue file',
      foreignFormat: 'it is in a format Callboard does not read',
      newerVersion: 'a newer Callboard wrote it',
      damagedHeader: 'its header is damaged and nothing after it could be read',
    },
    idsAndMore: '{ids} and {more} more',
    stopped:
      'The task queue is stopped: {why}. Tasks already queued are kept and wait; new ones cannot be queued. It starts again by itself as soon as it can write.',
    stoppedDiskFull: "the disk that holds Callboard's data is full",
    stoppedReadOnly: "Callboard's data folder cannot be written ({code})",
    stoppedUnwritable: 'the queue file could not be written ({code})',
    readOnly:
      "Callboard's data folder cannot be written ({code}), so the task queue is shown as it was: nothing can be queued, sent or changed. Check that the disk is not read-only and that you may write to {dir}, then restart Callboard.",
    otherCopy: 'Another Callboard (process {pid}) is using this task queue. Close it, then restart this one.',
    cannotOpen: 'The task queue could not be opened: {detail}',
    cannotRead: 'The task queue could not be read: {detail}',
  },
  /** Why the dial shortcut found nothing to dial. */
  dialNothing: {
    notANumber: '"{text}" is not a number to dial: {why}.',
    noNumberInLink: 'The link holds no phone number.',
    noNumberInClipboard: 'The clipboard holds no phone number. Copy one, then press the shortcut again.',
    noProfile: 'No Webex profile can place the call. Add one under Profiles.',
    profileIncomplete: 'The profile {profile} lists no outdial ANI or outbound entry point.',
    why: {
      empty: 'it is empty',
      not_a_number: 'it is not a phone number',
      too_short: 'too short to be a phone number',
      too_short_in: 'too short for a number in {country}',
      too_long: 'too long to be a phone number',
      too_long_in: 'too long for a number in {country}',
      invalid_country: 'its country code does not exist',
      invalid_for_region: 'no such number exists',
      invalid_for_region_in: 'no such number exists in {country}',
      invalid_length: 'it has the wrong number of digits for its country',
      invalid_length_in: 'it has the wrong number of digits for {country}',
      local_number: 'it has no area code',
      not_e164: 'Webex cannot dial it',
      malformed_uri: 'the link is malformed',
      cut_off: 'it was cut off',
      bidi_control: 'it is inside right-to-left or isolate controls, so the digits shown may not be the ones read',
      reference: 'it follows a reference label (order, invoice, account…), not a phone label',
      runs_into_digits: 'it runs on from other digits, so where it starts is unclear',
      date: 'it is a date',
      card_number: 'it looks like a payment card number',
      coordinates: 'those are map coordinates',
    },
  },
  /** Why this Callboard may not write its data folder (another one owns it, a read-only disk). */
  dataFolder: {
    otherCallboard:
      'Another Callboard (process {pid}) is using this data folder ({dir}). This one shows what it finds there but saves nothing: close one of them, then restart the other.',
    otherCallboardSince:
      'Another Callboard (process {pid}, started {since}) is using this data folder ({dir}). This one shows what it finds there but saves nothing: close one of them, then restart the other.',
    unwritable:
      "Callboard's data folder ({dir}) cannot be written ({code}): what is there is shown, and nothing can be saved, queued or sent. Check that the disk is not read-only and that you may write to the folder, then restart Callboard.",
  },
  /** What was wrong with the settings file, and why it cannot be saved over. */
  settingsFile: {
    missing: 'the settings file was missing',
    unreadable: 'it could not be read ({code})',
    newer:
      'it was written by a newer Callboard (settings version {version}, this one reads up to {supported}); it is left as it is',
    empty: 'it is empty',
    notJson: 'it is not valid JSON ({detail})',
    notObject: 'it does not hold a settings object',
    unknownVersion: 'it has no settings version this Callboard knows ({version})',
    notRepairable: 'it could not be repaired ({why})',
    settingInvalid: 'the setting "{name}" was not valid ({why})',
    unknownEntry: 'an unknown entry "{name}" was left out',
    profilesNotList: 'the list of profiles was not a list',
    sameId: 'another profile has the same id',
    profileFromLastGood: 'the profile "{label}" was damaged ({why}); its last good copy is used',
    profileSetAside: 'the profile "{label}" could not be read ({why}) and was set aside',
    profileNumberSetAside: 'profile number {n} could not be read ({why}) and was set aside',
    issueAt: '{path}: {issue}',
    /** zod's own issues (a schema that states no message), by their code. */
    zod: {
      invalidValue: 'not one of the values Callboard accepts',
      invalidType: 'missing, or not the kind of value expected',
      unknownKeys: 'it holds entries Callboard does not know ({keys})',
      other: 'not a value Callboard accepts',
    },
    list: '{first}; {rest}',
    cannotWriteUnreadable: '{file} could not be read ({code}). Fix or remove it, then restart Callboard.',
    cannotWriteNewer:
      'These settings belong to a newer Callboard; this one does not save over them. Use the newer Callboard.',
    cannotWriteDamaged: '{file} is damaged and could not be moved aside. Fix or remove it, then restart Callboard.',
  },
  /** Why the built-in sandbox is not there. */
  sandboxOff: {
    turnedOff: 'The sandbox is turned off.',
    couldNotLoad: 'The sandbox could not be loaded: {detail}',
    couldNotStart: 'The sandbox could not start its {provider} simulator: {detail}',
  },
  /** Why a sign-in ended, where the window has no words of its own for the code. */
  signInEnded: {
    refused: 'The identity provider refused the sign-in (its code: {code}).',
    refusedDescribed: 'The identity provider refused the sign-in (its code: {code}; it said: {description}).',
    renewalRefused: 'The identity provider no longer renews this sign-in (it expired or was revoked). Sign in again.',
    notOffered: 'This provider does not offer that way of signing in.',
    noDevice: 'This provider offers no sign-in with a device code.',
    notAllowed: 'Callboard may not open that sign-in page.',
    invalidResponse: 'The identity provider answered in a way Callboard does not understand, so nothing was signed in.',
    unreachable:
      'The identity provider could not be reached, so nothing was signed in. Check the connection and try again.',
    identityCenterNoClient: 'IAM Identity Center did not register Callboard. Try again.',
    identityCenterNoCode: 'IAM Identity Center gave no sign-in code. Check the access portal URL.',
    identityCenterNoToken: 'IAM Identity Center gave no token. Sign in again.',
    timeout: 'The sign-in took too long; nothing was signed in. Try again.',
    cancelled: 'The sign-in was cancelled.',
    notThisSignIn: 'The answer that came back was not for this sign-in, so it was ignored. Sign in again.',
  },
  /** Why the administrator's policy is not applied (About shows it). */
  policyProblem: {
    unconvertible: 'The managed preferences could not be converted (plutil failed).',
    unreadable: 'The policy could not be read: {detail}',
    notJson: 'The policy is not valid JSON: {detail}',
    invalid: 'The policy is not valid, so none of it is applied: {where}: {problem}',
    invalidMore: 'The policy is not valid, so none of it is applied: {where}: {problem} (and {more} more problems)',
    wholePolicy: '(the whole policy)',
  },
  /** Why a provider's list (entry points, flows, …) could not be fetched; the editor says the kind of problem first. */
  choiceFetch: {
    webexTokenLater: 'Webex could not refresh the access token right now.',
    webexOAuthRefused: 'Webex refused the OAuth client or refresh token.',
    webexTimedOut: 'Webex did not answer in time.',
    webexUnreachable: 'Webex could not be reached.',
    webexTokenRefused: 'Webex refused the access token.',
    webexScope: 'Webex refused the list: the token needs the cjp:config_read scope for this organization.',
    webexNoOrg: 'Webex does not know this organization id.',
    webexAnswered: 'Webex answered {status}.',
    webexNoSuchList: 'Webex has no such list.',
    webexNeedsOrg: 'Enter the organization id in this profile to fetch its lists.',
    webexUnreadable: 'Webex answered with a list Callboard cannot read.',
    connectTimedOut: 'Amazon Connect did not answer in time.',
    connectUnreachable: 'Amazon Connect could not be reached.',
    connectCredentialsRefused: 'AWS refused the credentials.',
    connectNotPermitted: 'These AWS credentials lack {operation}.',
    connectNoInstance: 'Amazon Connect has no instance {instanceId} in this region.',
    connectAnswered: 'Amazon Connect answered {name} ({status}).',
    connectNoSuchList: 'Amazon Connect has no such list.',
    unexpected: 'Fetching the list failed unexpectedly; details are in the log.',
    keychainUnreadable: 'The keychain cannot be read right now.',
    storeCredentials: 'Store this profile’s credentials to fetch its lists.',
    otherProvider: 'These credentials are for another provider.',
  },
}
