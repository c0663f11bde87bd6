import { defineConfig } from "vitest/config";

// `npm run build` bundles the CLI and avr8js into one file that plain `node` runs (Node 20+), so the
// server needs no node_modules at run time. Tests run from source through vitest.
export default defineConfig({
  build: {
    ssr: "src/cli.ts",
    outDir: "dist",
    target: "node20",
    emptyOutDir: true,
    rolldownOptions: { output: { entryFileNames: "cli.js", format: "es" } },
  },
  ssr: { noExternal: true },
  // Specs compile real sketches and simulate seconds of them; on a busy 2-core machine one can
  // take well over vitest's default 5 s. Speed is measured in bench/, not here.
  test: { testTimeout: 120_000 },
});
