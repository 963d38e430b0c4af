// Who is signed in, as the server says (`GET /api/session`), and the CSRF token that goes with the session.
import { type ComponentChildren, createContext, type JSX } from "preact";
import { useCallback, useContext, useEffect, useMemo, useState } from "preact/hooks";
import { ApiError, api, setCsrfToken } from "./api/client.js";
import type { Session, User } from "./api/types.js";

export interface SessionState {
  /** Null until the server has answered. */
  readonly session: Session | null;
  /** Why the session could not be read (the server is down), when it could not. */
  readonly problem: ApiError | null;
  readonly signIn: (username: string, password: string) => Promise<User>;
  readonly signOut: () => Promise<void>;
  readonly refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ComponentChildren }): JSX.Element {
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const next = await api.get<Session>("/api/session");
      setCsrfToken(next.csrfToken);
      setSession(next);
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiError ? error : new ApiError(0, "TRUCE_E_NETWORK", String(error)));
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const signIn = useCallback(async (username: string, password: string) => {
    const result = await api.post<{ user: User; csrfToken: string }>("/api/session", { username, password });
    setCsrfToken(result.csrfToken);
    setSession({ user: result.user, role: result.user.role, csrfToken: result.csrfToken });
    return result.user;
  }, []);

  const signOut = useCallback(async () => {
    const next = await api.delete<Session>("/api/session");
    setCsrfToken(next.csrfToken);
    setSession(next);
  }, []);

  const value = useMemo(
    () => ({ session, problem, signIn, signOut, refresh }),
    [session, problem, signIn, signOut, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (state === null) throw new Error("useSession outside SessionProvider");
  return state;
}

/** The signed-in user, or null for the public (and while the session is being read). */
export function useUser(): User | null {
  return useSession().session?.user ?? null;
}
