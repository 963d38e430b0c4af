// Loads data for a page and keeps the latest answer: an older request that answers late never overwrites a
// newer one (filters change faster than the server answers on a slow line).
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "./api/client.js";

export interface Resource<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useResource<T>(load: (() => Promise<T>) | null, key: string): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(load !== null);
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const run = loader.current;
    if (run === null) {
      setLoading(false);
      return;
    }
    const ticket = ++latest.current;
    setLoading(true);
    run().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (problem: unknown) => {
        if (ticket !== latest.current) return;
        setError(ApiError.from(problem));
        setLoading(false);
      },
    );
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { data, error, loading, reload };
}
