// Public surface of the Arabic text tools.
export { foldChar, normalizeKey, normalizeWithMap } from "./normalize.js";
export { tokenize, stripClitics, stemGuess, type Token } from "./tokenize.js";
export { splitSentences, type Sentence } from "./sentences.js";
export { findNumbers, parseNumberWords, type NumberMention, type Qualifier } from "./numbers.js";
export { findDates, resolveDatePhrase, dateSpans, type DateMention } from "./dates.js";
export { lookupNumberWord, lookupOrdinal, parseDayOrdinalAt, parseDigitString } from "./numberWords.js";
export { lookupDual, isCountNoun } from "./countNouns.js";
