/**
 * Names of the streams and storages in an OLE compound file (CFB: .xls, .et, and encrypted OOXML), read from
 * its directory with every offset checked, so encryption and non-spreadsheet Office files are told apart
 * before the parser runs.
 */

const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && signature.every((b, i) => bytes[i] === b);
}

const endOfChain = 0xfffffffe;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

/** Directory entry names, or null when the directory cannot be read (truncated or damaged file). */
export function cfbEntryNames(bytes: Uint8Array): string[] | null {
  if (!isCfb(bytes) || bytes.length < 512) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (s: number): number => (s + 1) * sectorSize;
  const validSector = (s: number): boolean => s >= 0 && s < sectorCount && sectorOffset(s) + sectorSize <= bytes.length + sectorSize;

  // FAT sectors: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(bytes, 0x4c + i * 4);
    if (s < 0xfffffffa) fatSectors.push(s);
  }
  let difat = u32(bytes, 0x44);
  const seen = new Set<number>();
  while (difat < 0xfffffffa && validSector(difat) && !seen.has(difat) && fatSectors.length < sectorCount) {
    seen.add(difat);
    const base = sectorOffset(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const s = u32(bytes, base + i * 4);
      if (s < 0xfffffffa) fatSectors.push(s);
    }
    difat = u32(bytes, base + per * 4);
  }
  const fatEntry = (s: number): number => {
    const perSector = sectorSize / 4;
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined || !validSector(fs)) return endOfChain;
    return u32(bytes, sectorOffset(fs) + (s % perSector) * 4);
  };

  const names: string[] = [];
  let dir = u32(bytes, 0x30);
  const visited = new Set<number>();
  while (dir < 0xfffffffa) {
    if (!validSector(dir) || visited.has(dir)) return names.length ? names : null;
    visited.add(dir);
    const base = sectorOffset(dir);
    for (let e = 0; e < sectorSize / 128; e++) {
      const at = base + e * 128;
      if (at + 128 > bytes.length) break;
      const type = bytes[at + 66];
      if (type !== 1 && type !== 2 && type !== 5) continue;
      const length = Math.min(u16(bytes, at + 64), 64);
      let name = '';
      for (let i = 0; i + 1 < length - 1; i += 2) name += String.fromCharCode(u16(bytes, at + i));
      names.push(name);
    }
    dir = fatEntry(dir);
  }
  return names;
}
