import { describe, expect, it } from 'vitest';
import { decodeSeal, sealCells } from '../../../electron/backend/export/seal-sheet';
import { sealFormat, type Seal } from '../../../shared/seal/seal';
import { snapshotFormat } from '../../../shared/snapshot';

const seal: Seal = {
  format: sealFormat,
  office: '叶县人民政府办公室',
  fingerprint: 'AB12',
  publicKeyPem: '-----BEGIN PUBLIC KEY-----',
  sha256: '00',
  signature: 'c2ln',
  signer: '王东效',
  signedAt: null,
  snapshot: {
    format: snapshotFormat,
    office: '叶县人民政府办公室',
    plan: { year: 2022, name: '2022年省民生实事叶县', level: 'province' },
    period: { label: '2022年7月', asOf: '2022-07-25' },
    revision: 1,
    revisionReason: '',
    columns: [],
    rows: Array.from({ length: 400 }, (_, i) => ({ seq: String(i + 1), task: `任务${'很长的文字'.repeat(20)}${i}`, units: ['县人社局'], responsiblePeople: [], leaders: [], progress: '' })),
    signOff: { preparer: '', preparedAt: null, reviewer: '', reviewedAt: null, signer: '王东效', signedAt: null },
  },
};

describe('the seal sheet column A', () => {
  const chunks = sealCells(seal);
  const read = (cells: string[]) => decodeSeal([sealFormat, ...cells]);

  it('reads back the seal from its chunks, and from the same base64 cut anywhere else', () => {
    expect(chunks.length).toBeGreaterThan(2);
    expect(read(chunks)).toEqual({ ok: true, seal });
    const joined = chunks.join('');
    const recut = [joined.slice(0, 1001), joined.slice(1001, 40_003), joined.slice(40_003)];
    expect(read(recut)).toEqual({ ok: true, seal });
  });

  it('is the base64 of the seal JSON cut every 32,000 characters', () => {
    const whole = Buffer.from(JSON.stringify(seal), 'utf8').toString('base64');
    expect(chunks.join('')).toBe(whole);
    expect(chunks.slice(0, -1).every((c) => c.length === 32_000)).toBe(true);
    expect(chunks.at(-1)!.length).toBeLessThanOrEqual(32_000);
  });

  it('refuses base64 padding or junk inside, even where each chunk alone would decode', () => {
    const padded = [...chunks];
    padded[0] = `${padded[0]!.slice(0, -4)}QQ==`;
    expect(read(padded)).toEqual({ ok: false, tag: sealFormat });
    const junk = [...chunks];
    junk[1] = `${junk[1]!.slice(0, -4)}A-B_`;
    expect(read(junk)).toEqual({ ok: false, tag: sealFormat });
    expect(read(['not base64 at all!'])).toEqual({ ok: false, tag: sealFormat });
  });
});
