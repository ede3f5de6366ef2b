// SPDX-License-Identifier: Apache-2.0
// Starts the built Tessera (test.sh builds it in Release) on free loopback ports with an in-memory database,
// waits until it is ready, and stops it when the tests are done. Every connection stays on 127.0.0.1.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function locateDll() {
  const candidates = [
    process.env.TESSERA_DLL,
    path.join(here, "../../src/Tessera/bin/Release/net10.0/tessera.dll"),
    path.join(here, "../../src/Tessera/bin/Debug/net10.0/tessera.dll"),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`tessera.dll not found (build first): ${candidates.join(", ")}`);
  return found;
}

export async function startTessera(extraEnv = {}) {
  const publicPort = await freePort();
  const adminPort = await freePort();
  const child = spawn("dotnet", [locateDll(), "serve", "--dev"], {
    env: {
      ...process.env,
      DSN: "memory",
      SERVE_PUBLIC_PORT: String(publicPort),
      SERVE_ADMIN_PORT: String(adminPort),
      LOG_LEVEL: "warning",
      // No internet here: the haveibeenpwned check (on by default, as Kratos) must not call out.
      SELFSERVICE_METHODS_PASSWORD_CONFIG_HAVEIBEENPWNED_ENABLED: "false",
      ...extraEnv,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));

  const publicUrl = `http://127.0.0.1:${publicPort}`;
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`tessera exited with ${child.exitCode}: ${output}`);
    try {
      const response = await fetch(`${publicUrl}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`tessera did not become ready: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    publicUrl,
    adminUrl,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => {
        const timer = setTimeout(() => { child.kill("SIGKILL"); resolve(); }, 10_000);
        child.on("exit", () => { clearTimeout(timer); resolve(); });
      });
    },
  };
}
