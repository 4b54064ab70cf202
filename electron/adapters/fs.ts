import { access, copyFile, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import type { FsPort } from '../handlers/ports';

export const nodeFs: FsPort = {
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: (p, d) => writeFile(p, d),
  rename: (a, b) => rename(a, b),
  copyFile: (a, b) => copyFile(a, b),
  unlink: (p) => unlink(p),
  exists: (p) => access(p).then(
    () => true,
    () => false,
  ),
};
