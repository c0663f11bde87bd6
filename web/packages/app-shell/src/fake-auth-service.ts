import type { User } from "@ohmcloud/api-client";
import type { AuthService } from "./auth-context";

/**
 * An in-memory AuthService for component specs: each call is recorded and answered
 * by a handler the spec sets. The real server is exercised by the e2e browser tests.
 */
export class FakeAuthService implements AuthService {
  readonly calls: { method: keyof AuthService; args: unknown[] }[] = [];
  meHandler: () => Promise<User | null> = () => Promise.resolve(null);
  loginHandler: (username: string, password: string) => Promise<User> = (username) =>
    Promise.resolve({ id: 1, username, email: "" });
  registerHandler: (username: string, password: string, email?: string) => Promise<User> = (
    username,
    _p,
    email,
  ) => Promise.resolve({ id: 2, username, email: email ?? "" });
  logoutHandler: () => Promise<void> = () => Promise.resolve();

  me(): Promise<User | null> {
    this.calls.push({ method: "me", args: [] });
    return this.meHandler();
  }

  login(username: string, password: string): Promise<User> {
    this.calls.push({ method: "login", args: [username, password] });
    return this.loginHandler(username, password);
  }

  register(username: string, password: string, email?: string): Promise<User> {
    this.calls.push({ method: "register", args: [username, password, email] });
    return this.registerHandler(username, password, email);
  }

  logout(): Promise<void> {
    this.calls.push({ method: "logout", args: [] });
    return this.logoutHandler();
  }
}
