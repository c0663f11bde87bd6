export { AppShell, type AppName, type AppShellProps } from "./AppShell";
export { AuthDialog, type AuthDialogProps, type AuthMode } from "./AuthDialog";
export { AuthProvider, useAuth, type AuthService, type AuthState } from "./auth-context";
export { mountApp } from "./mount";
