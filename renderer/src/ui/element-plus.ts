// Element Plus ships its styles as plain CSS files (no styles injected at run time), so the
// renderer keeps `style-src 'self'`: the reason it was chosen over PrimeVue 4 and Naive UI, which
// inject <style> elements and would need 'unsafe-inline' or a nonce (see the README). Components
// are imported where they are used, so only those reach the bundle; this module brings the
// styles, and is imported by the screens that use the library (loaded after the first paint).
import 'element-plus/theme-chalk/index.css'
import 'element-plus/theme-chalk/dark/css-vars.css'
import '../styles/tasks.css'

export { ElConfigProvider, ElDatePicker, ElDialog, ElInput, ElInputNumber, ElOption, ElSelect } from 'element-plus'
export { ElTable, ElTableColumn, ElTabPane, ElTabs } from 'element-plus'
