import type { RouteRecordRaw, Router } from 'vue-router'
import { createRouter, createWebHashHistory } from 'vue-router'
import AppShell from './features/shell/AppShell.vue'
import NewTaskView from './features/shell/NewTaskView.vue'
import { TASK_KINDS } from './views'
import { readFirstPageAhead, showAsked } from './features/queue/first-page'
import { useQueueStore } from './stores/queue-store'
import { whenIdle } from './when-idle'

// One renderer, three windows. The main window's views, and the two small windows main opens at
// their own routes (the dial confirm from the shortcut or a tel: link, the quick callback from the
// tray). Hash history: the app is loaded from app://, where only the fragment is ours to change,
// and the small windows have always been opened at #/confirm-dial and #/quick-callback.

// The views read long lists (History, the queue) or many settings: not in the first screen's code,
// and fetched ahead once the first screen is up, so the first open of each does not wait for its
// code (issue 16 item 7).
const views = {
  queue: () => import('./features/queue/QueueView.vue'),
  history: () => import('./features/history/HistoryView.vue'),
  profiles: () => import('./features/profiles/ProfilesSection.vue'),
  settings: () => import('./features/settings/SettingsPage.vue'),
}

/**
 * Loads the views' code while the agent works in the first one. The lists' code is asked for at
 * once: fetching and compiling happen off the page's thread, and the page is rarely idle while the
 * task forms load, so idle time came too late for an agent opening History as the forms appeared
 * (the fetch was then a third of History's first draw). The settings views can wait for idle time.
 */
export function prefetchViews(): void {
  for (const load of [views.history, views.queue]) void load()
  for (const load of [views.profiles, views.settings]) whenIdle(() => void load())
}

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
      {
        path: 'queue',
        name: 'queue',
        component: views.queue,
        beforeEnter: (to) => {
          const queue = useQueueStore()
          readFirstPageAhead(showAsked(to.query), (query) => queue.page(query), queue.changes)
        },
      },
      { path: 'history', name: 'history', component: views.history },
      { path: 'profiles', name: 'profiles', component: views.profiles },
      { path: 'settings', name: 'settings', component: views.settings },
      { path: ':rest(.*)*', redirect: '/new/outdial' },
    ],
  },
]

export function createAppRouter(): Router {
  return createRouter({ history: createWebHashHistory(), routes })
}
