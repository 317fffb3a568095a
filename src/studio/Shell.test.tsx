import { Window } from 'happy-dom';
import { h, render } from 'preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../server/app';
import { Shell } from './Shell';

/**
 * The studio's shell against the real server app, in process: the browser's fetch is handed to
 * `app.request()` with what a browser adds (the page's Origin on changes, the session cookie it
 * was given). Node's environment with a happy-dom document, not happy-dom's environment: its
 * Request drops `Origin` and `Cookie`, which a browser's fetch may not set but does send.
 */
const window = new Window({ url: 'http://localhost:8787/studio' });
beforeAll(() => {
  for (const name of ['document', 'location', 'addEventListener', 'removeEventListener', 'HashChangeEvent', 'Event', 'CSSStyleSheet'] as const) {
    const value = (window as unknown as Record<string, unknown>)[name];
    vi.stubGlobal(name, typeof value === 'function' && /^[a-z]/.test(name) ? (value as (...a: unknown[]) => unknown).bind(window) : value);
  }
});
const ORIGIN = 'http://localhost:8787';
const PASSWORD = 'shell test password';
const catalogText = JSON.stringify({ shop: { id: 's', name: 'S', currency: 'EUR', defaultLocale: 'en', baseUrl: 'https://s.example' }, products: [{ id: 'p', title: 'P', price: 100 }] });

let root: HTMLElement;
let cookie = '';
let realFetch: typeof fetch | undefined;
/** The statuses of the login answers so far. */
let logins: number[] = [];
beforeEach(() => {
  const app = createApp({ catalog: { read: async () => catalogText }, studio: { password: { plain: PASSWORD }, clientAddress: () => 'browser' } });
  cookie = '';
  logins = [];
  realFetch ??= globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookie) headers.set('Cookie', cookie);
    if (init.method && init.method !== 'GET') headers.set('Origin', ORIGIN);
    const response = await app.request(`${ORIGIN}${input}`, { ...init, headers });
    if (input === '/api/studio/login') logins.push(response.status);
    const set = response.headers.get('Set-Cookie');
    if (set) cookie = /Max-Age=0/.test(set) ? '' : set.split(';')[0]!;
    return response;
  });
  location.hash = '#/insights';
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.stubGlobal('fetch', realFetch);
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check(), `${what}: ${root.innerHTML} ${JSON.stringify(logins)}`).toBe(true);
}
const input = () => root.querySelector<HTMLInputElement>('#studio-password')!;
async function submit(password: string) {
  input().value = password;
  input().dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
  await settle();
  root.querySelector('form')!.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }) as unknown as Event);
}

describe('the studio shell', { timeout: 30_000 }, () => {
  it('shows the login form, says a password is wrong, and after too many when to try again', async () => {
    render(h(Shell, {}), root);
    await until(() => !!input(), 'the login form');
    for (let i = 0; i < 6; i++) {
      await submit(`wrong ${i}`);
      await until(() => logins.length === i + 1 && root.querySelector('[role="alert"]')?.textContent === 'That password is not right. Check it and try again.', 'the wrong password');
    }
    await submit(PASSWORD);
    await until(() => /^Too many wrong passwords\. Try again in \d+ seconds?\.$/.test(root.querySelector('[role="alert"]')?.textContent ?? ''), 'when to try again');
  });

  it('opens on the right password: the nav of sections, the section of the hash loaded on demand, and logs out', async () => {
    render(h(Shell, {}), root);
    await until(() => !!input(), 'the login form');
    await submit(PASSWORD);
    await until(() => root.querySelectorAll('nav a').length === 4, 'the nav');
    expect([...root.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#/insights', '#/builder', '#/import', '#/reviews']);
    expect(root.querySelector('[aria-current="page"]')?.textContent).toBe('Insights');
    await until(() => root.querySelector('#studio-section [role="alert"]')?.textContent?.includes('no numbers to show') === true, 'the insights section');
    location.hash = '#/reviews';
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    // This server keeps no reviews (no database): the section says so.
    await until(() => root.textContent?.includes('This shop keeps no reviews') === true, 'the reviews section');
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'Log out')!.click();
    await until(() => !!input(), 'the login form after logging out');
    expect(cookie).toBe('');
  });

  it('goes back to the login form when the session ends under it (a 401 from any section)', async () => {
    render(h(Shell, {}), root);
    await until(() => !!input(), 'the login form');
    await submit(PASSWORD);
    await until(() => root.querySelectorAll('nav a').length === 4, 'the nav');
    cookie = 'fanshop-studio=v1.forged';
    location.hash = '#/reviews';
    window.dispatchEvent(new window.HashChangeEvent('hashchange'));
    await until(() => root.textContent?.includes('Your session has ended. Log in again.') === true, 'the notice');
    expect(input()).toBeTruthy();
  });
});
