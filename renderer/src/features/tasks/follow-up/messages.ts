// This form's strings: `en` is the source, `es` must have every key.
const en = {
  comingSoon: 'This form is on its way.',
}
const es: typeof en = {
  comingSoon: 'Este formulario llegará pronto.',
}
export default { en, es }
