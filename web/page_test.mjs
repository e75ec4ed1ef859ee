// The page's test (ctest web.Page): serves build-web/site/ over loopback, opens it in Debian's
// Chromium (headless, software WebGL 2 through SwiftShader) driven by Playwright, waits for the
// first frame, checks the anatomy's pixels, clicks gluteus medius and checks that it is selected,
// and fails on any console error. Prints the time to the first frame.
//
// WebGL errors count as console errors.
//
//   node web/page_test.mjs SITE_DIR NODE_MODULES_DIR
// Exit codes: 0 passed, 1 failed, 77 skipped (no web build, no Playwright or no Chromium: `make web`).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { inflateSync } from "node:zlib";

const [site, nodeModules] = process.argv.slice(2).map((path) => resolve(path));
const chromiumPath = "/usr/bin/chromium";
const skip = (why) => {
  console.log(`SKIPPED: ${why}; 'make web' builds the page and installs what it needs`);
  process.exit(77);
};
if (!site || !nodeModules) {
  console.error("usage: node web/page_test.mjs SITE_DIR NODE_MODULES_DIR");
  process.exit(1);
}
if (!existsSync(join(site, "medius.wasm"))) skip(`no page in ${site}`);
if (!existsSync(join(nodeModules, "playwright-core"))) skip(`no playwright-core in ${nodeModules}`);
if (!existsSync(chromiumPath)) skip(`no ${chromiumPath}`);
const { chromium } = createRequire(join(nodeModules, "playwright-core", "package.json"))("playwright-core");

// A static server for the folder on 127.0.0.1 (what `python3 -m http.server` does for a user).
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
const origin = `http://127.0.0.1:${server.address().port}`;

// RGBA pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots are).
function decodePng(png) {
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20);
  const colourType = png[25], channels = colourType === 6 ? 4 : 3;
  const chunks = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at), type = png.toString("ascii", at + 4, at + 8);
    if (type === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks)), stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  const previous = Buffer.alloc(stride), row = Buffer.alloc(stride);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; ++x) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? row[x - channels] : 0, b = previous[x], c = x >= channels ? previous[x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predicted = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      row[x] = (value + predicted) & 255;
    }
    for (let x = 0; x < width; ++x)
      for (let k = 0; k < 4; ++k) pixels[(y * width + x) * 4 + k] = k < channels ? row[x * channels + k] : 255;
    row.copy(previous);
  }
  return { width, height, at: (x, y) => [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)] };
}

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const consoleErrors = [];
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on("console", (message) => {
    // Errors, and the GL errors that Chromium reports as warnings ("GL_INVALID_OPERATION: ...").
    if (message.type() === "error" || /GL_INVALID|WebGL:/.test(message.text())) consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  const state = async () => JSON.parse(await page.evaluate(() => Module.ccall("medius_page_state", "string", [], [])));
  const start = Date.now();
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(
    () => typeof Module !== "undefined" && Module.calledRun &&
          JSON.parse(Module.ccall("medius_page_state", "string", [], [])).frames >= 1,
    null, { timeout: 120000, polling: 50 });
  const firstFrameMs = Date.now() - start;
  console.log(`time to the first frame: ${firstFrameMs} ms (loading the page, compiling the WebAssembly, loading the model, one frame)`);
  const shown = await state();
  console.log(`WebGL: ${shown.gl}; canvas ${shown.width}x${shown.height}`);
  check(/OpenGL ES 3/.test(shown.gl), "the page draws with WebGL 2 (OpenGL ES 3.0)");

  // Where the structures are, from the page's own ID buffer; what is there, from a screenshot.
  const pixelOf = async (id) =>
    JSON.parse(await page.evaluate((name) => Module.ccall("medius_structure_pixel", "string", ["string"], [name]), id));
  await page.waitForTimeout(500);  // the panels settle in the first frames
  const image = decodePng(await page.screenshot());
  const colourAt = (point) => image.at(Math.floor(point.x), Math.floor(point.y));
  const background = image.at(image.width - 2, 2);
  const medius = await pixelOf("gluteus_medius_r");
  const femur = await pixelOf("femur_r");
  check(medius !== null, "gluteus_medius_r covers pixels of the first frame");
  check(femur !== null, "femur_r covers pixels of the first frame");
  if (medius && femur) {
    const muscle = colourAt(medius), bone = colourAt(femur);
    const differs = (a, b) => Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) > 60;
    console.log(`colours: muscle ${muscle}, bone ${bone}, background ${background}`);
    check(muscle[0] > muscle[1] + 20 && muscle[0] > muscle[2] + 20, "gluteus medius is drawn in a muscle red");
    check(bone[0] > 120 && bone[1] > 100 && bone[0] >= bone[2], "the femur is drawn in a light bone colour");
    check(differs(muscle, background) && differs(bone, background) && differs(muscle, bone),
          "muscle, bone and background differ");

    // A click on gluteus medius selects it (through the canvas, GLFW and the viewer's picking).
    await page.mouse.move(medius.x, medius.y);
    await page.mouse.down();
    await page.mouse.up();
    await page.waitForFunction(
      () => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).selected === "gluteus_medius_r",
      null, { timeout: 20000, polling: 50 }).catch(() => {});
    const after = await state();
    check(after.selected === "gluteus_medius_r", `a click on gluteus medius selects it (selected: ${after.selected})`);
    check(after.hovered === "gluteus_medius_r", `hovering gluteus medius names it (hovered: ${after.hovered})`);
  }
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ": " + consoleErrors.join(" | ") : ""}`);
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("all checks passed");
