/**
 * Full-width forms (０-９, ．, ％, ｋｍ, the ideographic space) typed by Chinese IMEs, folded to ASCII.
 * Every replacement is one UTF-16 unit for one, so offsets found in the folded text are offsets in the
 * original: the UI can highlight the user's own characters.
 */

/** Full-width punctuation kept as is: it carries Chinese sentence structure the parsers rely on. */
// Kept as they are: ，；：（）！？ — they carry Chinese sentence structure the parsers rely on.

// Only the characters that change: "，" and its kept kin are in every sentence, and testing for the whole
// full-width block made every call rebuild its text (the import reads each cell a dozen times).
const foldable = /[\u3000\uff02-\uff07\uff0a\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5e]/;
const foldableAll = new RegExp(foldable.source, 'g');

function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
}

// The readers fold the same cell many times over in a row (targets, quantities, bounds, dates): the last
// text folded is kept, and comparing a string is cheaper than scanning it.
let lastInput = '';
let lastFolded = '';

export function foldWidth(text: string): string {
  if (text === lastInput) return lastFolded;
  const folded = foldable.test(text) ? text.replace(foldableAll, fold) : text;
  lastInput = text;
  lastFolded = folded;
  return folded;
}
