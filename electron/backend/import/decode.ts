/**
 * Text files (CSV, HTML saved as .xls): a BOM decides the encoding; else strict UTF-8; else GB18030
 * (a superset of GBK and GB2312, which Excel and WPS write on Chinese Windows). SheetJS does not detect GBK.
 */
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** How a text file is encoded and how long its BOM is, without decoding it (strict UTF-8 is validated in place). */
export function sniffEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', bomLength: 3 };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', bomLength: 2 };
  if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) return { encoding: 'gb18030', bomLength: 4 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'gb18030', bomLength: 0 };
}

/**
 * The first `maxBytes` of a text file, decoded: enough to tell CSV from HTML and text from binary without
 * holding the whole file as a string in the backend (the worker decodes it all). A character cut in half at
 * the end becomes one replacement character, which no test here minds.
 */
export function decodeHead(bytes: Uint8Array, sniffed: { encoding: TextEncodingName; bomLength: number }, maxBytes: number): string {
  return new TextDecoder(sniffed.encoding).decode(bytes.subarray(sniffed.bomLength, sniffed.bomLength + maxBytes));
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  if (startsWith(bytes, [0x84, 0x31, 0x95, 0x33])) return { text: new TextDecoder('gb18030').decode(bytes.subarray(4)), encoding: 'gb18030', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
}

/** Whether decoded text looks like binary data: replacement characters or control codes a text file never has. */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || code === 0 || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)) bad++;
  }
  return bad > Math.max(2, sample.length * 0.005);
}
