// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"disableJavaScriptFileLoading": true, "disableIframePageLoading": true, "handleDisabledFileLoadingAsSuccess": true}}
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Builder from './Builder';

/**
 * The builder as a merchant uses it, rendered with Preact into happy-dom: controls in, the
 * snippet, the preview's options and the warnings out. The preview's shop itself runs in
 * Chromium (e2e/builder.spec.ts); here its element stays undefined, as it is until
 * fanshop-element.js is in.
 */
let root: HTMLElement;
beforeEach(() => {
  document.documentElement.lang = 'en';
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Builder />, root));
});
afterEach(() => {
  render(null, root);
  root.remove();
  document.head.querySelectorAll('script').forEach((s) => s.remove());
});

const snippet = () => root.querySelector('textarea')!.value;
const labelled = <T extends HTMLElement>(text: string) => {
  const label = Array.from(root.querySelectorAll('label')).find((l) => l.textContent?.includes(text));
  if (!label) throw new Error(`no control labelled ${text}`);
  return label.querySelector<T>('input, select') as T;
};
function change(control: HTMLInputElement | HTMLSelectElement, value: string, type: 'input' | 'change' = 'change') {
  act(() => {
    control.value = value;
    control.dispatchEvent(new Event(type, { bubbles: true }));
  });
}
function choose(way: string) {
  act(() => {
    root.querySelector<HTMLInputElement>(`input[name="way"][value="${way}"]`)!.click();
  });
}
const shopElement = () => root.querySelector('fanshop-shop') as (HTMLElement & { theme?: Record<string, unknown> }) | null;

describe('Builder', () => {
  it('starts with the script tag for this server’s own catalog and the default look', () => {
    expect(snippet()).toBe(`<div data-fanshop></div>\n<script src="${location.origin}/fanshop.js" data-catalog="${location.origin}/catalog.json" async></script>`);
    expect(shopElement()!.getAttribute('catalog')).toBe(`${location.origin}/catalog.json`);
    expect(shopElement()!.theme).toEqual({});
    // fanshop-element.js is asked for from the shop's server.
    expect(document.head.querySelector('script[type="module"]')!.getAttribute('src')).toBe(`${location.origin}/fanshop-element.js`);
  });

  it('updates the snippet and the preview’s theme as the accent colour moves', () => {
    change(labelled<HTMLInputElement>('Accent colour'), '#c0392b', 'input');
    expect(snippet()).toContain(' data-theme-primary="#c0392b" ');
    expect(shopElement()!.theme).toEqual({ primary: '#c0392b' });
  });

  it('writes each look control into the snippet and the preview', () => {
    change(labelled('Corner radius'), '0px');
    change(labelled('Font'), 'Georgia, serif');
    change(labelled('Density'), 'compact');
    change(labelled('Most columns'), '3');
    change(labelled('Colour scheme'), 'dark');
    expect(shopElement()!.theme).toEqual({ radius: '0px', fontFamily: 'Georgia, serif', density: 'compact', columns: 3, scheme: 'dark' });
    expect(snippet()).toContain('data-theme-radius="0px" data-theme-font-family="Georgia, serif" data-theme-density="compact" data-theme-columns="3" data-theme-scheme="dark"');
    act(() => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Reset the look')!.click());
    expect(snippet()).not.toContain('data-theme');
    expect(shopElement()!.theme).toEqual({});
  });

  it('gives the preview the language, and the snippet too', () => {
    change(labelled('Language'), 'de');
    expect(shopElement()!.getAttribute('locale')).toBe('de');
    expect(snippet()).toContain('data-locale="de"');
  });

  it('offers the custom element, and an iframe previewed in an iframe with a title', () => {
    choose('element');
    expect(snippet()).toBe(`<script type="module" src="${location.origin}/fanshop-element.js"></script>\n<fanshop-shop catalog="${location.origin}/catalog.json"></fanshop-shop>`);
    choose('iframe');
    expect(snippet()).toContain(`data-src="${location.origin}/shop"`);
    expect(shopElement()).toBeNull();
    const frame = root.querySelector('iframe')!;
    expect(frame.getAttribute('title')).toBe('Preview of the shop in an iframe');
    change(labelled<HTMLInputElement>('Iframe title'), 'Our shop', 'input');
    expect(snippet()).toContain('data-title="Our shop"');
  });

  it('tells what the merchant’s side needs, from the page’s address', () => {
    const needs = () => Array.from(root.querySelectorAll('.fsb-needs li'), (li) => li.textContent);
    expect(needs().join('\n')).toContain('FANSHOP_ALLOWED_ORIGINS');
    change(labelled<HTMLInputElement>('Address of the page'), 'https://www.example.com/shop', 'input');
    expect(needs()[0]).toContain('FANSHOP_ALLOWED_ORIGINS=https://www.example.com');
    act(() => labelled<HTMLInputElement>('embedded checkout').click());
    expect(needs().join('\n')).toContain('https://js.stripe.com');
    change(labelled<HTMLInputElement>('Address of the page'), 'example', 'input');
    expect(needs()[0]).toBe('“example” is not a web address: write it in full, starting with https://');
  });

  it('copies the snippet and says so', async () => {
    change(labelled<HTMLInputElement>('Accent colour'), '#2e7d32', 'input');
    await act(async () => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Copy')!.click());
    expect(await navigator.clipboard.readText()).toBe(snippet());
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Copied');
    // A changed snippet is not the one copied.
    change(labelled<HTMLInputElement>('Accent colour'), '#000000', 'input');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('');
  });
});

describe('Builder without the Clipboard API', () => {
  it('selects the snippet and tells the merchant to copy it when no way to copy works', async () => {
    // An insecure context has no navigator.clipboard, and happy-dom has no execCommand('copy').
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    try {
      await act(async () => Array.from(root.querySelectorAll('button')).find((b) => b.textContent === 'Copy')!.click());
      expect(root.querySelector('[role="status"]')!.textContent).toBe('Could not copy: select the snippet and copy it yourself.');
      const area = root.querySelector('textarea')!;
      expect(document.activeElement).toBe(area);
      expect([area.selectionStart, area.selectionEnd]).toEqual([0, snippet().length]);
    } finally {
      if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
      else delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });
});

describe('Builder in German', () => {
  it('speaks the studio page’s language', () => {
    render(null, root);
    document.documentElement.lang = 'de';
    act(() => render(<Builder />, root));
    expect(root.querySelector('h2')!.textContent).toBe('Den Shop einbetten');
    expect(labelled('Akzentfarbe')).toBeTruthy();
    expect(Array.from(root.querySelectorAll('button'), (b) => b.textContent)).toContain('Kopieren');
  });
});
