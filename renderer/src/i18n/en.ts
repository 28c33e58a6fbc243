export default {
  app: {
    title: 'Callboard',
    nav: { settings: 'Settings', about: 'About' },
    loading: 'Loading…',
    bridgeMissing: 'Callboard cannot reach its main process. Restart the app; if this keeps happening, reinstall it.',
  },
  settings: {
    title: 'Settings',
    intro: 'These apply to every quick task on this computer.',
    region: 'Default region for phone numbers',
    regionHelp: 'Numbers typed without a country code are read as numbers from this region.',
    language: 'Language',
    theme: 'Theme',
    themes: { system: 'Match the system', light: 'Light', dark: 'Dark' },
    languages: { en: 'English', es: 'Español (Spanish)' },
    save: 'Save settings',
    saving: 'Saving…',
    saved: 'Settings saved.',
    unchanged: 'Nothing to save: no setting was changed.',
    failed: 'Settings were not saved: {message}',
    loadFailed: 'Settings could not be loaded: {message}',
  },
  recovery: {
    title: 'Your settings file could not be used',
    moved: 'Callboard started with default settings because {reason}. The old file was kept at {path}.',
    notMoved:
      'Callboard started with default settings because {reason}. The file could not be moved aside, so changes will not be saved until it is fixed or removed.',
    dismiss: 'Dismiss',
  },
  about: {
    title: 'About',
    version: 'Version {version}',
    platform: 'Platform: {platform} ({arch})',
    electron: 'Electron {version}',
    harness: 'Running in the browser harness (a development tool), not the desktop app.',
  },
}
