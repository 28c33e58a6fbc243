/** Issue #4 and reliability Q11: the response classes every provider's classification table must have a row for. */
export const RESPONSE_CLASSES = [
  /^2xx /,
  /^400 /,
  /^401 /,
  /^403 /,
  /^404 /,
  /^408 /,
  /^409 |duplicate/,
  /^422 /,
  /^429 /,
  /^5\d\d /,
  /^timeout before sending/,
  /^timeout after the body was sent/,
  /^connection reset after the body was sent/,
]

/** The classes a table's row names leave out (an empty list when the table is complete). */
export function missingResponseClasses(rowNames: readonly string[]): RegExp[] {
  return RESPONSE_CLASSES.filter((responseClass) => !rowNames.some((name) => responseClass.test(name)))
}
