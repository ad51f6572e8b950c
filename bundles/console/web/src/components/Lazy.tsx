import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../lib/context';

/**
 * A screen loaded the first time it is shown, from a chunk of its own: what an agent's desktop never shows
 * (administration, the chart library) stays out of its first load.
 */
export function lazyView<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | null = null;
  return function LazyView(props: P) {
    const { t } = useConsole();
    const [view, setView] = useState<{ component: FunctionComponent<P> } | null>(loaded ? { component: loaded } : null);
    const [problem, setProblem] = useState<string | null>(null);
    useEffect(() => {
      if (!view) {
        load().then((component) => {
          loaded = component;
          setView({ component });
        }, (e) => setProblem(String(e)));
      }
    }, []);
    if (problem) {
      return <p class="error banner" role="alert">{problem}</p>;
    }
    const View = view?.component;
    return View ? <View {...props} /> : <p class="muted">{t('common.loading')}</p>;
  };
}
