/**
 * A module loaded on demand, readable synchronously once it has arrived (`get()`), so render
 * code can use it when present and fall back when not. A failed load can be tried again.
 */
export function lazyModule<M>(load: () => Promise<M>) {
  let loaded: M | undefined;
  let pending: Promise<M> | undefined;
  return {
    get: () => loaded,
    load: () =>
      (pending ??= load().then(
        (m) => (loaded = m),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
  };
}
