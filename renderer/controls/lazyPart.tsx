/**
 * A component whose code loads when it is first shown (React.lazy), from a module's named
 * export. React.lazy keeps a failed load for good; a part made here is loaded afresh once the
 * failure has been seen and closed (`retryFailedParts`, from WhenLoaded.tsx), so a dialog that
 * failed to load once can still open when the host answers again. Not sooner: React renders a
 * failed part once more before it shows the error, and a fresh load then would start over in
 * a loop.
 */
import { lazy } from 'react';
import type { ComponentType } from 'react';

const failedParts = new Set<() => void>();

/** Lets every part whose load failed be loaded again the next time it is shown. */
export function retryFailedParts(): void {
  const retries = [...failedParts];
  failedParts.clear();
  for (const retry of retries) retry();
}

export function lazyPart<Props extends object>(
  load: () => Promise<ComponentType<Props>>,
): ComponentType<Props> {
  const attempt = (): ComponentType<Props> =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch (error) {
        failedParts.add(() => (current = attempt()));
        throw error;
      }
    }) as unknown as ComponentType<Props>;
  let current = attempt();
  function LazyPart(props: Props) {
    const Current = current;
    return <Current {...props} />;
  }
  return LazyPart;
}
