// Only Vite's development server (`npm run dev`) reads this: `vite build` needs none of it.
import { defineConfig } from "vite";

export default defineConfig({
  // The dev server pre-bundles dependencies into node_modules/.vite/deps, away from the
  // stylesheet, glue and wasm the package's module finds beside itself; excluded from that, the
  // module is served from its own folder. (Vite's build copies the files with no configuration.)
  optimizeDeps: { exclude: ["feedback-widget"] },
  // The help desk's API under the app's own /api: the sandbox's address, for example the one
  // scripts/demo.sh prints, in SANDBOX_URL.
  server: process.env.SANDBOX_URL ? { proxy: { "/api": process.env.SANDBOX_URL } } : {},
});
