import react from "@vitejs/plugin-react";
import type { UserConfig } from "vite";
import { defineConfig } from "vitest/config";

/** The Vite config of an app served under `/<name>/` by nginx (production) or Django (embedded). */
export function appConfig(name: string): UserConfig {
  return defineConfig({
    base: `/${name}/`,
    plugins: [react()],
    build: { outDir: "dist" },
    // Some specs build and run real sketches (the Arduino app's sessions and examples): slow on a
    // busy 2-core machine. Speed is measured in bench/, not here.
    test: { testTimeout: 120_000 },
    server: {
      // The Django dev server: same origin as in production, so session and CSRF cookies work.
      proxy: { "/api": "http://127.0.0.1:8000" },
    },
  });
}
