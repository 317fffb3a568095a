/** Escapes text for HTML element content and attribute values (the pay pages are plain strings). */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
