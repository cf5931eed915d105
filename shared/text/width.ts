/**
 * Full-width forms (０-９, ．, ％, ｋｍ, the ideographic space) typed by Chinese IMEs, folded to ASCII.
 * Every replacement is one UTF-16 unit for one, so offsets found in the folded text are offsets in the
 * original: the UI can highlight the user's own characters.
 */

/** Full-width punctuation kept as is: it carries Chinese sentence structure the parsers rely on. */
const keptFullWidth = new Set(['，', '；', '：', '（', '）', '！', '？']);

const foldable = /[\u3000\uff01-\uff5e]/;

export function foldWidth(text: string): string {
  if (!foldable.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else if (code >= 0xff01 && code <= 0xff5e && !keptFullWidth.has(ch)) {
      out += String.fromCharCode(code - 0xfee0);
      changed = true;
    } else {
      out += ch;
    }
  }
  return changed ? out : text;
}
