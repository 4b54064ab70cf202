import { access, readFile, unlink } from 'node:fs/promises';
import { sweepStaleTemps, writeFileAtomic } from '../handlers/atomic-write';
import type { FsPort } from '../handlers/ports';

export const nodeFs: FsPort = {
  readFile: (p) => readFile(p, 'utf8'),
  writeAtomic: (p, d, opts) => writeFileAtomic(p, d, opts),
  unlink: (p) => unlink(p),
  exists: (p) =>
    access(p).then(
      () => true,
      () => false,
    ),
  sweepTemps: async (dirs) => void (await sweepStaleTemps(dirs)),
};
