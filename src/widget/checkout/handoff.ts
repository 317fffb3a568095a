/**
 * How the shopper gets to Stripe's page, which cannot run inside a frame:
 * - top level: navigate this window;
 * - Facebook and Instagram in-app browsers: navigate this window too, because popups there are
 *   unreliable (https://developers.facebook.com/docs/sharing/webmasters/ … in-app browser);
 * - inside an iframe: a new tab, opened in the click handler itself so popup blockers allow it,
 *   and sent to the session URL when it arrives; if it was blocked, a link to click.
 */
export type Handoff = { kind: 'navigate' } | { kind: 'tab'; tab: Window } | { kind: 'link' };

export function isInAppBrowser(userAgent: string): boolean {
  return /FBAN|FBAV|FB_IAB|Instagram/.test(userAgent);
}

/** Call synchronously in the click handler, before any await. */
export function prepareHandoff(win: Window): Handoff {
  const framed = win.top !== win;
  if (!framed) return { kind: 'navigate' };
  if (isInAppBrowser(win.navigator.userAgent)) return { kind: 'navigate' };
  const tab = win.open('', '_blank');
  return tab ? { kind: 'tab', tab } : { kind: 'link' };
}

/** Sends the shopper to `url`; false when they must click a link themselves. */
export function completeHandoff(win: Window, handoff: Handoff, url: string): boolean {
  if (handoff.kind === 'tab') {
    handoff.tab.location.href = url;
    return true;
  }
  if (handoff.kind === 'link') return false;
  // In a frame of an in-app browser, leave the frame: the whole tab goes to Stripe.
  if (win.top !== win) win.open(url, '_top');
  else win.location.assign(url);
  return true;
}

export function cancelHandoff(handoff: Handoff): void {
  if (handoff.kind === 'tab') handoff.tab.close();
}
