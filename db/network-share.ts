import fs from 'node:fs';
import path from 'node:path';

const networkFilesystems = new Set(['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'fuse.sshfs', 'afs', 'ncpfs', '9p']);

/**
 * SQLite's WAL needs shared memory, which network filesystems do not provide.
 * Windows UNC paths and, on Linux, mounts of a network filesystem count as shares.
 */
export function isOnNetworkShare(file: string, mounts: string | null = readMounts()): boolean {
  if (/^(\\\\|\/\/)[^\\/]/.test(file)) return true;
  if (!mounts) return false;
  const dir = path.resolve(path.dirname(file));
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, point, type] = line.split(' ');
    if (!point || !type) continue;
    const decoded = point.replace(/\\040/g, ' ');
    const inside = dir === decoded || dir.startsWith(decoded.endsWith('/') ? decoded : `${decoded}/`);
    if (inside && (!best || decoded.length > best.point.length)) best = { point: decoded, type };
  }
  return best ? networkFilesystems.has(best.type) : false;
}

function readMounts(): string | null {
  if (process.platform !== 'linux') return null;
  try {
    return fs.readFileSync('/proc/mounts', 'utf8');
  } catch {
    return null;
  }
}
