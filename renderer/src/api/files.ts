/** The file as base64, read by the browser itself: nothing leaves this computer. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”。`));
    reader.readAsDataURL(file);
  });
}

/** Hands a file to the browser's (or Electron's) save dialog, which asks before overwriting anything. */
export function saveFile(fileName: string, content: Uint8Array<ArrayBuffer> | string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const fromBase64 = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * A file for import.stage. In the desktop app its bytes, which IPC copies as they are (a 100 MB file stays 100 MB,
 * not a 140 MB string decoded twice); in a browser base64, the only thing the bridge's JSON carries.
 */
export async function stagedContent(file: File, desktop: boolean): Promise<{ content: Uint8Array<ArrayBuffer> } | { contentBase64: string }> {
  if (desktop) return { content: new Uint8Array(await file.arrayBuffer()) };
  return { contentBase64: await readAsBase64(file) };
}

