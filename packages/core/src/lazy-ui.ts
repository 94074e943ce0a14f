/** Fetches a widget's UI module once per page, shared by every element of that kind, and fetches again after a failure. */

/**
 * Wraps `load` (a literal `import()`, so the bundler makes it a chunk of its own) so that the first caller
 * starts the download and later callers share it; `ready` runs once when it arrives. A failed fetch is
 * forgotten, so a later call (Try again, back online) fetches it again.
 */
export function lazyUi<T>(load: () => Promise<T>, ready: (ui: T) => void): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().then(
      (ui) => {
        ready(ui);
        return ui;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
}
