/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The client is served from the same origin as the API (local/ or Firebase Hosting), so the build
// uses relative paths and `npm run dev` forwards /v1, /blobs and /config.json to a running `./coherence up`.
const target = process.env.COHERENCE_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 900 },
  server: { proxy: { "/v1": target, "/blobs": target, "/config.json": target } },
  test: { include: ["test/**/*.test.ts"], environment: "node" },
});
