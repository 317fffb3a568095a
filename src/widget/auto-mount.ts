import { configFromDataset, embedConfig, type FanshopConfig } from './config';
import { mount, type FanshopInstance } from './mount';

/**
 * Mounts a shop into every `<div data-fanshop>` of the page, or right after the script tag when
 * there is none. Options: `window.FanshopConfig`, then the script tag's `data-*`, then the div's.
 * Elements already mounted (the script included twice) are skipped.
 */
export function autoMount(scriptData: DOMStringMap | null, scriptElement: Element | null): void {
  // Only a shop inside an iframe talks to a host page; others never load that code.
  if (window.parent !== window) void import('./frame/child').then((m) => m.startFrameChild(window));
  const base: Partial<FanshopConfig> = { ...window.FanshopConfig, ...(scriptData ? configFromDataset(scriptData) : {}) };
  let targets = Array.from(document.querySelectorAll<HTMLElement>('[data-fanshop]'));
  // A script tag without data-catalog and no <div data-fanshop>: the page only wants
  // Fanshop.mount(), so there is nothing to mount and nothing to complain about.
  if (!targets.length && !base.catalog) return;
  if (!targets.length && scriptElement?.parentNode) {
    const div = document.createElement('div');
    div.setAttribute('data-fanshop', '');
    scriptElement.after(div);
    targets = [div];
  }
  for (const target of targets) {
    if (target.hasAttribute('data-fanshop-mounted')) continue;
    const config = embedConfig(window.FanshopConfig, scriptData, target.dataset) as FanshopConfig;
    if (!config.catalog) {
      console.error('[fanshop] no catalog: add data-catalog="https://…/catalog.json" to the script tag or the <div data-fanshop>');
      continue;
    }
    target.setAttribute('data-fanshop-mounted', '');
    (target as HTMLElement & { fanshop?: FanshopInstance }).fanshop = mount(target, config);
  }
}

declare global {
  interface Window {
    FanshopConfig?: Partial<FanshopConfig>;
  }
}
