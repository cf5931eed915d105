import { describe, expect, it } from 'vitest';
import { isOnNetworkShare } from '../../../db/network-share';

const mounts = [
  'proc /proc proc rw 0 0',
  '/dev/sda1 / ext4 rw 0 0',
  '//server/share /mnt/office cifs rw 0 0',
  'server:/export /srv/nfs nfs4 rw 0 0',
  '/dev/sdb1 /mnt/office/local ext4 rw 0 0',
].join('\n');

describe('network share detection (WAL cannot work there)', () => {
  it('treats Windows UNC paths as shares', () => {
    expect(isOnNetworkShare('\\\\server\\share\\ledger.sqlite', null)).toBe(true);
    expect(isOnNetworkShare('C:\\Users\\a\\ledger.sqlite', null)).toBe(false);
  });

  it('uses the longest matching mount point', () => {
    expect(isOnNetworkShare('/mnt/office/ledger.sqlite', mounts)).toBe(true);
    expect(isOnNetworkShare('/srv/nfs/a/b/ledger.sqlite', mounts)).toBe(true);
    expect(isOnNetworkShare('/mnt/office/local/ledger.sqlite', mounts)).toBe(false);
    expect(isOnNetworkShare('/home/a/ledger.sqlite', mounts)).toBe(false);
  });

  it('does not mistake a sibling folder with a common prefix for the mount', () => {
    expect(isOnNetworkShare('/mnt/office2/ledger.sqlite', mounts)).toBe(false);
  });
});
