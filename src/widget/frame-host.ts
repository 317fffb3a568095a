import { HOST_PARAM, readFrameMessage } from './frame/protocol';
import { productFromUrl } from './shop/router';

/**
 * fanshop-frame.js, the host page's loader for the framed shop:
 *   <div data-fanshop-frame></div>
 *   <script src="https://shop.example/fanshop-frame.js" async></script>
 * Creates an iframe of `/shop` (or `data-src`) and sizes it to its content. A few hundred
 * bytes, no dependencies; safe to include twice.
 */
declare global {
  interface Window {
    __fanshopFrame?: boolean;
  }
}

const script = document.currentScript as HTMLScriptElement | null;

function createFrame(slot: HTMLElement): void {
  if (slot.querySelector('iframe')) return;
  const src = new URL(slot.dataset.src ?? script?.dataset.src ?? '/shop', script?.src ?? location.href);
  src.searchParams.set(HOST_PARAM, location.origin);
  // Deep links on the host page (#/p/<id> or ?product=<id>) open that product in the frame.
  const product = productFromUrl(location);
  if (product) src.searchParams.set('product', product);
  const lang = slot.dataset.locale ?? document.documentElement.lang;
  if (lang) src.searchParams.set('locale', lang);
  const iframe = document.createElement('iframe');
  iframe.src = src.href;
  iframe.title = slot.dataset.title ?? script?.dataset.title ?? 'Shop';
  iframe.setAttribute('allow', 'clipboard-write; web-share; payment');
  iframe.style.width = '100%';
  iframe.style.border = '0';
  iframe.style.display = 'block';
  iframe.style.height = `${slot.dataset.height ?? 640}px`;
  window.addEventListener('message', (event) => {
    if (event.origin !== src.origin || event.source !== iframe.contentWindow) return;
    const message = readFrameMessage(event.data);
    if (!message) return;
    if (message.type === 'ready') iframe.contentWindow?.postMessage({ fanshop: 1, type: 'init' }, src.origin);
    if (message.type === 'resize') iframe.style.height = `${Math.min(message.height, 100000)}px`;
    if (message.type === 'scroll' && Math.abs(iframe.getBoundingClientRect().top) > 8) iframe.scrollIntoView({ block: 'start' });
  });
  slot.append(iframe);
}

function start(): void {
  document.querySelectorAll<HTMLElement>('[data-fanshop-frame]').forEach(createFrame);
}

if (!window.__fanshopFrame) {
  window.__fanshopFrame = true;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
