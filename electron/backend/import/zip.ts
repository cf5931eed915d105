/**
 * Reads a zip container's central directory without inflating anything, so that a decompression bomb is
 * refused from the sizes it declares before any byte is inflated.
 */

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectory = { ok: true; entries: ZipEntry[] } | { ok: false; reason: string };

/** Entries beyond this are not a spreadsheet (an xlsx has tens). */
const maxEntries = 100_000;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  // End of central directory: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= 0 && i >= bytes.length - 22 - 65_535; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: '找不到压缩包的目录，文件可能被截断' };
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  // ZIP64: a locator just before the EOCD points at the ZIP64 end record.
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
      const rec = u64(bytes, loc + 8);
      if (rec + 56 <= bytes.length && u32(bytes, rec) === 0x06064b50) {
        count = u64(bytes, rec + 32);
        size = u64(bytes, rec + 40);
        offset = u64(bytes, rec + 48);
      }
    }
  }
  if (count > maxEntries) return { ok: false, reason: `压缩包声明了 ${count} 个文件，不像是电子表格` };
  if (offset + size > bytes.length) return { ok: false, reason: '压缩包的目录超出了文件末尾，文件可能被截断' };
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) return { ok: false, reason: '压缩包的目录已损坏' };
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = new TextDecoder('utf-8').decode(nameBytes);
    // ZIP64 extra field (0x0001): the 64-bit values, in order, for the fields that were 0xFFFFFFFF.
    let e = p + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd && e + 4 <= bytes.length) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          uncompressedSize = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + len) localHeaderOffset = u64(bytes, q);
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return { ok: true, entries };
}

/** Sizes the local header declares (SheetJS trusts these rather than the central directory). */
export function localHeaderSizes(bytes: Uint8Array, entry: ZipEntry): { compressed: number; uncompressed: number; dataOffset: number } | null {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) return null;
  const nameLength = u16(bytes, p + 26);
  const extraLength = u16(bytes, p + 28);
  return { compressed: u32(bytes, p + 18), uncompressed: u32(bytes, p + 22), dataOffset: p + 30 + nameLength + extraLength };
}

/** An entry's name as compared: forward slashes, no leading slash, lower case. */
export function entryKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}
