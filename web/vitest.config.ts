import { defineConfig } from "vitest/config";

// One vitest run over every workspace; each package or app is its own project
// (apps pick up their vite.config.ts). DOM specs opt into happy-dom per file.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*"],
  },
});
