import { z } from 'zod'
import { events, invokes } from '@shared/ipc/contract'

type JsonSchema = Record<string, unknown>

export interface ContractDescription {
  invokes: Record<string, { summary: string; maxInputBytes: number | null; input: JsonSchema; output: JsonSchema }>
  events: Record<string, { payload: JsonSchema }>
}

const toJson = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema

/** The contract as JSON Schema, generated from the same zod schemas main validates with. */
export function describeContract(): ContractDescription {
  return {
    invokes: Object.fromEntries(
      Object.entries(invokes).map(([channel, spec]) => [
        channel,
        {
          summary: spec.summary,
          maxInputBytes: 'maxInputBytes' in spec ? (spec.maxInputBytes as number) : null,
          input: toJson(spec.input, 'input'),
          output: toJson(spec.output, 'output'),
        },
      ]),
    ),
    events: Object.fromEntries(
      Object.entries(events).map(([channel, schema]) => [channel, { payload: toJson(schema, 'output') }]),
    ),
  }
}
