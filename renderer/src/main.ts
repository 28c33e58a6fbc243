// Before every other module: asks main for what the first screen needs while the rest loads.
import './early-data'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import Root from './Root.vue'
import { bridgeFromWindow, bridgeKey } from './bridge'
import { createAppI18n } from './i18n'
import { createAppRouter } from './router'
import './styles/theme.css'

const bridge = bridgeFromWindow()
const root = document.getElementById('app')

if (!bridge) {
  // Without the preload (or the harness bridge) nothing can work; say so instead of a blank page.
  const i18n = createAppI18n(navigator.language.startsWith('es') ? 'es' : 'en')
  if (root) {
    root.textContent = i18n.global.t('app.bridgeMissing')
    root.className = 'fatal'
  }
} else {
  createApp(Root)
    .provide(bridgeKey, bridge)
    .use(createPinia())
    .use(createAppI18n())
    .use(createAppRouter())
    .mount('#app')
}
