import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-text';

describe('htmlToText', () => {
  it('separates paragraphs with a blank line and breaks lines at <br>', () => {
    expect(htmlToText('<p>Warm &amp; soft.</p><p>Wash cold.<br>Dry flat.</p>')).toBe('Warm & soft.\n\nWash cold.\nDry flat.');
  });
  it('collapses the source’s whitespace and newlines, as a browser shows them', () => {
    expect(htmlToText('<p>\n  A   mug\n  for tea.\n</p>\n\n<p>Two</p>')).toBe('A mug for tea.\n\nTwo');
  });
  it('keeps the text of nested inline tags and drops the tags', () => {
    expect(htmlToText('<div><p>Made <strong>by <em>hand</em></strong> in <a href="/x?a=1&b=2">Berlin</a>.</p></div>')).toBe('Made by hand in Berlin.');
  });
  it('drops scripts, styles and comments with their content', () => {
    expect(htmlToText('<p>Hi<script>alert("<p>x</p>")</script></p><style>p{color:red}</style><!-- <p>secret</p> --><p>there</p>')).toBe('Hi\n\nthere');
    expect(htmlToText('<SCRIPT type="text/javascript">var a = "</p>";</SCRIPT >after')).toBe('after');
  });
  it('drops an unclosed script to the end rather than showing its code', () => {
    expect(htmlToText('before<script>steal()')).toBe('before');
  });
  it('reads attributes whose quoted values hold ">"', () => {
    expect(htmlToText('<img alt="a > b" src="x.jpg">Text')).toBe('Text');
  });
  it('keeps a "<" that starts no tag', () => {
    expect(htmlToText('3 < 5 and 5 > 3')).toBe('3 < 5 and 5 > 3');
  });
  it('writes list items one per line', () => {
    expect(htmlToText('<p>Care:</p><ul><li>Cold wash</li><li>No <b>dryer</b></li></ul><p>Enjoy</p>')).toBe('Care:\n\n- Cold wash\n- No dryer\n\nEnjoy');
  });
  it('treats newlines as breaks and blank lines as paragraphs for WordPress texts', () => {
    expect(htmlToText('First line\nsecond line\n\nNew paragraph with <strong>bold</strong>', { newlinesAreBreaks: true })).toBe(
      'First line\nsecond line\n\nNew paragraph with bold',
    );
  });
  it('returns an empty string for markup without text', () => {
    expect(htmlToText('<p><br></p><!-- x -->')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('Caf&eacute; &amp; more &#8364; &#x1F600; Gr&ouml;&szlig;e')).toBe('Café & more € 😀 Größe');
  });
  it('leaves unknown names as written and drops invalid code points', () => {
    expect(decodeEntities('&madeup; &#0; &#xD800;!')).toBe('&madeup;  !');
  });
  it('decodes once, so an escaped entity stays an entity', () => {
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });
});
