import type { ComponentType } from 'preact';
import type { ShellTexts } from './i18n';

/**
 * The studio's sections, each its own chunk loaded when first opened (`#/<id>`): the shell stays
 * small, and a section's code reaches only a merchant who opens it. Each module's default
 * export is the section's component; it takes no props (texts: studio/i18n.ts, the server:
 * studio/api.ts).
 */
export interface Section {
  readonly id: 'insights' | 'builder' | 'import' | 'reviews';
  readonly label: (texts: ShellTexts) => string;
  readonly load: () => Promise<{ default: ComponentType }>;
}

export const SECTIONS: readonly Section[] = [
  { id: 'insights', label: (t) => t.insights, load: () => import('./insights/Insights') },
  { id: 'builder', label: (t) => t.builder, load: () => import('./builder/Builder') },
  { id: 'import', label: (t) => t.import, load: () => import('./import/ImportView') },
  { id: 'reviews', label: (t) => t.reviews, load: () => import('./reviews/Moderation') },
];

/** The section of a location hash (`#/import`), else the first. */
export function sectionOf(hash: string): Section {
  const id = /^#\/([\w-]+)/.exec(hash)?.[1];
  return SECTIONS.find((s) => s.id === id) ?? SECTIONS[0]!;
}
