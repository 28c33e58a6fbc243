/** A plain deep copy of form data (store values are reactive proxies, which structuredClone refuses). */
export const clonePlain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T
