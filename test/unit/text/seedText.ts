import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real source documents (DESIGN §1), kept beside the repository in ../shared/seeds. */
export const seedsDir = resolve(__dirname, '../../../../shared/seeds');
export const seedsPresent = existsSync(seedsDir);

export function seedFiles(): { name: string; text: string }[] {
  if (!seedsPresent) return [];
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), 'utf8') }));
}

/** The text of the seed whose name starts with `prefix` ("000"). */
export function seed(prefix: string): string {
  const file = seedFiles().find((f) => f.name.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} not found in ${seedsDir}`);
  return file.text;
}

/**
 * A fragment that must occur in a seed, returned as is: tests quote the seeds verbatim, and fail loudly
 * if a seed changes under them.
 */
export function quote(prefix: string, fragment: string): string {
  if (!seed(prefix).includes(fragment)) throw new Error(`seed ${prefix} does not contain: ${fragment}`);
  return fragment;
}
