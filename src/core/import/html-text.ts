/**
 * Shop descriptions (Shopify's "Body (HTML)", WooCommerce's "Description") as the catalog's
 * plain text: a blank line between paragraphs, `<br>` a line break, list items one per line,
 * entities decoded, every tag dropped, and the content of scripts, styles and comments dropped
 * with them. A scanner, not a DOM, so it runs in core (no platform); it never produces markup,
 * so whatever it misreads stays text.
 */

/** Elements whose content is not text a shopper should read. */
const DROPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'textarea']);
/** Elements that stand on their own paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'blockquote', 'pre', 'figure', 'figcaption',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'hr', 'address', 'details', 'summary', 'form', 'fieldset',
]);
/** Elements that start a new line within a paragraph. */
const LINES = new Set(['li', 'tr', 'dt', 'dd', 'caption']);

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ndash: '–', mdash: '—', hellip: '…', bull: '•', middot: '·', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', euro: '€', pound: '£', yen: '¥', cent: '¢', copy: '©',
  reg: '®', trade: '™', deg: '°', times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²',
  sup3: '³', micro: 'µ', para: '¶', sect: '§', iexcl: '¡', iquest: '¿', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä',
  Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è', ecirc: 'ê', euml: 'ë', Eacute: 'É', Egrave: 'È',
  aacute: 'á', agrave: 'à', acirc: 'â', atilde: 'ã', aring: 'å', aelig: 'æ', ccedil: 'ç', Ccedil: 'Ç', iacute: 'í',
  igrave: 'ì', icirc: 'î', iuml: 'ï', ntilde: 'ñ', Ntilde: 'Ñ', oacute: 'ó', ograve: 'ò', ocirc: 'ô', otilde: 'õ',
  oslash: 'ø', Oslash: 'Ø', uacute: 'ú', ugrave: 'ù', ucirc: 'û', yacute: 'ý', yuml: 'ÿ', oelig: 'œ', OElig: 'Œ',
};

/**
 * Decodes character references: named ones from a table of those shop texts use, and every
 * numeric one (`&#228;`, `&#xE4;`). An unknown name stays as written.
 * @example decodeEntities('Caf&eacute; &amp; more &#8364;') // 'Café & more €'
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([a-zA-Z][a-zA-Z\d]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return Object.hasOwn(NAMED, name) ? NAMED[name]! : whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    // Zero, surrogates and beyond Unicode are what HTML replaces with U+FFFD; a shop text drops them.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
    return String.fromCodePoint(code);
  });
}

// A tag: its name, then attributes whose quoted values may hold ">".
const TAG = /<(\/?)([a-zA-Z][a-zA-Z\d-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/y;

/** A line break that merges with its neighbours (`</li><li>` is one break, not two); a private-use character. */
const LINE = '\uE003';

export interface HtmlTextOptions {
  /**
   * Whether a newline in the source is a line break (and two a paragraph), as WordPress shows
   * descriptions (wpautop); in Shopify's HTML a newline is a space.
   */
  readonly newlinesAreBreaks?: boolean;
}

/**
 * The plain text of an HTML fragment, for the catalog's `description`.
 * @example htmlToText('<p>Warm &amp; soft.</p><p>Wash cold.<br>Dry flat.</p>') // 'Warm & soft.\n\nWash cold.\nDry flat.'
 */
export function htmlToText(source: string, options: HtmlTextOptions = {}): string {
  // The private-use characters below mark breaks while the text is built; a source has none.
  const html = source.replace(/[\uE001-\uE003]/g, '');
  const out: string[] = [];
  const text = (chunk: string) => {
    let t = chunk.replace(/\r\n?/g, '\n');
    t = options.newlinesAreBreaks ? t.replace(/\n[ \t]*\n\s*/g, '\uE001').replace(/\n/g, '\uE002') : t;
    out.push(decodeEntities(t.replace(/[ \t\n\f]+/g, ' ')).replace(/\uE001/g, '\n\n').replace(/\uE002/g, '\n'));
  };
  let at = 0;
  let plain = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      text(html.slice(plain, open));
      const end = html.indexOf('-->', open + 4);
      at = plain = end < 0 ? html.length : end + 3;
      continue;
    }
    if (/^<[!?]/.test(html.slice(open, open + 2))) {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>: markup, not text.
      text(html.slice(plain, open));
      const end = html.indexOf('>', open);
      at = plain = end < 0 ? html.length : end + 1;
      continue;
    }
    TAG.lastIndex = open;
    const tag = TAG.exec(html);
    if (!tag) {
      at = open + 1; // "3 < 5" is text
      continue;
    }
    text(html.slice(plain, open));
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    at = plain = TAG.lastIndex;
    if (!closing && DROPPED.has(name) && !tag[3]!.trimEnd().endsWith('/')) {
      const end = html.toLowerCase().indexOf(`</${name}`, at);
      const close = end < 0 ? -1 : html.indexOf('>', end);
      at = plain = close < 0 ? html.length : close + 1;
    } else if (name === 'br') out.push('\n');
    else if (BLOCKS.has(name)) out.push('\n\n');
    else if (LINES.has(name)) out.push(closing || name !== 'li' ? LINE : `${LINE}- `);
    else if ((name === 'td' || name === 'th') && !closing) out.push(' ');
  }
  text(html.slice(plain));
  return out
    .join('')
    .replace(/\uE003(?:[ ]*\uE003)*/g, '\n') // the end of one item and the start of the next: one line break
    .split('\n')
    .map((line) => line.replace(/[ \u00a0]+/g, (s) => (s.includes('\u00a0') ? '\u00a0' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
