import { numbers, refused, type CorpusCase } from './types'

// Dates, payment-card numbers and map coordinates: digit runs libphonenumber can read as valid
// numbers (`20261123` is one in Wuppertal, `23.11.2026` one in Dortmund) that a person reads as
// what they are.
export const dates: CorpusCase[] = [
  { region: 'DE', text: '20261123', expect: refused('date') },
  { region: 'DE', text: '23112026', expect: refused('date') },
  { region: 'US', text: '11232026', expect: refused('date') },
  { region: 'GB', text: '19851123', expect: refused('date') },
  { region: 'FR', text: '20261123', expect: refused('date') },
  { region: 'DE', text: '2026-11-23', expect: refused('date') },
  { region: 'US', text: '2026-11-23', expect: refused('date') },
  { region: 'DE', text: '23.11.2026', expect: refused('date') },
  { region: 'FR', text: '23.11.2026', expect: refused('date') },
  { region: 'GB', text: '23/11/2026', expect: refused('date') },
  { region: 'FR', text: '23/11/2026', expect: refused('date') },
  { region: 'ES', text: '23/11/2026', expect: refused('date') },
  { region: 'US', text: '11/23/2026', expect: refused('date') },
  { region: 'ES', text: '23-11-2026', expect: refused('date') },
  { region: 'GB', text: '2026/11/23', expect: refused('date') },
  { region: 'DE', text: '23.11.26', expect: refused('date') },
  { region: 'DE', text: 'Termin am 23.11.2026', expect: refused('date') },
  { region: 'ES', text: 'Fecha: 23/11/2026', expect: refused('date') },
  { region: 'FR', text: 'Date de naissance : 23/11/1985', expect: refused('date') },
  { region: 'GB', text: 'Meeting 2026-11-23 10:30', expect: refused('date') },
  { region: 'US', text: 'Delivered 20261123', expect: refused('date') },
  { region: 'DE', text: 'Lieferdatum 20261123, bitte bestätigen', expect: refused('date') },
  { region: 'US', text: '2026-11-23T10:30:00Z', expect: refused('date') },
  { region: 'US', text: '20261123T103000Z', expect: refused('date') },
  { region: 'DE', text: '2026.11.23', expect: refused('date') },
  { region: 'DE', text: '23.11.2026 10:30', expect: refused('date') },
  { region: 'DE', text: '1.1.2026', expect: refused('date') },
  { region: 'DE', text: '2026-1-5', expect: refused('date') },
  { region: 'FR', text: '23/11/26', expect: refused('date') },
  { region: 'DE', text: '2026 11 23', expect: refused('date') },
  { region: 'DE', text: '23 11 2026', expect: refused('date') },
  // A date beside a number: the number is still found.
  { region: 'DE', text: 'Rückruf am 23.11.2026 unter 030 123456', expect: numbers('+4930123456') },
  { region: 'FR', text: 'Le 23/11/2026, appeler le 06 12 34 56 78', expect: numbers('+33612345678') },
  // Digit groups next to eight digits make them part of a number, not a date.
  { region: 'DE', text: '030 20261123', expect: numbers('+493020261123') },
  // A phone label says what the digits are.
  { region: 'DE', text: 'Tel: 20261123', expect: numbers('+4920261123') },
]

export const cardNumbers: CorpusCase[] = [
  { region: 'US', text: '4111 1111 1111 1111', expect: refused('card_number') },
  { region: 'GB', text: '4111-1111-1111-1111', expect: refused('card_number') },
  { region: 'DE', text: '5500 0000 0000 0004', expect: refused('card_number') },
  { region: 'FR', text: '5555 5555 5555 4444', expect: refused('card_number') },
  { region: 'ES', text: '4000 0566 5566 5556', expect: refused('card_number') },
  { region: 'US', text: '6011 0009 9013 9424', expect: refused('card_number') },
  // American Express 4-6-5, Diners 4-6-4, a 19-digit Maestro.
  { region: 'US', text: '3782 822463 10005', expect: refused('card_number') },
  { region: 'GB', text: '3714 496353 98431', expect: refused('card_number') },
  { region: 'FR', text: '3056 930902 5904', expect: refused('card_number') },
  { region: 'ES', text: '6304 0000 0000 0000 018', expect: refused('card_number') },
  { region: 'DE', text: '4111 1111 1111 1111 123', expect: refused('card_number') },
  { region: 'US', text: '4111.1111.1111.1111', expect: refused('card_number') },
  { region: 'GB', text: '5105 1051 0510 5100', expect: refused('card_number') },
  { region: 'DE', text: '3530 1113 3330 0000', expect: refused('card_number') },
  { region: 'US', text: '4111 111111 11111', expect: refused('card_number') },
  // In one run, with a valid check digit.
  { region: 'US', text: '4111111111111111', expect: refused('card_number') },
  { region: 'DE', text: '378282246310005', expect: refused('card_number') },
  { region: 'GB', text: 'Card: 4111 1111 1111 1111 exp 12/27', expect: refused('card_number') },
  { region: 'FR', text: 'Carte bancaire 4970 1012 3456 7899', expect: refused('card_number') },
]

export const coordinates: CorpusCase[] = [
  { region: 'ES', text: '40.4168, -3.7038', expect: refused('coordinates') },
  { region: 'FR', text: '48.8566, 2.3522', expect: refused('coordinates') },
  { region: 'GB', text: '51.5074, -0.1278', expect: refused('coordinates') },
  { region: 'DE', text: '52.5200, 13.4050', expect: refused('coordinates') },
  { region: 'US', text: '40.7128, -74.0060', expect: refused('coordinates') },
  { region: 'US', text: '(40.7128, -74.0060)', expect: refused('coordinates') },
  { region: 'FR', text: '48°51′24″N 2°21′07″E', expect: refused('coordinates') },
  { region: 'ES', text: '40°25′N 3°42′W', expect: refused('coordinates') },
  { region: 'GB', text: '51°30′26″N 0°7′39″W', expect: refused('coordinates') },
  { region: 'DE', text: "N 52° 31.2' E 13° 24.3'", expect: refused('coordinates') },
  { region: 'FR', text: '48.8566° N, 2.3522° E', expect: refused('coordinates') },
  { region: 'ES', text: 'geo:40.4168,-3.7038', expect: refused('coordinates') },
  { region: 'GB', text: 'lat 51.5074, lon -0.1278', expect: refused('coordinates') },
  { region: 'DE', text: 'Koordinaten: 52.520008, 13.404954', expect: refused('coordinates') },
  { region: 'ES', text: 'Coordenadas 40.416775, -3.703790', expect: refused('coordinates') },
  { region: 'US', text: '-33.8688, 151.2093', expect: refused('coordinates') },
  { region: 'FR', text: 'N48.8566 E2.3522', expect: refused('coordinates') },
  { region: 'FR', text: '48.8566N, 2.3522E', expect: refused('coordinates') },
  { region: 'FR', text: 'lat: 48.8566 / lng: 2.3522', expect: refused('coordinates') },
  { region: 'ES', text: '@40.4168,-3.7038,15z', expect: refused('coordinates') },
  { region: 'ES', text: 'Latitude 40.4168 Longitude -3.7038', expect: refused('coordinates') },
  { region: 'DE', text: '52°31\'12.0"N 13°24\'18.0"E', expect: refused('coordinates') },
  // Two numbers written with dots are not a coordinate pair.
  { region: 'US', text: '415.555.0132, 202.555.0143', expect: numbers('+14155550132', '+12025550143') },
]
