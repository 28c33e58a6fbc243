import type { PathMap } from '../to-wire-kit'
import type { IntentRefusal } from '../provider-module'
import { isRefusal, refuse, validate } from '../to-wire-kit'
import type { VoiceBroadcastIntent } from './intents'
import type { VoiceBroadcastProfile } from './profile'
import { VoiceBroadcastSend } from './wire'
import { issueText } from '../../i18n/issue-message'

// A broadcast intent plus its voice-broadcast profile → the group-call request, with the numbers in
// the list shape the tenant's API revision takes. An SMS needs the profile's SMS app.

export type VoiceBroadcastWire = { provider: 'voice_broadcast'; payload: VoiceBroadcastSend }

/** Each wire field the request's check can refuse, and the intent field it came from. */
const SEND_PATHS: PathMap = {
  taskName: ['taskName'],
  text: ['text'],
  lan: ['lan'],
  loopCount: ['loopCount'],
  maxCalls: ['maxCalls'],
  maxRingingTime: ['maxRingingTime'],
  allowSendTime: ['allowSendTime'],
  smsContent: ['hangUpSms', 'content'],
  feedbackValue: ['hangUpSms', 'onKey'],
  successPushTime: ['hangUpSms', 'successDelaySeconds'],
  sipGroupId: ['toSeat', 'sipGroupId'],
  calloutRate: ['toSeat', 'calloutRate'],
  toSeatKey: ['toSeat', 'key'],
  numberList: ['numbers'],
  numberInfoList: ['numbers'],
}

export function voiceBroadcastToWire(
  intent: VoiceBroadcastIntent,
  p: VoiceBroadcastProfile,
): VoiceBroadcastWire | IntentRefusal {
  if (intent.hangUpSms && p.smsAppId === '') {
    return refuse(['hangUpSms'], issueText('schema.voiceBroadcastToWire.profileHasNoSms'))
  }
  const request = {
    appId: p.appId,
    ...(p.defaultDisplayNum !== '' && { displayNum: p.defaultDisplayNum }),
    taskName: intent.taskName,
    source: 3,
    text: intent.text,
    lan: intent.lan,
    loopCount: intent.loopCount,
    maxCalls: intent.maxCalls,
    ...(intent.maxRingingTime !== undefined && { maxRingingTime: intent.maxRingingTime }),
    ...(intent.allowSendTime !== undefined && { allowSendTime: intent.allowSendTime }),
    ...(intent.hangUpSms && {
      hangUpSms: 1,
      smsAppId: p.smsAppId,
      smsContent: intent.hangUpSms.content,
      ...(p.senderId !== '' && { senderId: p.senderId }),
      // Seed 004: all four flags are mandatory with hangUpSms=1, and each turns on one moment the
      // SMS goes out; the two with a value carry it.
      feedbackPush: intent.hangUpSms.onKey === '' ? 0 : 1,
      ...(intent.hangUpSms.onKey !== '' && { feedbackValue: intent.hangUpSms.onKey }),
      successPush: intent.hangUpSms.onSuccess ? 1 : 0,
      ...(intent.hangUpSms.onSuccess && { successPushTime: intent.hangUpSms.successDelaySeconds }),
      failedPush: intent.hangUpSms.onFailed ? 1 : 0,
      ringPush: intent.hangUpSms.onRing ? 1 : 0,
    }),
    ...(intent.toSeat && {
      toSeat: 1,
      sipGroupId: intent.toSeat.sipGroupId,
      outboundControl: 1,
      calloutRate: intent.toSeat.calloutRate,
      toSeatType: intent.toSeat.key === undefined ? 1 : 2,
      ...(intent.toSeat.key !== undefined && { toSeatKey: intent.toSeat.key }),
    }),
    ...(p.numberListShape === 'numberList'
      ? { numberList: intent.numbers }
      : { numberInfoList: intent.numbers.map((calleeNumber) => ({ calleeNumber })) }),
  }
  const checked = validate(VoiceBroadcastSend, request, SEND_PATHS)
  return isRefusal(checked) ? checked : { provider: 'voice_broadcast', payload: checked.ok }
}
