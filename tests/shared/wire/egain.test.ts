import { describe, expect, it } from 'vitest'
import { egainTaskActivitySchema } from '../../../shared/providers/egain/wire'
import type { TaskCall } from './egain-cases'
import { AT_THE_LIMITS, LOOKUPS, NOW, REFUSALS, contact0, fullSample, seedSample, withChange } from './egain-cases'

const schema = egainTaskActivitySchema(NOW)

/** Issue paths of a refused request, dotted ('' for the root). */
const issuePaths = (input: unknown) => {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'))
}

describe('eGain create task activity: accepted requests', () => {
  it("accepts the seed's own sample request", () => {
    expect(schema.safeParse(seedSample()).success).toBe(true)
  })

  it('accepts the full example from the provider notes', () => {
    expect(schema.safeParse(fullSample()).success).toBe(true)
  })

  it('accepts the limits exactly and every documented value', () => {
    for (const [name, build] of AT_THE_LIMITS) expect(issuePaths(build()), name).toEqual([])
  })

  it('accepts each lookup attribute when the customer carries it', () => {
    for (const [attribute, build] of LOOKUPS) expect(issuePaths(build()), attribute).toEqual([])
  })
})

describe('eGain create task activity: refused requests, one per documented rule', () => {
  const refusals = REFUSALS

  it.each(refusals)('%s', (_name, build, path) => {
    expect(issuePaths(build())).toContain(path)
  })

  it('reports only the broken rule, in plain words, for each refusal', () => {
    for (const [name, build, path] of refusals) {
      const result = schema.safeParse(build())
      expect(result.success, name).toBe(false)
      const issues = result.success ? [] : result.error.issues
      expect(new Set(issues.map((i) => i.path.join('.'))), name).toEqual(new Set([path]))
      for (const issue of issues) expect(issue.message, name).not.toMatch(/^(Invalid|Too (big|small)|Unrecognized)/)
    }
  })
})

describe('eGain create task activity: conditional rules, both ways', () => {
  it('a client application must name the assignee; a user need not', () => {
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.status))).toEqual(['body.status'])
    expect(issuePaths(withChange(fullSample, (r) => ((r.actor = 'user'), delete r.body.status)))).toEqual([])
    for (const user of [{ id: '1001' }, { loginId: 'a' }, { externalId: 'x-1' }]) {
      expect(issuePaths(withChange(fullSample, (r) => (r.body.status = { assigned: { user } })))).toEqual([])
    }
    const byAttribute = {
      customAttributes: {
        customAttribute: [{ attribName: 'employee_no', attribValues: { attribValue: [{ value: '77' }] } }],
      },
    }
    expect(issuePaths(withChange(fullSample, (r) => (r.body.status = { assigned: { user: byAttribute } })))).toEqual([])
  })

  it('one contact point of each kind applies only when a new customer may be created', () => {
    const twoEmails = (r: TaskCall) =>
      (contact0(r).email = [{ emailAddress: 'a@example.com' }, { emailAddress: 'b@example.com' }])
    expect(issuePaths(withChange(seedSample, twoEmails))).toEqual([]) // no createCustomer: lookup only
    expect(issuePaths(withChange(fullSample, twoEmails))).toEqual(['body.customer.contacts.contact.0.email.1'])
    // Different kinds are fine for a new customer.
    const mixed = (r: TaskCall) =>
      (contact0(r).phone = [
        { type: { value: 'home' }, phoneNo: '1' },
        { type: { value: 'mobile' }, phoneNo: '2' },
        { type: { value: 'office' }, phoneNo: '3' },
      ])
    expect(issuePaths(withChange(fullSample, mixed))).toEqual([])
    // Only the documented kinds are limited: two fax numbers are not.
    const twoFaxes = (r: TaskCall) =>
      (contact0(r).phone = [
        { type: { value: 'fax' }, phoneNo: '1' },
        { type: { value: 'fax' }, phoneNo: '2' },
      ])
    expect(issuePaths(withChange(fullSample, twoFaxes))).toEqual([])
  })

  it('subject or content: either alone is enough, neither is refused', () => {
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.subject))).toEqual([])
    expect(issuePaths(withChange(fullSample, (r) => delete r.body.payload))).toEqual([])
    expect(issuePaths(withChange(fullSample, (r) => (delete r.body.payload, delete r.body.subject)))).toEqual([
      'body.subject',
    ])
  })

  it('the due date is judged against the given now', () => {
    const r = fullSample() // due 2026-12-01T10:00:00Z
    expect(egainTaskActivitySchema(new Date('2026-12-01T09:59:59Z')).safeParse(r).success).toBe(true)
    expect(egainTaskActivitySchema(new Date('2026-12-01T10:00:00Z')).safeParse(r).success).toBe(false)
  })

  it('activityContact must be present in the customer only when given', () => {
    expect(issuePaths(withChange(seedSample, (r) => (r.query.activityContact = 'email.emailAddress')))).toEqual([])
    expect(issuePaths(withChange(seedSample, (r) => (r.query.activityContact = 'home.phone')))).toEqual([
      'body.customer',
    ])
  })
})
