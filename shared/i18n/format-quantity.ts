/**
 * A number parameter is a quantity (a count, a limit), written the way `language` writes numbers
 * ("200,000", "200.000"); identifiers (a process id, an HTTP status, a provider's code) travel as
 * strings and are shown as they are.
 */
export function formatQuantity(value: number, language: string): string {
  return numberFormat(language).format(value)
}

const numberFormats = new Map<string, Intl.NumberFormat>()
function numberFormat(language: string): Intl.NumberFormat {
  let format = numberFormats.get(language)
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language, { maximumFractionDigits: 20 })))
  return format
}
