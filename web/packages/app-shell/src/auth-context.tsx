import type { User } from "@ohmcloud/api-client";
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from "react";

/** The auth endpoints the shell needs; `AuthApi` from @ohmcloud/api-client implements it. */
export interface AuthService {
  me(): Promise<User | null>;
  login(username: string, password: string): Promise<User>;
  register(username: string, password: string, email?: string): Promise<User>;
  logout(): Promise<void>;
}

export interface AuthState {
  /** The logged-in user, or null when anonymous (or while loading). */
  user: User | null;
  /** True until the first `me()` call has answered. */
  loading: boolean;
  /** Logs in; rejects with the `ApiError` so the caller can show it. */
  login(username: string, password: string): Promise<User>;
  /** Registers and logs in; rejects with the `ApiError` so the caller can show it. */
  register(username: string, password: string, email?: string): Promise<User>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Loads the current user once on mount and shares it, with the auth actions, below it. */
export function AuthProvider({ auth, children }: { auth: AuthService; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let active = true;
    auth
      .me()
      // An unreachable server leaves the page usable as anonymous; the login form reports errors.
      .catch(() => null)
      .then((current) => {
        if (!active) return;
        setUser(current);
        setLoading(false);
      });
    return () => {
      active = false;
    };
  }, [auth]);

  const login = useCallback(
    async (username: string, password: string) => {
      const loggedIn = await auth.login(username, password);
      setUser(loggedIn);
      return loggedIn;
    },
    [auth],
  );

  const register = useCallback(
    async (username: string, password: string, email?: string) => {
      const registered = await auth.register(username, password, email);
      setUser(registered);
      return registered;
    },
    [auth],
  );

  const logout = useCallback(async () => {
    await auth.logout();
    setUser(null);
  }, [auth]);

  const state = useMemo(
    () => ({ user, loading, login, register, logout }),
    [user, loading, login, register, logout],
  );
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

/** The current user and auth actions; must be used inside `AuthProvider`. */
export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error("useAuth must be used inside <AuthProvider>");
  return state;
}
