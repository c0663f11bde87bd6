import { defineConfig } from "vite";

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
});
