import { useState, type ReactNode } from "react";
import { ApiError } from "@ohmcloud/api-client";
import { AuthDialog, type AuthMode } from "./AuthDialog";
import { useAuth } from "./auth-context";

export type AppName = "eda" | "arduino";

const APPS: { name: AppName; label: string; href: string }[] = [
  { name: "eda", label: "EDA", href: "/eda/" },
  { name: "arduino", label: "Arduino", href: "/arduino/" },
];

export interface AppShellProps {
  /** The app this page belongs to; its navigation link is marked current. */
  current: AppName;
  children: ReactNode;
}

/** The page frame of every OhmCloud app: dark header with brand, app navigation and user area. */
export function AppShell({ current, children }: AppShellProps) {
  return (
    <div className="oc-shell">
      <header className="oc-header">
        <a className="oc-brand" href="/">
          OhmCloud
        </a>
        <nav className="oc-nav" aria-label="Apps">
          {APPS.map((app) => (
            <a
              key={app.name}
              href={app.href}
              className="oc-nav-link"
              aria-current={app.name === current ? "page" : undefined}
              data-testid={`nav-${app.name}`}
            >
              {app.label}
            </a>
          ))}
        </nav>
        <UserArea />
      </header>
      <main className="oc-main">{children}</main>
    </div>
  );
}

function UserArea() {
  const { user, loading, logout } = useAuth();
  const [dialogMode, setDialogMode] = useState<AuthMode | null>(null);
  const [logoutError, setLogoutError] = useState<string | null>(null);

  async function handleLogout() {
    setLogoutError(null);
    try {
      await logout();
    } catch (caught) {
      setLogoutError(
        caught instanceof ApiError ? caught.message : "Could not log out. Please try again.",
      );
    }
  }

  if (loading) return <div className="oc-user" aria-busy="true" />;

  return (
    <div className="oc-user">
      {user ? (
        <>
          <span className="oc-username" data-testid="current-user">
            {user.username}
          </span>
          <button
            type="button"
            className="oc-button oc-button-header"
            onClick={handleLogout}
            data-testid="logout"
          >
            Log out
          </button>
          {logoutError && (
            <span className="oc-header-error" role="alert">
              {logoutError}
            </span>
          )}
        </>
      ) : (
        <>
          <button
            type="button"
            className="oc-button oc-button-header"
            onClick={() => setDialogMode("login")}
            data-testid="login-open"
          >
            Log in
          </button>
          <button
            type="button"
            className="oc-button oc-button-primary"
            onClick={() => setDialogMode("register")}
            data-testid="register-open"
          >
            Register
          </button>
        </>
      )}
      {dialogMode && !user && (
        <AuthDialog
          mode={dialogMode}
          onModeChange={setDialogMode}
          onClose={() => setDialogMode(null)}
        />
      )}
    </div>
  );
}
