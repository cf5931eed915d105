import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The command-line tools the print test drives: LibreOffice for xlsx → PDF, poppler-utils for reading it. */
export function missingPrintTools(): string[] {
  const probes: [string, string[]][] = [
    ['soffice', ['--version']],
    ['pdfinfo', ['-v']],
    ['pdftotext', ['-v']],
    ['pdftoppm', ['-v']],
  ];
  return probes.filter(([cmd, args]) => spawnSync(cmd, args, { stdio: 'ignore', timeout: 30_000 }).error).map(([cmd]) => cmd);
}

/** Converts workbooks to PDF in one LibreOffice run; soffice exits 0 even when it fails, so outputs are checked. */
export function convertToPdf(files: string[], outDir: string, profileDir: string): string[] {
  const run = spawnSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${profileDir}`, '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 120_000 },
  );
  return files.map((file) => {
    const pdf = path.join(outDir, `${path.basename(file, path.extname(file))}.pdf`);
    if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not convert ${file}: ${run.stderr || run.stdout}`);
    return pdf;
  });
}

const run = (cmd: string, args: string[]) => {
  const result = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr}`);
  return result.stdout;
};

export function pageSizes(pdf: string): { width: number; height: number }[] {
  const text = run('pdfinfo', ['-f', '1', '-l', '9999', pdf]);
  return [...text.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

/** Text of each page in content order, whitespace removed: a cell wrapped over lines reads as one string. */
export function pageTexts(pdf: string): string[] {
  return run('pdftotext', ['-raw', pdf, '-'])
    .split('\f')
    .filter((page, i, all) => i < all.length - 1 || page.trim())
    .map((page) => page.replace(/\s+/g, ''));
}

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function words(pdf: string): Word[] {
  const html = run('pdftotext', ['-bbox', pdf, '-']);
  const out: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]! });
  }
  return out;
}

/** A page rendered in grey at 72 dpi, so one pixel is one point, like the word boxes. */
function greyPage(pdf: string, page: number, dir: string): { width: number; height: number; pixel: (x: number, y: number) => number } {
  const prefix = path.join(dir, `grey-${page}`);
  run('pdftoppm', ['-gray', '-r', '72', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  const data = fs.readFileSync(`${prefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString('latin1'))!;
  const width = Number(header[1]);
  const offset = header[0].length;
  return { width, height: Number(header[2]), pixel: (x, y) => data[offset + Math.round(y) * width + Math.round(x)] ?? 255 };
}

/**
 * Text that does not fit its cell is still in the PDF, drawn under a clip: so instead of looking for missing
 * text, this finds the table's horizontal rules (pixel rows that are dark right across the 编号 column) and
 * reports every word whose box crosses one. A word crossing a rule is text running out of its cell.
 */
export function wordsCrossingRules(pdf: string, pages: number, scratch: string): Word[] {
  const all = words(pdf);
  const crossing: Word[] = [];
  for (let page = 1; page <= pages; page++) {
    const onPage = all.filter((w) => w.page === page);
    const seqHeader = onPage.find((w) => w.text === '编号');
    if (!seqHeader) continue;
    const image = greyPage(pdf, page, scratch);
    const rules: number[] = [];
    for (let y = 0; y < image.height; y++) {
      let dark = 0;
      const from = Math.ceil(seqHeader.xMin);
      const to = Math.floor(seqHeader.xMax);
      for (let x = from; x <= to; x++) if (image.pixel(x, y) < 160) dark++;
      if (dark >= (to - from + 1) * 0.9 && rules.at(-1) !== y - 1) rules.push(y);
    }
    const top = rules[0] ?? 0;
    const bottom = rules.at(-1) ?? 0;
    for (const word of onPage) {
      if (word.yMax < top || word.yMin > bottom) continue;
      if (rules.some((rule) => word.yMin + 2 < rule && rule < word.yMax - 2)) crossing.push(word);
    }
  }
  return crossing;
}
