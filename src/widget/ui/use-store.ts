import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { StoreApi } from 'zustand/vanilla';

/**
 * The thin Preact binding over a zustand/vanilla store: re-renders when the selected slice
 * changes (Object.is). Select primitives or stable references, not fresh objects.
 */
export function useStore<S, T>(store: StoreApi<S>, selector: (state: S) => T): T {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const value = selector(store.getState());
  const latest = useRef({ selector, value });
  latest.current = { selector, value };
  useEffect(() => {
    const check = () => {
      if (!Object.is(latest.current.selector(store.getState()), latest.current.value)) rerender(0);
    };
    const unsubscribe = store.subscribe(check);
    // Effects run after paint, so the store may have changed between render and subscribe: a
    // catalog request that fails fast left the shop on "Loading…" for good (e2e/catalog-errors).
    check();
    return unsubscribe;
  }, [store]);
  return value;
}
