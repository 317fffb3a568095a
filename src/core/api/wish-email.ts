import { WISH_EMAIL_MAX } from './wishes';

/**
 * The one check of a "Notify me" email address: the server keeps what this returns
 * (server/wishes/request.ts), and the widget's form asks the same before it sends (so a shopper
 * reads the form's message, not the server's 400).
 */

/** RFC 5322's dot-atom, with letters of any script (RFC 6531): `jürgen.fan+tour`. */
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * An email address as the shop keeps it, or undefined when it is not one a mailer could write
 * to: trimmed, at most 254 characters (RFC 5321's path limit), a local part of at most 64 kept
 * as written (it may be case-sensitive), and a domain in lower case, international names in
 * their ASCII form (`bücher.example` → `xn--bcher-kva.example`), with a dot and a top-level
 * name of letters. Quoted local parts and address literals (`[192.0.2.1]`) are refused: shoppers
 * do not use them and mailers handle them badly.
 * @example normalizeEmail(' Fan@Example.COM ') // "Fan@example.com"
 */
export function normalizeEmail(text: string): string | undefined {
  const email = text.trim().normalize('NFC');
  const at = email.lastIndexOf('@');
  if (at < 1 || email.length > WISH_EMAIL_MAX) return undefined;
  const local = email.slice(0, at);
  if ([...local].length > 64 || !LOCAL_PART.test(local)) return undefined;
  const written = email.slice(at + 1);
  // Letters, digits, dots and hyphens only, before the URL parser (which would take a port or a path) makes it ASCII.
  if (!/^[\p{L}\p{N}.-]+$/u.test(written)) return undefined;
  let domain: string;
  try {
    domain = new URL(`http://${written}`).hostname;
  } catch {
    return undefined;
  }
  const labels = domain.split('.');
  const top = labels.at(-1) ?? '';
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(top)) return undefined;
  const normal = `${local}@${domain}`;
  return normal.length <= WISH_EMAIL_MAX ? normal : undefined;
}
