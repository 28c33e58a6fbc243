import type en from './en'

export default {
  app: {
    title: 'Callboard',
    nav: { settings: 'Ajustes', about: 'Acerca de' },
    loading: 'Cargando…',
    bridgeMissing:
      'Callboard no puede comunicarse con su proceso principal. Reinicie la aplicación; si vuelve a ocurrir, reinstálela.',
  },
  settings: {
    title: 'Ajustes',
    intro: 'Se aplican a todas las tareas rápidas en este equipo.',
    region: 'Región predeterminada para números de teléfono',
    regionHelp: 'Los números escritos sin código de país se interpretan como números de esta región.',
    language: 'Idioma',
    theme: 'Tema',
    themes: { system: 'Igual que el sistema', light: 'Claro', dark: 'Oscuro' },
    languages: { en: 'English (inglés)', es: 'Español' },
    save: 'Guardar ajustes',
    saving: 'Guardando…',
    saved: 'Ajustes guardados.',
    unchanged: 'Nada que guardar: no se cambió ningún ajuste.',
    failed: 'No se guardaron los ajustes: {message}',
    loadFailed: 'No se pudieron cargar los ajustes: {message}',
  },
  recovery: {
    title: 'No se pudo usar su archivo de ajustes',
    moved:
      'Callboard se inició con los ajustes predeterminados porque {reason}. El archivo anterior se conservó en {path}.',
    notMoved:
      'Callboard se inició con los ajustes predeterminados porque {reason}. No se pudo apartar el archivo, así que los cambios no se guardarán hasta que se corrija o se elimine.',
    dismiss: 'Cerrar',
  },
  about: {
    title: 'Acerca de',
    version: 'Versión {version}',
    platform: 'Plataforma: {platform} ({arch})',
    electron: 'Electron {version}',
    harness:
      'Ejecutándose en el arnés del navegador (una herramienta de desarrollo), no en la aplicación de escritorio.',
  },
} satisfies typeof en
