import { defineConfig } from 'vite';
import { widgetBase } from './scripts/widget-base.mjs';

/** `npm run dev`: the widget from source on index.html. Production builds: scripts/build.mjs. */
export default defineConfig({
  ...widgetBase,
  server: { port: 5173 },
});
