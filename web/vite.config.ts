/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig, loadEnv } from "vite";

// The built client is served by FastAPI from the Python package (voicecart/web_dist).
const outDir = fileURLToPath(new URL("../voicecart/web_dist", import.meta.url));

// Paths the backend answers; the dev server forwards them (WebSockets too).
const BACKEND_PATHS = ["/api", "/sessions", "/ws", "/health", "/ready", "/docs", "/openapi.json"];

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, process.cwd(), "");
  // VITE_BACKEND_BASE (as in the seed) points the browser at another backend origin; for
  // the dev server it is also where the proxy forwards to.
  const target = env.VITE_BACKEND_BASE || env.VOICECART_DEV_BACKEND || "http://127.0.0.1:8000";
  const proxy = Object.fromEntries(
    BACKEND_PATHS.map((path) => [path, { target, changeOrigin: true, ws: path === "/ws" }]),
  );
  return {
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      target: "es2022",
      chunkSizeWarningLimit: 700,
    },
    worker: { format: "es" },
    server: { port: 5173, proxy },
    preview: { proxy },
    test: {
      environment: "jsdom",
      setupFiles: ["./src/test/setup.ts"],
      include: ["src/**/*.test.{ts,tsx}"],
      restoreMocks: true,
    },
  };
});
