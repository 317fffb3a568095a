/** Inline SVG icons: no icon font, no extra request, inherit currentColor. Each icon lives with
 * the component that shows it, so lazily loaded parts carry their own. */
export const iconProps = { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' } as const;
