/**
 * Builds a handler on its first invocation and keeps it for the container's life: the cold start
 * pays for loading the checkpoint once, warm invocations only catch up. A failed build is retried
 * on the next invocation instead of poisoning the container.
 */
export function lazily<E, R>(build: () => Promise<(event: E) => Promise<R>>): (event: E) => Promise<R> {
  let built: Promise<(event: E) => Promise<R>> | undefined;
  return async (event) => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return (await built)(event);
  };
}
