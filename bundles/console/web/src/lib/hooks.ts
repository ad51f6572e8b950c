import { useEffect, useState } from 'preact/hooks';

/** The current time, refreshed every `intervalMs`: for clocks such as time in state (no server calls). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The location hash, following changes. */
export function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

/** Runs a command (a button's call to the API), keeping the message of the last one that failed. */
export function useAction(): {
  error: string | null;
  setError: (message: string | null) => void;
  act: (call: () => Promise<unknown>) => Promise<void>;
} {
  const [error, setError] = useState<string | null>(null);
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return { error, setError, act };
}
