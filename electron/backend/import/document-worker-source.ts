/**
 * The document worker's code (see worker-source.ts for why a string): a .docx through mammoth to HTML, a .doc
 * through word-extractor to text, in a worker with the same heap limit and time budget as a workbook. It
 * posts back one string; the understanding (pure, shared/import/document) runs on it in the parent.
 * Images are dropped, not inlined: a document full of photos must not become megabytes of base64.
 */
export const documentWorkerSource = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');

function fail(kind, detail) {
  parentPort.postMessage({ ok: false, kind, detail: String(detail === undefined ? '' : detail).slice(0, 300) });
}

function messageOf(error) {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message);
  return String(error);
}

async function docx(buffer, libs) {
  const mammoth = require(libs.mammoth);
  const noImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const result = await mammoth.convertToHtml({ buffer }, { convertImage: noImage, ignoreEmptyParagraphs: true });
  return { ok: true, document: 'html', content: String(result.value || '') };
}

async function doc(buffer, libs) {
  const WordExtractor = require(libs.wordExtractor);
  const document = await new WordExtractor().extract(buffer);
  return { ok: true, document: 'text', content: String(document.getBody() || '') };
}

async function main() {
  const job = workerData;
  const buffer = Buffer.from(job.buffer);
  let result;
  try {
    result = job.format === 'docx' ? await docx(buffer, job.libs) : await doc(buffer, job.libs);
  } catch (error) {
    const message = messageOf(error);
    if (/Cannot find module/.test(message)) return fail('internal', 'Word 读取组件无法加载：' + message);
    return fail(/password|encrypt/i.test(message) ? 'encrypted' : error instanceof RangeError ? 'memory' : 'corrupt', message);
  }
  if (result.content.trim() === '') return fail('empty', '');
  parentPort.postMessage(result);
}

main().catch((error) => fail(error instanceof RangeError ? 'memory' : 'corrupt', messageOf(error)));
`;
