// What the page's test (web/page_test.mjs) and its benchmark (bench/page_frame_time.mjs) share:
// a static server for the built site on loopback (what `python3 -m http.server` does for a user)
// and Debian's Chromium, headless with software WebGL 2 (SwiftShader), driven by Playwright.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize } from "node:path";

export const chromiumPath = "/usr/bin/chromium";

// Serves `site` on 127.0.0.1 at a free port; resolves to the origin ("http://127.0.0.1:PORT").
export async function serveFolder(site) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".data": "application/octet-stream" };
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(site, path === "/" ? "index.html" : path);
    if (!existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.unref();  // the process ends when the script does
  return `http://127.0.0.1:${server.address().port}`;
}

// Debian's Chromium through the playwright-core in `nodeModules` (no browser download).
export async function launchChromium(nodeModules) {
  const { chromium } = createRequire(join(nodeModules, "playwright-core", "package.json"))("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
