// Types for the two parts of css-tree that clean-css.ts imports. @types/css-tree describes only the
// package's main entry, which builds the whole parser, lexer and property data (a few hundred KB in
// the book reader's bundle); the tokenizer and the decoders are all the cleaner needs.
declare module 'css-tree/tokenizer' {
  export { tokenize } from 'css-tree';
  // Token types (CSS Syntax Module Level 3, as css-tree numbers them).
  export const EOF: number;
  export const Ident: number;
  export const Function: number;
  export const AtKeyword: number;
  export const String: number;
  export const BadString: number;
  export const Url: number;
  export const BadUrl: number;
  export const WhiteSpace: number;
  export const Colon: number;
  export const Semicolon: number;
  export const Comma: number;
  export const LeftSquareBracket: number;
  export const RightSquareBracket: number;
  export const LeftParenthesis: number;
  export const RightParenthesis: number;
  export const LeftCurlyBracket: number;
  export const RightCurlyBracket: number;
  export const Comment: number;
}

declare module 'css-tree/utils' {
  export { ident, string, url } from 'css-tree';
}
