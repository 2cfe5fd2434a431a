// The part of epub.js 0.3.93 that book-engine.ts uses, typed as it behaves (the package's own
// types say section.load returns a Document and section.find Elements; both are wrong). This
// ambient declaration takes the place of the package's types for `import … from 'epubjs'`.
declare module 'epubjs' {
  export interface EpubBookOptions {
    replacements?: 'blobUrl' | 'base64' | 'none';
    openAs?: 'binary' | 'base64' | 'epub' | 'opf' | 'json' | 'directory';
  }

  export interface EpubHook<Args extends unknown[]> {
    register(fn: (...args: Args) => void | Promise<void>): void;
    deregister(fn: (...args: Args) => void | Promise<void>): void;
  }

  export interface EpubSection {
    index: number;
    idref: string;
    href: string;
    url: string;
    canonical: string;
    linear: boolean;
    cfiBase: string;
    document?: Document;
    contents?: Element;
    load(request?: (url: string) => Promise<unknown>): Promise<Element>;
    unload(): void;
    find(query: string): { cfi: string; excerpt: string }[];
    cfiFromRange(range: Range): string;
  }

  export interface EpubSpine {
    spineItems: EpubSection[];
    length: number;
    hooks: { content: EpubHook<[Document, EpubSection]>; serialize: EpubHook<[string, EpubSection]> };
    get(target?: string | number): EpubSection | null;
  }

  export interface EpubNavItem {
    id: string;
    href: string;
    label: string;
    subitems?: EpubNavItem[];
  }

  export interface EpubLocations {
    generate(chars: number): Promise<string[]>;
    length(): number;
    percentageFromCfi(cfi: string): number | null;
  }

  /** A JSZip entry: `name` is cleaned of `../` and leading `/`; the name as written is then in
   * `unsafeOriginalName`. */
  export interface EpubZipEntry {
    name: string;
    unsafeOriginalName?: string;
    dir: boolean;
  }

  export interface EpubArchive {
    getText(url: string, encoding?: string): Promise<string> | undefined;
    zip?: { file(name: string): EpubZipEntry | null };
  }

  export interface EpubPackageMetadata {
    title?: string;
    direction?: string;
    language?: string;
  }

  export interface EpubBook {
    opened: Promise<EpubBook>;
    ready: Promise<unknown>;
    isOpen: boolean;
    spine: EpubSpine;
    navigation?: { toc: EpubNavItem[] };
    locations: EpubLocations;
    archive?: EpubArchive;
    packaging?: { metadata: EpubPackageMetadata; manifest?: Record<string, { href: string; type?: string }> };
    open(input: ArrayBuffer, what?: 'binary'): Promise<unknown>;
    open(url: string, what: 'directory' | 'opf' | 'epub'): Promise<unknown>;
    unarchive(input: ArrayBuffer, encoding?: string): Promise<unknown>;
    load(path: string): Promise<unknown>;
    /** What `load` asks for every file (epub.js's own XHR unless replaced): `type` is null for a section. */
    request(url: string, type?: string | null, ...rest: unknown[]): Promise<unknown>;
    /** The address `load` asks `request` for. */
    resolve(path: string, absolute?: boolean): string | undefined;
    section(target: string | number): EpubSection | null;
    renderTo(element: Element, options: EpubRenditionOptions): EpubRendition;
    destroy(): void;
    on(event: string, fn: (...args: unknown[]) => void): void;
  }

  export interface EpubRenditionOptions {
    width?: string | number;
    height?: string | number;
    flow?: 'paginated' | 'scrolled' | 'scrolled-doc';
    spread?: 'none' | 'auto';
    manager?: 'default' | 'continuous';
    allowScriptedContent?: boolean;
    allowPopups?: boolean;
    defaultDirection?: 'ltr' | 'rtl';
    minSpreadWidth?: number;
  }

  export interface EpubLocationPoint {
    index: number;
    href: string;
    cfi: string;
    displayed: { page: number; total: number };
    percentage?: number;
  }

  export interface EpubLocation {
    start: EpubLocationPoint;
    end: EpubLocationPoint;
    atStart?: boolean;
    atEnd?: boolean;
  }

  export interface EpubContents {
    document: Document;
    /** The spine index of the section shown. */
    sectionIndex: number;
    window: Window;
    addStylesheetCss(css: string, key: string): boolean;
  }

  export interface EpubView {
    contents?: EpubContents;
    /** marks-pane: the highlight boxes over this view. */
    pane?: { render(): void };
  }

  export interface EpubThemes {
    default(rules: Record<string, Record<string, string>>): void;
    register(name: string, rules: Record<string, Record<string, string>>): void;
    select(name: string): void;
    fontSize(size: string): void;
    override(name: string, value: string, priority?: boolean): void;
  }

  export interface EpubAnnotations {
    highlight(cfiRange: string, data?: object, cb?: () => void, className?: string, styles?: Record<string, string>): unknown;
    remove(cfiRange: string, type: 'highlight' | 'underline' | 'mark'): void;
  }

  export interface EpubRendition {
    themes: EpubThemes;
    annotations: EpubAnnotations;
    hooks: { content: EpubHook<[EpubContents, EpubRendition]> };
    location?: EpubLocation;
    display(target?: string | number): Promise<void>;
    next(): Promise<void>;
    prev(): Promise<void>;
    resize(width?: number | string, height?: number | string, epubcfi?: string): void;
    getContents(): EpubContents[];
    /** The views on screen (the manager's list). */
    views?(): { all(): EpubView[] } | [];
    on(event: 'relocated', fn: (location: EpubLocation) => void): void;
    on(event: 'keydown' | 'keyup', fn: (event: KeyboardEvent) => void): void;
    on(event: 'rendered', fn: (section: EpubSection, view: EpubView) => void): void;
    on(event: 'displayError', fn: (error: unknown) => void): void;
    on(event: string, fn: (...args: never[]) => void): void;
    off(event: string, fn: (...args: never[]) => void): void;
    destroy(): void;
  }

  export class EpubCFI {
    constructor(from?: Range | string, cfiBase?: string);
    toString(): string;
    compare(a: string, b: string): number;
    /** The range the CFI names inside `doc` (throws or returns null when it is not there). */
    toRange(doc: Document, ignoreClass?: string): Range | null;
  }

  const ePub: (options?: EpubBookOptions) => EpubBook;
  export default ePub;
}
