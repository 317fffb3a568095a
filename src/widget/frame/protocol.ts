/**
 * Messages between a framed shop (`/shop` in an iframe) and the host page's loader
 * (fanshop-frame.js). postMessage data is untrusted: both sides check `event.origin` and
 * `event.source`, then the shape, before acting.
 */
export type FrameMessage =
  | { fanshop: 1; type: 'ready' }
  | { fanshop: 1; type: 'init' }
  | { fanshop: 1; type: 'resize'; height: number }
  | { fanshop: 1; type: 'scroll' };

export function readFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.fanshop !== 1) return null;
  switch (m.type) {
    case 'ready':
    case 'init':
    case 'scroll':
      return { fanshop: 1, type: m.type };
    case 'resize':
      return typeof m.height === 'number' && Number.isFinite(m.height) && m.height >= 0 ? { fanshop: 1, type: 'resize', height: Math.ceil(m.height) } : null;
    default:
      return null;
  }
}

/** The query parameter through which the loader tells the shop its host page's origin. */
export const HOST_PARAM = 'fanshop-host';
