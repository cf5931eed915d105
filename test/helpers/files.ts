import { createHash } from 'node:crypto';
import fs from 'node:fs';

export const sha256OfFile = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
