/** The bulletin model: a signed revision's data and the clerk's choices → the document's blocks. Pure. */
import { circularBulletin } from './circular';
import { reportBulletin } from './report';
import { supervisionBulletin } from './supervision';
import type { BulletinDocument, BulletinOptions, BulletinSource } from './types';

export function buildBulletin(source: BulletinSource, options: BulletinOptions): BulletinDocument {
  switch (options.template) {
    case 'circular':
      return circularBulletin(source, options);
    case 'report':
      return reportBulletin(source, options);
    default:
      return supervisionBulletin(source, options);
  }
}

/** The text a block reads as: the preview, the tests and the bench all read it this way. */
export function blockText(block: BulletinDocument['blocks'][number]): string {
  switch (block.kind) {
    case 'masthead':
      return [block.name, block.issue, `${block.issuer}\u3000${block.date}`].join('\n');
    case 'item':
    case 'paragraph':
      return block.runs.map((r) => r.text).join('');
    case 'signature':
      return block.lines.join('\n');
    case 'distribution':
      return block.label + block.text;
    default:
      return block.text;
  }
}

export * from './types';
export { bulletinSource, detailFormat, type SnapshotDetail } from './source';
export { defaultDistribution, defaultRequirements } from './phrases';
export { chineseDate, chineseNumber } from './numbering';
export { groupItems } from './groups';
export { openingParagraph } from './supervision';
