/** A build stopped for a reason the volunteer can fix; the message says what, in Korean and English. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
  constructor(ko: string, en: string) {
    super(`changmun: ${ko} / ${en}`);
  }
}
