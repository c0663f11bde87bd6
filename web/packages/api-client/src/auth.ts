import type { ApiClient } from "./client";
import { ApiError } from "./errors";

export interface User {
  id: number;
  username: string;
  email: string;
}

/** The `/api/auth/*` endpoints. */
export class AuthApi {
  private readonly client: ApiClient;

  constructor(client: ApiClient) {
    this.client = client;
  }

  /** The logged-in user, or `null` when anonymous. Also makes the server set the CSRF cookie. */
  async me(): Promise<User | null> {
    try {
      return await this.client.get<User>("/api/auth/me");
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  }

  /** Starts a session; rejects with `ApiError` (400 bad credentials, 429 too many attempts). */
  login(username: string, password: string): Promise<User> {
    return this.client.post<User>("/api/auth/login", { username, password });
  }

  /** Creates an account and logs it in; field errors carry `field` = "username" | "password" | "email". */
  register(username: string, password: string, email?: string): Promise<User> {
    const body: { username: string; password: string; email?: string } = { username, password };
    if (email) body.email = email;
    return this.client.post<User>("/api/auth/register", body);
  }

  logout(): Promise<void> {
    return this.client.post<void>("/api/auth/logout");
  }
}
