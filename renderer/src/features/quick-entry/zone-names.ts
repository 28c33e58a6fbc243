// Places an agent names for a time zone ("3pm London", "a las 9 Madrid"): every IANA zone by its
// city (the last part of its name), and the cities and spellings people use that the IANA names
// do not (New York as NYC, Londres, Ciudad de México…), English and Spanish.

/** Lower case, without accents and with one space between words, as typed and as listed. */
export const fold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .trim()

const ALIASES: Record<string, string> = {
  // English
  nyc: 'America/New_York',
  'new york city': 'America/New_York',
  boston: 'America/New_York',
  washington: 'America/New_York',
  miami: 'America/New_York',
  atlanta: 'America/New_York',
  philadelphia: 'America/New_York',
  'san francisco': 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  'san diego': 'America/Los_Angeles',
  dallas: 'America/Chicago',
  houston: 'America/Chicago',
  austin: 'America/Chicago',
  'salt lake city': 'America/Denver',
  'mexico city': 'America/Mexico_City',
  manchester: 'Europe/London',
  edinburgh: 'Europe/London',
  glasgow: 'Europe/London',
  birmingham: 'Europe/London',
  uk: 'Europe/London',
  barcelona: 'Europe/Madrid',
  seville: 'Europe/Madrid',
  valencia: 'Europe/Madrid',
  munich: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  hamburg: 'Europe/Berlin',
  milan: 'Europe/Rome',
  geneva: 'Europe/Zurich',
  'the hague': 'Europe/Amsterdam',
  porto: 'Europe/Lisbon',
  beijing: 'Asia/Shanghai',
  peking: 'Asia/Shanghai',
  delhi: 'Asia/Kolkata',
  'new delhi': 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  osaka: 'Asia/Tokyo',
  saigon: 'Asia/Ho_Chi_Minh',
  'ho chi minh city': 'Asia/Ho_Chi_Minh',
  hanoi: 'Asia/Bangkok',
  'rio de janeiro': 'America/Sao_Paulo',
  rio: 'America/Sao_Paulo',
  gmt: 'UTC',
  utc: 'UTC',
  // The abbreviations chrono reads as an offset ("3pm PST"): the zone, so the season is right.
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  est: 'America/New_York',
  edt: 'America/New_York',
  bst: 'Europe/London',
  cet: 'Europe/Paris',
  cest: 'Europe/Paris',
  jst: 'Asia/Tokyo',
  // Spanish
  londres: 'Europe/London',
  edimburgo: 'Europe/London',
  'nueva york': 'America/New_York',
  'los angeles': 'America/Los_Angeles',
  'ciudad de mexico': 'America/Mexico_City',
  cdmx: 'America/Mexico_City',
  tokio: 'Asia/Tokyo',
  pekin: 'Asia/Shanghai',
  moscu: 'Europe/Moscow',
  roma: 'Europe/Rome',
  lisboa: 'Europe/Lisbon',
  bruselas: 'Europe/Brussels',
  atenas: 'Europe/Athens',
  estambul: 'Europe/Istanbul',
  'el cairo': 'Africa/Cairo',
  ginebra: 'Europe/Zurich',
  viena: 'Europe/Vienna',
  varsovia: 'Europe/Warsaw',
  praga: 'Europe/Prague',
  estocolmo: 'Europe/Stockholm',
  copenhague: 'Europe/Copenhagen',
  sevilla: 'Europe/Madrid',
  bilbao: 'Europe/Madrid',
  zaragoza: 'Europe/Madrid',
  malaga: 'Europe/Madrid',
  canarias: 'Atlantic/Canary',
  'las palmas': 'Atlantic/Canary',
  tenerife: 'Atlantic/Canary',
  'la habana': 'America/Havana',
  'san jose': 'America/Costa_Rica',
  quito: 'America/Guayaquil',
  'nueva delhi': 'Asia/Kolkata',
  singapur: 'Asia/Singapore',
}

let index: Map<string, string> | null = null

/** Folded place name → IANA zone. Built once, on first use. */
function zoneIndex(): Map<string, string> {
  if (index) return index
  const built = new Map<string, string>()
  for (const zone of Intl.supportedValuesOf('timeZone')) {
    built.set(fold(zone), zone)
    const city = zone.split('/').pop()
    if (city && !built.has(fold(city))) built.set(fold(city), zone)
  }
  for (const [name, zone] of Object.entries(ALIASES)) built.set(fold(name), zone)
  built.set('utc', 'UTC')
  index = built
  return index
}

/** The zone a place name (one to four words, or an IANA name) stands for, or null. */
export function zoneNamed(words: readonly string[]): string | null {
  return zoneIndex().get(fold(words.join(' '))) ?? null
}
