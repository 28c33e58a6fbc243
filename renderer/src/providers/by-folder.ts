import type { Component } from 'vue'

// A provider's renderer components live in its folder here, named after the provider
// (renderer/src/providers/<name>/<Role>.vue), and are found by Vite's import.meta.glob: a sixth
// provider adds its folder and files, and no list in the forms names it. What a glob finds is checked
// when its module loads, against the shared registry's names, so a misnamed folder or a missing
// component stops the app at start (and the tests) rather than leaving a form without its fields.

/** The provider folder of a globbed path (`./webex/ProfileFields.vue` → `webex`). */
function folderOf(path: string): string {
  const folder = /^\.\/([^/]+)\//.exec(path)?.[1]
  if (folder === undefined) throw new Error(`renderer/src/providers: ${path} is not in a provider's folder`)
  return folder
}

function isOneOf<N extends string>(names: readonly N[], value: string): value is N {
  return names.some((name) => name === value)
}

/**
 * The components `files` (one import.meta.glob of `./*\/<role>.vue`) by provider name. Throws if a
 * folder is named after no provider in `names`, or if a provider in `needed` has no `<role>.vue`.
 */
export function byFolder<N extends string>(
  files: Record<string, Component>,
  role: string,
  names: readonly N[],
  needed: readonly N[],
): Partial<Record<N, Component>> {
  const found: Partial<Record<N, Component>> = {}
  for (const [path, component] of Object.entries(files)) {
    const folder = folderOf(path)
    if (!isOneOf(names, folder))
      throw new Error(`renderer/src/providers/${folder}: no provider is named ${folder} (${names.join(', ')})`)
    found[folder] = component
  }
  const missing = needed.filter((name) => found[name] === undefined)
  if (missing.length > 0)
    throw new Error(`renderer/src/providers: ${missing.map((name) => `${name}/${role}.vue`).join(', ')} missing`)
  return found
}
