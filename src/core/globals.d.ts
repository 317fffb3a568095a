/**
 * The few platform globals core/ may use because browsers, Node and Workers all have them alike
 * (WHATWG URL). core/'s TypeScript project has no DOM and no Node types (tsconfig.json), so
 * anything else of either platform does not compile here.
 */
declare class URL {
  constructor(url: string | URL, base?: string | URL);
  static canParse(url: string | URL, base?: string | URL): boolean;
  href: string;
  readonly origin: string;
  protocol: string;
  host: string;
  hostname: string;
  pathname: string;
  search: string;
  hash: string;
  toString(): string;
}
