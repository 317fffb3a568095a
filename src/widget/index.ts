/**
 * The widget as an ES module (dist/client/fanshop.mjs):
 *   import { mount } from 'https://shop.example/fanshop.mjs';
 *   const shop = mount(document.querySelector('#shop'), { catalog: '/catalog.json' });
 * The script tag (embed.ts, fanshop.js) loads this same module.
 */
export { mount, type FanshopInstance } from './mount';
export { autoMount } from './auto-mount';
export type { FanshopConfig, ThemeTokens } from './config';
export type * from './social/events';
