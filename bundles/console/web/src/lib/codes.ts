import { useEffect, useState } from 'preact/hooks';
import { useConsole } from './context';
import type { Code } from './model';

/** A code list (not-ready reasons or dispositions), read when the component appears. */
export function useCodes(kind: 'reasons' | 'dispositions'): Code[] {
  const { api } = useConsole();
  const [codes, setCodes] = useState<Code[]>([]);
  useEffect(() => {
    api.get<Code[]>(`/v1/codes/${kind}`).then(setCodes, () => undefined);
  }, [api, kind]);
  return codes;
}

/** A code's label, or the code itself when it is not (or no longer) on its list. */
export function labelOf(codes: Code[], code: string | null | undefined): string {
  return code ? codes.find((entry) => entry.code === code)?.label ?? code : '';
}
