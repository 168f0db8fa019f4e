/**
 * Who is signed in. On start the app asks GET /auth/me; 401 means nobody. The session cookie is
 * http-only, so the browser never sees it: login and logout are server calls.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiRequest, setUnauthorizedHandler } from '../api/client.ts';
import type { SessionResponse, SessionUser } from '../api/contracts.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'authenticated'; user: SessionUser };

interface SessionValue {
  state: SessionState;
  user: SessionUser | null;
  login: (login: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    apiRequest<SessionResponse>('/auth/me', { reportUnauthorized: false })
      .then((res) => {
        if (!cancelled) setState({ status: 'authenticated', user: res.user });
      })
      .catch((err: unknown) => {
        // 401, or no server at all (the calculator still works offline): nobody is signed in.
        if (!cancelled) setState({ status: 'anonymous', expired: false });
        if (!(err instanceof ApiError)) console.error(err);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setState((s) => (s.status === 'authenticated' ? { status: 'anonymous', expired: true } : s)));
    return () => setUnauthorizedHandler(null);
  }, []);

  const login = useCallback(async (loginName: string, password: string) => {
    const res = await apiRequest<SessionResponse>('/auth/login', {
      method: 'POST',
      json: { login: loginName, password },
      reportUnauthorized: false,
    });
    setState({ status: 'authenticated', user: res.user });
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiRequest<unknown>('/auth/logout', { method: 'POST', reportUnauthorized: false });
    } catch (err) {
      // Already signed out (401) is fine; anything else is reported but the local session ends anyway.
      if (!(err instanceof ApiError && err.status === 401)) console.error(err);
    }
    setState({ status: 'anonymous', expired: false });
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ state, user: state.status === 'authenticated' ? state.user : null, login, logout }),
    [state, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
