import { useEffect, useState } from 'preact/hooks';

/** What `read` gives (null until it has), or why it failed; read again each time `refresh` changes. */
export function useReport<T>(refresh: number, read: () => Promise<T>): { data: T | null; problem: string | null } {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    read().then((value) => {
      setData(value);
      setProblem(null);
    }, (e) => setProblem((e as Error).message));
  }, [refresh]);
  return { data, problem };
}
