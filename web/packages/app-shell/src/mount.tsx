import { ApiClient, AuthApi } from "@ohmcloud/api-client";
import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { AuthProvider } from "./auth-context";

/** Render an app page into index.html's #root, wired to the real API (session auth). */
export function mountApp(page: ReactNode): void {
  const root = document.getElementById("root");
  if (!root) throw new Error("index.html has no #root element");
  const auth = new AuthApi(new ApiClient());
  createRoot(root).render(
    <StrictMode>
      <AuthProvider auth={auth}>{page}</AuthProvider>
    </StrictMode>,
  );
}
