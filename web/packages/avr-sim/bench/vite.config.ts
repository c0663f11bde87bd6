import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The benchmark's bundle (bench/avr.py builds it into a temp dir with `--outDir`): `worker.js` for
// Chromium and `node.js` for Node, both importing one shared `scenarios.js`, so both engines run
// the very same JavaScript. Not minified, so profiles name the functions. Not part of the app build.
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  build: {
    target: "es2022",
    minify: false,
    emptyOutDir: true,
    lib: {
      entry: { worker: here("worker.ts"), node: here("node.ts") },
      formats: ["es"],
      fileName: (_format, name) => `${name}.js`,
    },
    // node.ts reads /proc with Node's own fs: left as an import, not a browser stub.
    rolldownOptions: { external: ["node:fs"], output: { chunkFileNames: "[name].js" } },
  },
});
