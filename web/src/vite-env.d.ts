/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Backend origin when the client is served from elsewhere (as in the seed). */
  readonly VITE_BACKEND_BASE?: string;
}
