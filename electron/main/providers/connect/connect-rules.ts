import { utf8Bytes } from '@shared/text'

// StartTaskContact's input rules as the simulated service judges them, written out by hand from the
// Smithy model (`smithy.api#length`, `#range`, `#required`, the int32 width) and the rules its
// documentation states in prose (one flow target, reference types at creation, DATE values, byte
// totals, attribute key characters, the ScheduledTime window). Deliberately independent of the
// app's zod schema: the simulator is the second opinion the schema is tested against.

/** A refusal in restJson1 terms: the error type (`x-amzn-errortype`), its HTTP status and `Message`. */
export interface ConnectRuleError {
  type: 'SerializationException' | 'InvalidParameterException' | 'InvalidRequestException'
  status: 400
  message: string
}

const SIX_DAYS_MS = 6 * 24 * 60 * 60 * 1000
const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 }
/** Reference types a task may carry "at the time of creation" (ATTACHMENT and the email kinds may not). */
const CREATION_REFERENCE_TYPES = new Set(['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL'])
/** "Attribute keys can include only alphanumeric, dash, and underscore characters." */
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/
/**
 * [C] Segment attribute names: the prose says alphanumeric, - and _, but the model's own examples
 * (`connect:ContactExpiry`) need the colon, so the colon is allowed, as in the app's schema.
 */
const SEGMENT_NAME = /^[A-Za-z0-9_:-]+$/
/** "DATE must be of type Epoch timestamp": digits, seconds or milliseconds. */
const EPOCH_DIGITS = /^\d{1,13}$/
const SEGMENT_VALUE_MEMBERS = ['ValueString', 'ValueInteger', 'ValueMap'] as const

type Json = Record<string, unknown>
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)
/** Smithy lengths count code points. */
const chars = (s: string) => [...s].length

const serialization = (message: string): ConnectRuleError => ({ type: 'SerializationException', status: 400, message })
const parameter = (message: string): ConnectRuleError => ({ type: 'InvalidParameterException', status: 400, message })
const request = (message: string): ConnectRuleError => ({ type: 'InvalidRequestException', status: 400, message })
/** Coral's wording for a constraint a member breaks. */
const constraint = (at: string, rule: string) =>
  parameter(`1 validation error detected: Value at '${at}' failed to satisfy constraint: ${rule}`)

function length(value: unknown, at: string, min: number, max?: number): ConnectRuleError | null {
  if (typeof value !== 'string') return serialization(`Expected a string at '${at}'.`)
  const n = chars(value)
  if (n < min) return constraint(at, `Member must have length greater than or equal to ${min}`)
  if (max !== undefined && n > max) return constraint(at, `Member must have length less than or equal to ${max}`)
  return null
}

function optionalLength(body: Json, name: string, min: number, max?: number): ConnectRuleError | null {
  return body[name] === undefined ? null : length(body[name], name, min, max)
}

function references(value: unknown): ConnectRuleError | null {
  if (!isObject(value)) return serialization("Expected an object at 'References'.")
  let total = 0
  for (const [key, reference] of Object.entries(value)) {
    const at = `References.${key}`
    const keyProblem = length(key, 'References key', 1, 4096)
    if (keyProblem) return keyProblem
    if (!isObject(reference)) return serialization(`Expected an object at '${at}'.`)
    if (reference.Type === undefined) return constraint(`${at}.Type`, 'Member must not be null')
    if (typeof reference.Type !== 'string') return serialization(`Expected a string at '${at}.Type'.`)
    if (!CREATION_REFERENCE_TYPES.has(reference.Type)) {
      return request(
        `Reference type ${reference.Type} is not supported when creating a task: use URL, NUMBER, STRING, DATE or EMAIL.`,
      )
    }
    const text = reference.Value ?? ''
    const valueProblem = length(text, `${at}.Value`, 0, 4096)
    if (valueProblem) return valueProblem
    if (reference.Type === 'DATE' && !EPOCH_DIGITS.test(text as string)) {
      return parameter(`Reference ${key} of type DATE must hold an epoch timestamp.`)
    }
    total += utf8Bytes(key) + utf8Bytes(text as string)
  }
  if (total > 4096) return request(`References may take up to 4096 UTF-8 bytes in all; these take ${total}.`)
  return null
}

