/**
 * Files that electron-builder.yml lists under `asarUnpack` are copied to `app.asar.unpacked/` beside the archive.
 * Code running from inside `app.asar` computes paths inside the archive; Electron's patched `fs` answers for those
 * (so `existsSync` says yes), but a worker thread or a native loader needs the real file: hand them this path.
 */
const asarSegment = /([\\/])app\.asar(?=[\\/]|$)/;

/** The `app.asar.unpacked` twin of a path inside `app.asar`; any other path unchanged. */
export function unpackedPath(file: string): string {
  return file.replace(asarSegment, '$1app.asar.unpacked');
}
