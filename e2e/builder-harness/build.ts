import { build } from 'vite';
import { widgetBase } from '../../scripts/widget-base.mjs';

/**
 * Builds the builder's harness page script (main.tsx) into `outDir`/builder.js with the
 * widget's build settings (Preact's classic JSX, the same browsers), as one ES module.
 */
export async function buildBuilderHarness(outDir: string): Promise<string> {
  await build({
    ...widgetBase,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ...widgetBase.build,
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      lib: { entry: 'e2e/builder-harness/main.tsx', formats: ['es'], fileName: () => 'builder.js' },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
  });
  return `${outDir}/builder.js`;
}