function attributes(value: unknown): ConnectRuleError | null {
  if (!isObject(value)) return serialization("Expected an object at 'Attributes'.")
  let total = 0
  for (const [key, text] of Object.entries(value)) {
    const keyProblem = length(key, 'Attributes key', 1, 32767)
    if (keyProblem) return keyProblem
    if (!ATTRIBUTE_KEY.test(key)) {
      return parameter(`Attribute key ${key} may contain only alphanumeric, dash and underscore characters.`)
    }
    const valueProblem = length(text, `Attributes.${key}`, 0, 32767)
    if (valueProblem) return valueProblem
    total += utf8Bytes(key) + utf8Bytes(text as string)
  }
  if (total > 32768) return request(`Attributes may take up to 32768 UTF-8 bytes in all; these take ${total}.`)
  return null
}

function segmentAttributes(value: unknown, at: string): ConnectRuleError | null {
  if (!isObject(value)) return serialization(`Expected an object at '${at}'.`)
  for (const [name, entry] of Object.entries(value)) {
    const nameProblem = length(name, `${at} key`, 1, 128)
    if (nameProblem) return nameProblem
    if (!SEGMENT_NAME.test(name))
      return parameter(`Segment attribute name ${name} has characters that are not allowed.`)
    if (!isObject(entry)) return serialization(`Expected an object at '${at}.${name}'.`)
    const given = SEGMENT_VALUE_MEMBERS.filter((member) => entry[member] !== undefined)
    if (given.length !== 1) {
      return parameter(`Segment attribute ${name} needs exactly one of ValueString, ValueInteger or ValueMap.`)
    }
    if (entry.ValueString !== undefined) {
      const problem = length(entry.ValueString, `${at}.${name}.ValueString`, 0, 1024)
      if (problem) return problem
    }
    if (entry.ValueInteger !== undefined) {
      const n = entry.ValueInteger
      if (typeof n !== 'number' || !Number.isInteger(n)) {
        return serialization(`Expected an integer at '${at}.${name}.ValueInteger'.`)
      }
      if (n < INT32.min || n > INT32.max) return serialization(`Integer out of range at '${at}.${name}.ValueInteger'.`)
    }
    if (entry.ValueMap !== undefined) {
      const problem = segmentAttributes(entry.ValueMap, `${at}.${name}.ValueMap`)
      if (problem) return problem
    }
  }
  return null
}

/** ScheduledTime arrives as epoch seconds (a JSON number, fractions allowed). */
function scheduledTime(value: unknown, nowMs: number): ConnectRuleError | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return serialization("Expected epoch seconds (a number) at 'ScheduledTime'.")
  }
  const at = Math.round(value * 1000)
  if (at <= nowMs) return request('The scheduled time cannot be in the past.')
  if (at - nowMs > SIX_DAYS_MS) return request('The scheduled time must be within 6 days in the future.')
  return null
}

/**
 * The first rule a StartTaskContact body breaks, or null. `body` is the parsed JSON; `nowMs` the
 * service's clock (ScheduledTime is judged against it).
 */
export function checkStartTaskContact(body: unknown, nowMs: number): ConnectRuleError | null {
  if (!isObject(body)) return serialization('The request body is not a JSON object.')
  for (const name of ['InstanceId', 'Name']) {
    if (body[name] === undefined) return constraint(name, 'Member must not be null')
  }
  const members: [string, number, number?][] = [
    ['InstanceId', 1, 100],
    ['Name', 0, 1024],
    ['Description', 0, 4096],
    ['ContactFlowId', 0, 500],
    ['QuickConnectId', 0],
    ['TaskTemplateId', 1, 500],
    ['ClientToken', 0, 500],
    ['PreviousContactId', 1, 256],
    ['RelatedContactId', 1, 256],
  ]
  for (const [name, min, max] of members) {
    const problem = optionalLength(body, name, min, max)
    if (problem) return problem
  }
  const targets = ['ContactFlowId', 'QuickConnectId', 'TaskTemplateId'].filter((f) => body[f] !== undefined)
  if (targets.length !== 1) {
    return request('Include only one of these parameters: ContactFlowId, QuickConnectId, or TaskTemplateId.')
  }
  // The model lets ContactFlowId (and QuickConnectId) be empty, but an empty id names nothing to run.
  if (body[targets[0]!] === '') return request(`${targets[0]} must name a flow, quick connect or task template.`)
  const nested: [string, (value: unknown) => ConnectRuleError | null][] = [
    ['References', references],
    ['Attributes', attributes],
    ['SegmentAttributes', (value) => segmentAttributes(value, 'SegmentAttributes')],
    ['ScheduledTime', (value) => scheduledTime(value, nowMs)],
  ]
  for (const [name, check] of nested) {
    if (body[name] === undefined) continue
    const problem = check(body[name])
    if (problem) return problem
  }
  return null
}
