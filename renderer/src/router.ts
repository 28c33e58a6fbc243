import type { RouteRecordRaw, Router } from 'vue-router'
import { createRouter, createWebHashHistory } from 'vue-router'
import AppShell from './features/shell/AppShell.vue'
import NewTaskView from './features/shell/NewTaskView.vue'
import { TASK_KINDS } from './views'

// One renderer, three windows. The main window's views, and the two small windows main opens at
// their own routes (the dial confirm from the shortcut or a tel: link, the quick callback from the
// tray). Hash history: the app is loaded from app://, where only the fragment is ours to change,
// and the small windows have always been opened at #/confirm-dial and #/quick-callback.

const routes: RouteRecordRaw[] = [
  { path: '/confirm-dial', component: () => import('./features/desktop/ConfirmDial.vue') },
  { path: '/quick-callback', component: () => import('./features/desktop/QuickCallback.vue') },
  {
    path: '/',
    component: AppShell,
    children: [
      { path: '', redirect: '/new/outdial' },
      { path: 'new', redirect: '/new/outdial' },
      { path: `new/:kind(${TASK_KINDS.join('|')})`, name: 'new', component: NewTaskView },
      { path: 'queue', name: 'queue', component: () => import('./features/queue/QueueView.vue') },
      { path: 'history', name: 'history', component: () => import('./features/history/HistoryView.vue') },
      { path: 'profiles', name: 'profiles', component: () => import('./features/profiles/ProfilesSection.vue') },
      { path: 'settings', name: 'settings', component: () => import('./features/settings/SettingsPage.vue') },
      { path: ':rest(.*)*', redirect: '/new/outdial' },
    ],
  },
]

export function createAppRouter(): Router {
  return createRouter({ history: createWebHashHistory(), routes })
}
