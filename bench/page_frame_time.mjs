// The page's frame time (issue 17, docs/BENCHMARKS.md "The page"): opens the built page in
// Debian's headless Chromium (SwiftShader, software WebGL 2) with a motion playing, lets it warm
// up, then counts the frames it draws in a few windows of a few seconds each and prints the
// milliseconds a frame of each window and the level of detail the page drew at (it adapts; the
// native `medius bench --detail-level N` draws exactly that level for a like-for-like number).
//
//   node bench/page_frame_time.mjs SITE_DIR NODE_MODULES_DIR [QUERY] [WINDOWS] [SECONDS]
// QUERY: the page's command line as an address query (default "motion=hip_abduction&activation=load").
import { resolve } from "node:path";
import { launchChromium, serveFolder } from "../web/page_harness.mjs";

const [siteArgument, modulesArgument, query = "motion=hip_abduction&activation=load", windowsArgument = "3",
       secondsArgument = "8"] = process.argv.slice(2);
if (!siteArgument || !modulesArgument) {
  console.error("usage: node bench/page_frame_time.mjs SITE_DIR NODE_MODULES_DIR [QUERY] [WINDOWS] [SECONDS]");
  process.exit(2);
}
const windows = Number(windowsArgument), seconds = Number(secondsArgument);
const origin = await serveFolder(resolve(siteArgument));
const browser = await launchChromium(resolve(modulesArgument));
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const state = () => page.evaluate(() => JSON.parse(Module.ccall("medius_page_state", "string", [], [])));
  await page.goto(`${origin}/index.html?${query}`);
  await page.waitForFunction(() => typeof Module !== "undefined" && Module.calledRun &&
                                    JSON.parse(Module.ccall("medius_page_state", "string", [], [])).frames >= 1,
                             null, { timeout: 120000, polling: 100 });
  await page.waitForTimeout(4000);  // warm-up: the first frames trace and wrap the fibres
  const results = [];
  for (let w = 0; w < windows; ++w) {
    const levels = new Set();
    const before = await state();
    const start = Date.now();
    while (Date.now() - start < seconds * 1000) {
      await page.waitForTimeout(250);
      levels.add((await state()).detailLevel);
    }
    const after = await state();
    const frames = after.frames - before.frames;
    const ms = frames > 0 ? (Date.now() - start) / frames : null;
    results.push({ msPerFrame: ms && Math.round(ms), frames, detailLevels: [...levels].sort(), width: after.width, height: after.height });
    console.log(`window ${w + 1}: ${frames} frames in ${seconds} s, ${ms ? ms.toFixed(0) : "-"} ms a frame, ` +
                `detail level(s) ${[...levels].sort().join(", ")}, ${after.width}x${after.height}`);
  }
  console.log(JSON.stringify({ query, results }));
} finally {
  await browser.close();
}
