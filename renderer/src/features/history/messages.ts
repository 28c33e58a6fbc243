// The history screen's strings: `en` is the source, `es` must have every key.
const en = {
  title: 'History',
}
const es: typeof en = {
  title: 'Historial',
}
export default { en, es }
