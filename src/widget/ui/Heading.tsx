import type { ComponentChildren, Ref } from 'preact';

/** A heading whose level the host page decides (config.headingLevel), so the outline fits its page. */
export function Heading(props: { level: number; class?: string; part?: string; id?: string; tabIndex?: number; headingRef?: Ref<HTMLHeadingElement>; children: ComponentChildren }) {
  const { level, children, headingRef, ...rest } = props;
  const Tag = `h${Math.min(6, Math.max(1, level))}` as 'h2';
  return (
    <Tag {...rest} ref={headingRef}>
      {children}
    </Tag>
  );
}
