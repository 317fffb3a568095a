import { HOST_PARAM, readFrameMessage, type FrameMessage } from './protocol';
import { onHostScrollRequest } from './host-scroll';

let started = false;
let connected = false;

/**
 * Inside an iframe made by fanshop-frame.js: report the page height to the host so the iframe
 * grows with its content. Messages go only to the host origin the loader named, and only after
 * that origin has answered our `ready` (so a page that frames /shop without the loader gets
 * nothing).
 */
export function startFrameChild(win: Window): void {
  if (win.parent === win || started) return;
  started = true;
  let hostOrigin: string;
  try {
    hostOrigin = new URL(new URLSearchParams(win.location.search).get(HOST_PARAM) ?? '').origin;
  } catch {
    return;
  }
  if (hostOrigin === 'null') return;
  const send = (m: FrameMessage) => win.parent.postMessage(m, hostOrigin);
  let last = -1;
  const report = () => {
    // The body's own height: documentElement.scrollHeight never drops below the frame's height,
    // so a frame could grow but never shrink.
    const height = Math.ceil(win.document.body.getBoundingClientRect().height);
    if (height !== last) send({ fanshop: 1, type: 'resize', height: (last = height) });
  };
  win.addEventListener('message', (event) => {
    if (event.origin !== hostOrigin || event.source !== win.parent) return;
    if (readFrameMessage(event.data)?.type !== 'init' || connected) return;
    connected = true;
    onHostScrollRequest(() => send({ fanshop: 1, type: 'scroll' }));
    // Measure the body, not the viewport: the iframe's own height must not feed back into it.
    new ResizeObserver(report).observe(win.document.body);
    report();
  });
  send({ fanshop: 1, type: 'ready' });
  win.document.documentElement.setAttribute('data-fanshop-framed', '');
}
