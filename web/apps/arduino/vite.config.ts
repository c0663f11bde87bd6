import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Served under /arduino/ by nginx (production) or Django (embedded mode).
export default defineConfig({
  base: "/arduino/",
  plugins: [react()],
  build: { outDir: "dist" },
  server: {
    // The Django dev server; the same origin as in production, so session and CSRF cookies work.
    proxy: { "/api": "http://127.0.0.1:8000" },
  },
});
