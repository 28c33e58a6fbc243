// This form's strings: `en` is the source, `es` must have every key.
const en = {
  title: '',
}
const es: typeof en = {
  title: '',
}
export default { en, es }
