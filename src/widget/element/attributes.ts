import { configFromDataset, type FanshopConfig, type ThemeTokens } from '../config';

/**
 * The attributes of `<fanshop-shop>`: the script tag's `data-*` options without the prefix
 * (`catalog`, `locale`, `heading-level`, `theme-primary`, …), so a page moves from one embed to
 * the other by renaming attributes. Every attribute is handed to config.ts as the `data-*` one
 * would be, and config.ts picks the options it knows: it stays the one place options are read,
 * and an option added there is an attribute at once.
 */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** What a page gives the element: its attributes, and the `theme` and `labels` properties. */
export interface ElementInput {
  readonly attributes: Iterable<{ readonly name: string; readonly value: string }>;
  readonly theme?: Partial<ThemeTokens> | null | undefined;
  readonly labels?: Record<string, unknown> | null | undefined;
}

/**
 * The widget's options for an element: its attributes read as the `data-*` ones are
 * (config.ts `configFromDataset`: empty and unknown ones left out), then the `theme` property
 * token by token over the `theme-*` attributes, and the `labels` property.
 * @example
 * elementConfig({ attributes: el.attributes, theme: { primary: '#c00' } })
 * // { catalog: '/catalog.json', locale: 'de', theme: { radius: '4px', primary: '#c00' } }
 */
export function elementConfig(input: ElementInput): Partial<FanshopConfig> {
  const dataset: Record<string, string> = {};
  for (const { name, value } of input.attributes) dataset[camel(name)] = value;
  const config = configFromDataset(dataset);
  const theme = { ...config.theme, ...plainObject(input.theme) };
  if (Object.keys(theme).length) config.theme = theme;
  else delete config.theme;
  const labels = plainObject(input.labels);
  if (labels) config.labels = labels;
  return config;
}

/** A page's property value, or nothing when it is not an object (`el.theme = 'red'` is ignored). */
function plainObject<T extends object>(value: T | null | undefined): T | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/**
 * What of a shop's options needs the shop rendered again when it changes: everything but the
 * theme tokens that are only CSS custom properties on the host (the colours, radius, font,
 * density and columns), which the element changes in place, so a colour picker's every step
 * shows at once without the shop starting again.
 */
export function remountKey(config: Partial<FanshopConfig>): string {
  const { theme, ...rest } = config;
  return JSON.stringify([rest, theme?.scheme ?? null]);
}
