import react from "@vitejs/plugin-react";
import { defineConfig, type UserConfig } from "vite";

/** The Vite config of an app served under `/<name>/` by nginx (production) or Django (embedded). */
export function appConfig(name: string): UserConfig {
  return defineConfig({
    base: `/${name}/`,
    plugins: [react()],
    build: { outDir: "dist" },
    server: {
      // The Django dev server: same origin as in production, so session and CSRF cookies work.
      proxy: { "/api": "http://127.0.0.1:8000" },
    },
  });
}
