// `changmun search … | head -1`: head reads one line and closes the pipe, and the next write fails
// with EPIPE. Node reports that as an 'error' event on process.stdout, which with no listener is an
// uncaught exception: a stack trace for doing what the person asked. A closed output is not a
// failure of the command: what was still to print is dropped, the command finishes, and the exit
// code is its own.
const watched = new WeakMap<NodeJS.WritableStream, { closed: boolean }>();

/** Watch a stream for a closed reader; returns whether it is closed (asked before each write). */
export function watchClosedPipe(stream: NodeJS.WritableStream): () => boolean {
  let state = watched.get(stream);
  if (!state) {
    const s = { closed: false };
    state = s;
    watched.set(stream, s);
    // Any write error means nobody reads any more (EPIPE on a pipe, EIO on a closed terminal).
    stream.on('error', () => {
      s.closed = true;
    });
  }
  const s = state;
  return () => s.closed;
}
