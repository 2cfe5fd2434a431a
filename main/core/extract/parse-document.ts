// htmlparser2's parseDocument, with a bound on how deep elements may nest. htmlparser2 keeps its
// open elements in an array it grows and shrinks at the front (unshift/shift), so every open tag
// costs as much as the depth so far: 100,000 nested <div>s take 12 s, a 64 MB file of them hours.
// Real pages nest a few dozen deep (Chromium's own parser stops nesting at 512), so markup deeper
// than MAX_NESTING_DEPTH is refused as damaged, in a few milliseconds, before the cost can grow.
import { Parser, type ParserOptions } from 'htmlparser2';
import { DomHandler, type Document, type DomHandlerOptions } from 'domhandler';
import { ExtractError } from '../errors.js';

export const MAX_NESTING_DEPTH = 1000;
/** The detail of the ExtractError for markup nested too deep. */
export const TOO_DEEP = `elements nested more than ${MAX_NESTING_DEPTH} deep`;

class BoundedDomHandler extends DomHandler {
  override onopentag(name: string, attribs: { [key: string]: string }): void {
    super.onopentag(name, attribs);
    if (this.tagStack.length > MAX_NESTING_DEPTH + 1) {
      throw new ExtractError('corrupt', TOO_DEEP);
    }
  }
}

/** The document of `markup`; throws ExtractError('corrupt') when it nests too deep. */
export function parseBoundedDocument(markup: string, options: ParserOptions & DomHandlerOptions): Document {
  const handler = new BoundedDomHandler(undefined, options);
  new Parser(handler, options).end(markup);
  return handler.root;
}
