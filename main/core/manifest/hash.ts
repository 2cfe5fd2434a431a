// SHA-256 of a file, streamed: a 4 GB film never sits in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Hex SHA-256 of the file; `onBytes` hears how much was read as it goes (for progress bars). */
export function sha256File(absPath: string, onBytes?: (n: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const stream = createReadStream(absPath, { highWaterMark: 1024 * 1024 });
    stream.on('data', (chunk) => {
      hash.update(chunk);
      onBytes?.(chunk.length);
    });
    stream.on('error', reject);
    stream.on('end', () => resolve(hash.digest('hex')));
  });
}
