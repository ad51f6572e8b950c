// Writes a gzip copy beside each built text asset; the console servlet sends it to browsers that accept gzip.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const root = new URL('../../target/classes/console/', import.meta.url).pathname;
const compressible = /\.(js|css|html|svg|json|txt)$/;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      walk(path);
    } else if (compressible.test(name)) {
      const data = readFileSync(path);
      const packed = gzipSync(data, { level: constants.Z_BEST_COMPRESSION });
      if (packed.length < data.length) {
        writeFileSync(path + '.gz', packed);
      }
    }
  }
}

walk(root);
