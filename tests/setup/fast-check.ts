import fc from 'fast-check'

// Property tests draw their cases from one fixed seed, so a run is repeatable: a case that fails
// fails every time, on every machine, and CI never turns red on a draw. To explore new cases, run
// with FC_SEED=random (or a number); a failure prints its seed, and the case then becomes a plain
// test of its own (see tests/main/queue/send-pacer.test.ts).
const seed = process.env['FC_SEED']
if (seed !== 'random') fc.configureGlobal({ seed: seed === undefined ? 20_261_207 : Number(seed) })
