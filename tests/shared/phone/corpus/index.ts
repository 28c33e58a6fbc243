import { goodNumbers } from './good-numbers'
import { invisibleCharacters } from './invisible-characters'
import { directionControls } from './direction-controls'
import { labelledReferences, phoneLabels } from './labelled-references'
import { cardNumbers, coordinates, dates } from './other-shapes'
import type { CorpusCase } from './types'
import { lists, sentences, validity } from './validity'

// Hostile and ordinary clipboard texts in five regions, by class. Grow it whenever a miss is found:
// add the text, in its class, with what a person reading it means.
export const CORPUS: Record<string, CorpusCase[]> = {
  'good numbers': goodNumbers,
  'invisible characters': invisibleCharacters,
  'direction controls': directionControls,
  'labelled references': labelledReferences,
  'phone labels': phoneLabels,
  dates,
  'card numbers': cardNumbers,
  coordinates,
  validity,
  sentences,
  lists,
}
