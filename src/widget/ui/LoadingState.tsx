/**
 * Skeleton cards the size of real ones, so nothing jumps when the catalog arrives. Rendered
 * before the shop's texts have loaded, so it needs no context; `label` is added once they have.
 */
export function Skeleton(props: { label?: string | undefined }) {
  return (
    <div class="root" aria-busy="true">
      <LoadingState label={props.label} />
    </div>
  );
}

export function LoadingState(props: { label?: string | undefined }) {
  return (
    <div class="grid" part="grid" data-loading>
      {props.label && <span class="visually-hidden">{props.label}</span>}
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} class="card skeleton" aria-hidden="true">
          <div class="card-image" />
          <div class="skeleton-line" />
          <div class="skeleton-line short" />
        </div>
      ))}
    </div>
  );
}
