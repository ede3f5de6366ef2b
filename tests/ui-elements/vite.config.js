// SPDX-License-Identifier: Apache-2.0
import { defineConfig } from "vite"

// Plain React through esbuild's JSX transform: no plugin needed for a production build.
export default defineConfig({
  esbuild: { jsx: "automatic" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // Ory Elements bundles every locale: one large chunk is expected.
    chunkSizeWarningLimit: 8192,
    rollupOptions: {
      onwarn(warning, warn) {
        // Next.js's "use client" markers in the libraries mean nothing to a plain React bundle.
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return
        warn(warning)
      },
    },
  },
})
