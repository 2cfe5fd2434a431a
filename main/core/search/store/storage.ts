// Where index files live: under .changmun/index/ on a writable drive (every write through the
// DataDir guard, every read checked against its seal), or in memory when nothing may be written
// (a read-only stick, the command line's search). Names are made here from numbers, never read
// from a file of the drive.
import { DataDir } from '../../drive/data-dir.js';
import { FileSink, MemorySink, SealedFile, sharedBlockCache } from './sealed.js';
import type { Blob, BlobSink, IndexStorage, Seal } from './blob.js';

export type { IndexStorage } from './blob.js';

export const INDEX_FOLDER = 'index';

export class DriveStorage implements IndexStorage {
  readonly persistent = true;
  constructor(readonly dataDir: DataDir) {}

  async create(name: string): Promise<BlobSink> {
    const file = await this.dataDir.create(`${INDEX_FOLDER}/${name}`);
    return new FileSink(file, name, sharedBlockCache);
  }

  open(name: string, seal: Seal): Blob {
    return new SealedFile(this.dataDir.pathOf(`${INDEX_FOLDER}/${name}`), seal, name, sharedBlockCache);
  }

  async remove(name: string): Promise<void> {
    await this.dataDir.remove(`${INDEX_FOLDER}/${name}`);
  }
}

export class MemoryStorage implements IndexStorage {
  readonly persistent = false;
  private readonly blobs = new Map<string, Blob>();

  async create(name: string): Promise<BlobSink> {
    const sink = new MemorySink();
    const finish = sink.finish.bind(sink);
    sink.finish = async () => {
      const done = await finish();
      this.blobs.set(name, done.blob);
      return done;
    };
    return sink;
  }

  open(name: string): Blob {
    const blob = this.blobs.get(name);
    if (!blob) throw new Error(`changmun: no index file ${name} in memory`);
    return blob;
  }

  async remove(name: string): Promise<void> {
    this.blobs.delete(name);
  }
}
