// The page's test (ctest web.Page): serves build-web/site/ over loopback, opens it in Debian's
// Chromium (headless, software WebGL 2 through SwiftShader) driven by Playwright, waits for the
// first frame, checks the anatomy's pixels, clicks gluteus medius and checks that it is selected,
// copies the view's link with the Lesson panel's Copy link (the clipboard, and the address bar
// where the clipboard is refused), opens a view link and compares the canvas with
// `medius render --view-link` of the same link at the same size, follows a link pasted into the
// same tab (hashchange), and shows a damaged link's message, at start-up and later, with the
// view kept; downloads a screenshot, opens a lesson from the file chooser (and a broken one) and an
// STL dropped on the canvas, a real cadaver's meshes chosen with their rig manifest (rigged in the
// page, where ../shared/reference/ is there); and takes a quiz (issue 18): a find question answered by a click on
// the bone, a name question by its right choice, the results' CSV downloaded, the progress kept
// over a reload. Fails on any console error. Prints the time to the first frame.
//
// WebGL errors count as console errors.
//
//   node web/page_test.mjs SITE_DIR NODE_MODULES_DIR [MEDIUS] [OUT_DIR]
// MEDIUS is the desktop program for the comparison (left out: that check is skipped, said so);
// OUT_DIR receives page.png, render.png and diff.png of the comparison (default: SITE_DIR/../page-test).
// Exit codes: 0 passed, 1 failed, 77 skipped (no web build, no Playwright or no Chromium: `make web`).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";
import { chromiumPath, launchChromium, serveFolder } from "./page_harness.mjs";

const [site, nodeModules, mediusProgram, outArgument] = process.argv.slice(2).map((path) => resolve(path));
const outDir = outArgument ?? join(dirname(site), "page-test");
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
const origin = await serveFolder(site);

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
  return { width, height, pixels, at: (x, y) => [...pixels.subarray((y * width + x) * 4, (y * width + x) * 4 + 3)] };
}

// An RGB PNG of `width` x `height` RGBA pixels (the difference image).
function encodePng(width, height, rgba) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; ++k) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8), tail = Buffer.alloc(4);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8, header[9] = 2;  // 8 bits, RGB
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; ++y)
    for (let x = 0; x < width; ++x)
      for (let k = 0; k < 3; ++k) raw[y * (width * 3 + 1) + 1 + x * 3 + k] = rgba[(y * width + x) * 4 + k];
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)),
                        chunk("IEND", Buffer.alloc(0))]);
}

// How far two images of one size are apart: the mean absolute difference of the R, G and B values
// (0 to 255) and the share of pixels where some channel differs by more than `far`; and a
// difference image (black where equal, brighter where they differ, red where beyond `far`).
function compareImages(a, b, far) {
  let sum = 0, off = 0;
  const diff = Buffer.alloc(a.width * a.height * 4);
  for (let i = 0; i < a.width * a.height; ++i) {
    let most = 0;
    for (let k = 0; k < 3; ++k) {
      const d = Math.abs(a.pixels[i * 4 + k] - b.pixels[i * 4 + k]);
      sum += d;
      most = Math.max(most, d);
    }
    if (most > far) ++off;
    diff[i * 4] = most > far ? 255 : most * 3, diff[i * 4 + 1] = most > far ? 0 : most * 3, diff[i * 4 + 2] = most > far ? 0 : most * 3;
  }
  return { mean: sum / (3 * a.width * a.height), offShare: off / (a.width * a.height), diff };
}

// How close the page's canvas must be to `medius render` of the same link (both at one size). The
// two draw the same frame with different rasterisers (Chromium's SwiftShader WebGL 2 against
// Mesa's llvmpipe, each with its own multisampling), so edges and thin fibres land a pixel apart
// and shading rounds differently. Measured on this machine (960x640, the fibres of a posed
// abduction): a mean difference of 0.07 and 0.05 % of pixels off by more than 48 (a pixel that
// shows another surface or colour, not a rounding), all of them on edges and fibres. Another view
// of the same model gives 20 and 17 %. The limits sit about 20 times above the first and 10 to
// 35 times below the second: a link that opens a shifted camera, another pose or a missing
// overlay fails; a rasteriser's edge pixels do not.
const kFar = 48;
const kMeanAtMost = 1.5;
const kOffShareAtMost = 0.005;

// The test's own links are of version 1 (docs/FORMATS.md, "View links"): "v1." + base64url of a
// step's JSON, which Medius still reads; the page's own (version 2, packed) it reads back through
// the page (medius_link_view).
const linkOf = (step) => "v1." + Buffer.from(JSON.stringify(step)).toString("base64url");
const stepOf = (link) => JSON.parse(Buffer.from(link.slice(link.indexOf("v1.") + 3), "base64url").toString());

const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures.push(what);
};
const consoleErrors = [];
const browser = await launchChromium(nodeModules);

// A page of the site in a new tab (console errors collected), with its hooks (app/web_page.h).
async function openPage(address, viewport) {
  const label = address.length > 40 ? address.slice(0, 40) + "…" : address;
  const context = await browser.newContext({ viewport });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  page.on("console", (message) => {
    // Errors, and the GL errors that Chromium reports as warnings ("GL_INVALID_OPERATION: ...").
    if (message.type() === "error" || /GL_INVALID|WebGL:/.test(message.text())) consoleErrors.push(`${label}: ${message.text()}`);
  });
  page.on("pageerror", (error) => consoleErrors.push(`${label}: ${error}`));
  const hook = async (name, ...args) =>
    JSON.parse(await page.evaluate(([name, args]) =>
      Module.ccall(name, "string", args.map(() => "string"), args), [name, args]));
  const state = () => hook("medius_page_state");
  const start = Date.now();
  await page.goto(`${origin}/${address}`);
  await page.waitForFunction(
    () => typeof Module !== "undefined" && Module.calledRun &&
          JSON.parse(Module.ccall("medius_page_state", "string", [], [])).frames >= 1,
    null, { timeout: 120000, polling: 50 });
  // A widget the panels probe (ui/item_probe.h) where the last frame drew it, or null: the first
  // call switches the probe on, so it is asked again over the next frames.
  const probed = async (name, tries = 50) => {
    await hook("medius_item_rect", name);
    for (let t = 0; t < tries; ++t) {
      await page.waitForTimeout(100);
      const rect = await hook("medius_item_rect", name);
      if (rect) return rect;
    }
    return null;
  };
  const clickRect = (rect, options) => page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2, options);
  // Clicks a probed widget; false when it is not there.
  const clickProbed = async (name, tries) => {
    const rect = await probed(name, tries);
    if (rect) await clickRect(rect);
    return rect !== null;
  };
  return { page, context, hook, state, probed, clickRect, clickProbed, firstFrameMs: Date.now() - start };
}
// Waits until the page has drawn `count` more frames (so that what was asked is on the canvas).
async function framesLater(view, count) {
  const from = (await view.state()).frames;
  await view.page.waitForFunction((target) => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).frames >= target,
                                  from + count, { timeout: 20000, polling: 50 }).catch(() => {});
}
const messageText = (page) => page.evaluate(() => {
  const box = document.getElementById("message");
  return box.style.display === "block" ? box.textContent : "";
});
const cameraOf = (link) => link ? stepOf(link).camera : null;
// The camera the page shows now (its view as a link, read back by the page).
const shownCamera = async (view) => (await view.hook("medius_link_view", (await view.state()).view))?.camera ?? null;
const sameCamera = (a, b) => !!a && !!b && Math.abs(a.distance - b.distance) < 1e-4 &&
  a.target.every((v, i) => Math.abs(v - b.target[i]) < 1e-4) && a.orientation.every((v, i) => Math.abs(v - b.orientation[i]) < 1e-4);

mkdirSync(outDir, { recursive: true });
try {
  // 1. The default view: anatomy drawn, a click selects gluteus medius.
  const first = await openPage("index.html", { width: 1280, height: 800 });
  const { page, state } = first;
  console.log(`time to the first frame: ${first.firstFrameMs} ms (loading the page, compiling the WebAssembly, loading the model, one frame)`);
  const shown = await state();
  console.log(`WebGL: ${shown.gl}; canvas ${shown.width}x${shown.height}`);
  check(/OpenGL ES 3/.test(shown.gl), "the page draws with WebGL 2 (OpenGL ES 3.0)");

  // Where the structures are, from the page's own ID buffer; what is there, from a screenshot.
  const pixelOf = (id) => first.hook("medius_structure_pixel", id);
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

  // 2. Copy link (the Lesson panel, Ctrl+L): the page's address with the view's link after '#'.
  await first.hook("medius_item_rect", "Lesson/Copy link");  // switches the probe on
  await page.keyboard.press("Control+l");
  let button = null;
  for (let tries = 0; tries < 100 && !button; ++tries) {
    await page.waitForTimeout(100);
    button = await first.hook("medius_item_rect", "Lesson/Copy link");
  }
  check(button !== null, "Ctrl+L opens the Lesson panel with its Copy link button");
  if (button) {
    const clickCopy = async () => {  // where the button is now (the panel's status line above it grows)
      const at = (await first.hook("medius_item_rect", "Lesson/Copy link")) ?? button;
      await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
      await framesLater(first, 2);
    };
    const viewBefore = (await state()).view;
    await clickCopy();
    const copied = await page.waitForFunction(() => navigator.clipboard.readText().then((t) => t.includes("#v") ? t : null),
                                              null, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue()).catch(() => "");
    check(copied === `${origin}/index.html#${viewBefore}`,
          `Copy link puts the page's address with the view's link on the clipboard (${copied.slice(0, 60)}…)`);
    check(copied.includes("#v2.") && (await first.hook("medius_link_view", copied))?.selected === "gluteus_medius_r",
          "the copied link (version 2) keeps the selection");
    // Where the browser refuses the clipboard: the link goes into the address bar and is shown to copy.
    // The copy's notice is closed by its button. It also goes by itself after 6 s, which on a slow
    // machine can happen between a visibility check and a click, so the button is clicked in the page.
    await page.evaluate(() => document.getElementById("noticeClose").click());
    check(!(await page.isVisible("#notice")), "the notice's close button hides it");
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException("refused", "NotAllowedError")); });
    await clickCopy();
    await page.waitForFunction(() => window.location.hash.startsWith("#v"), null, { timeout: 10000 }).catch(() => {});
    const fallback = await page.evaluate(() => ({
      text: document.getElementById("noticeText").textContent,
      hash: window.location.hash,
      shown: document.getElementById("notice").style.display === "block",
      link: document.getElementById("noticeLink").value,
    }));
    check(fallback.hash === `#${viewBefore}` && fallback.shown && fallback.link === copied,
          `without the clipboard, Copy link puts the link in the address bar and shows it to copy (${JSON.stringify(fallback).slice(0, 300)})`);
    await framesLater(first, 2);
    const status = (await state()).lesson.status;
    check(status.startsWith("The browser did not let the page use the clipboard"),
          `after a refused clipboard the Lesson window's status line says so, not "Copied" (${status.slice(0, 80)})`);
    check(sameCamera(await shownCamera(first), (await first.hook("medius_link_view", viewBefore))?.camera) &&
          (await messageText(page)) === "",
          "the page's own change of address leaves the view as it was, with no message");
    await page.screenshot({ path: join(outDir, "copy-link.png") });
  }
  await first.context.close();

  // 3. A shared view opened by its link, compared with `medius render --view-link` of the same link.
  const size = { width: 960, height: 640 };
  const linked = linkOf({
    title: "Page test",
    camera: { target: [-0.0849, -0.1993, 0.0], distance: 1.3764, orientation: [0.96225, -0.084186, -0.257834, -0.022558],
              vertical_fov_degrees: 30.0, scene_radius: 0.34926 },
    highlights: { fibres: true },
    motion: "hip_abduction",
    time: 1.5,
  });
  const other = linkOf({
    title: "Page test, other view",
    camera: { target: [0.0, -0.15, 0.0], distance: 1.2, orientation: [1, 0, 0, 0], vertical_fov_degrees: 30.0, scene_radius: 0.34926 },
  });
  const second = await openPage(`index.html#${linked}`, size);
  const opened = await shownCamera(second);
  check(sameCamera(opened, cameraOf(linked)), `the page opens on the view of the link in its address (${JSON.stringify(opened)})`);
  await second.page.keyboard.press("Tab");  // the panel away: the whole canvas is the view, as in a rendered figure
  await second.page.waitForTimeout(800);    // the view area eases to the whole canvas (0.3 s)
  await framesLater(second, 2);
  await second.page.evaluate(() => { document.getElementById("open").style.visibility = "hidden"; });  // the canvas alone
  const pagePng = await second.page.screenshot();
  await second.page.evaluate(() => { document.getElementById("open").style.visibility = ""; });
  writeFileSync(join(outDir, "page.png"), pagePng);
  if (!mediusProgram || !existsSync(mediusProgram)) {
    console.log(`SKIPPED the comparison with medius render: no desktop program (${mediusProgram ?? "none given"})`);
  } else {
    const render = (link, file) => {
      const run = spawnSync(mediusProgram, ["render", "--view-link", link, "--size", `${size.width}x${size.height}`, "--out", file],
                            { encoding: "utf8", timeout: 120000 });
      if (run.status !== 0) console.log(`medius render: exit ${run.status}: ${run.stderr}`);
      return run.status === 0 ? decodePng(readFileSync(file)) : null;
    };
    const fromPage = decodePng(pagePng);
    const rendered = render(linked, join(outDir, "render.png"));
    const renderedOther = render(other, join(outDir, "render-other.png"));
    check(rendered && renderedOther && rendered.width === fromPage.width && rendered.height === fromPage.height,
          `medius render --view-link draws the same link at the page's size (${size.width}x${size.height})`);
    if (rendered && renderedOther && rendered.width === fromPage.width && rendered.height === fromPage.height) {
      const same = compareImages(fromPage, rendered, kFar), apart = compareImages(fromPage, renderedOther, kFar);
      writeFileSync(join(outDir, "diff.png"), encodePng(fromPage.width, fromPage.height, same.diff));
      const describe = (c) => `mean difference ${c.mean.toFixed(2)}, ${(100 * c.offShare).toFixed(2)} % of pixels off by more than ${kFar}`;
      console.log(`page against medius render of the same link: ${describe(same)}; of another view: ${describe(apart)}`);
      check(same.mean <= kMeanAtMost && same.offShare <= kOffShareAtMost,
            `the page shows what medius render draws for the same link (${describe(same)}; at most ${kMeanAtMost} and ${100 * kOffShareAtMost} %)`);
      check(apart.mean > kMeanAtMost || apart.offShare > kOffShareAtMost,
            "the comparison tells another view apart (so it could fail)");
    }
  }

  // 4. A link pasted into the same tab (hashchange) is followed; a damaged one is refused with the
  // desktop's message and the view stays.
  await second.page.evaluate((link) => { window.location.hash = link; }, other);
  await framesLater(second, 2);
  check(sameCamera(await shownCamera(second), cameraOf(other)), "a new link in the address (hashchange) shows its view");
  await second.page.evaluate(() => { window.location.hash = "v1.eyJ0aXRsZSI6Ik%"; });
  await framesLater(second, 2);
  await second.page.waitForTimeout(300);
  const refused = await messageText(second.page);
  check(/the view link in the address: the link is damaged: '%' \(character 15 after the version\) is not a base64url character/.test(refused),
        `a damaged link shows the desktop's message in the page (${refused})`);
  check(sameCamera(await shownCamera(second), cameraOf(other)), "after a damaged link the view stays as it was");
  await second.page.screenshot({ path: join(outDir, "damaged-link.png") });
  await second.page.evaluate((link) => { window.location.hash = link; }, linked);
  await framesLater(second, 2);
  check((await messageText(second.page)) === "" && sameCamera(await shownCamera(second), cameraOf(linked)),
        "a good link after it shows its view and clears the message");
  await second.context.close();

  // 5. A damaged link at start-up: the viewer opens on its default view and says why.
  const third = await openPage(`index.html#v3.eyJ0aXRsZSI6IngifQ`, size);
  await third.page.waitForTimeout(300);
  const atStart = await messageText(third.page);
  check(/the view link in the address: the link is version 3; this Medius reads versions 1 and 2/.test(atStart) &&
        (await third.state()).frames >= 1, `a damaged link at start-up: the viewer runs and the page says why (${atStart})`);
  await third.context.close();

  // 6. Files: a screenshot (Ctrl+S) is a PNG download of the canvas's size; a lesson chosen in the
  // file chooser opens on its first step; a broken lesson shows the desktop's message and the lesson
  // stays; an STL dropped on the canvas opens as the model (`medius --model bone.stl`).
  const files = await openPage("index.html?motion=hip_abduction", size);
  await files.page.waitForTimeout(300);
  await files.page.locator("#canvas").focus();
  const [download] = await Promise.all([files.page.waitForEvent("download", { timeout: 30000 }).catch(() => null),
                                        files.page.keyboard.press("Control+s")]);
  const downloaded = download ? readFileSync(await download.path()) : Buffer.alloc(0);
  const canvasSize = await files.state();
  const isPng = downloaded.length > 24 && downloaded.toString("ascii", 1, 4) === "PNG";
  const pngSize = isPng ? `${downloaded.readUInt32BE(16)}x${downloaded.readUInt32BE(20)}` : "none";
  check(isPng && pngSize === `${canvasSize.width}x${canvasSize.height}` && /\.png$/.test(download.suggestedFilename()),
        `Ctrl+S downloads a PNG of the canvas's size (${download ? download.suggestedFilename() : "no download"}, ${pngSize}, ` +
        `canvas ${canvasSize.width}x${canvasSize.height})`);
  if (isPng) writeFileSync(join(outDir, "downloaded-screenshot.png"), downloaded);

  // An animation (Ctrl+E, Animation, 3 frames): a PNG sequence, downloaded as one zip of its frames.
  const { probed, clickRect } = files;
  await files.page.keyboard.press("Control+e");
  const animationTab = await probed("Export/Animation");
  if (animationTab) await clickRect(animationTab);
  const framesSlider = await probed("Export/Frames");
  if (framesSlider) {
    // Ctrl stays down until the page has drawn a frame with the click: Dear ImGui 1.86 reads the
    // modifiers once a frame, so a Ctrl released before that frame (a loaded machine) made the
    // click a plain one that set the slider by its position (52 frames) instead of opening it for typing.
    await files.page.keyboard.down("Control");
    await files.page.mouse.click(framesSlider.x + 30, framesSlider.y + framesSlider.height / 2);
    await framesLater(files, 2);
    await files.page.keyboard.up("Control");
    await framesLater(files, 2);
    await files.page.keyboard.type("3");
    await files.page.keyboard.press("Enter");
    await framesLater(files, 2);
  }
  const exportButton = await probed("Export/Export animation");
  const [zipDownload] = await Promise.all([
    files.page.waitForEvent("download", { timeout: 60000 }).catch(() => null),
    exportButton ? clickRect(exportButton) : Promise.resolve(),
  ]);
  const zip = zipDownload ? readFileSync(await zipDownload.path()) : Buffer.alloc(0);
  const zipEntries = zip.length >= 22 && zip.readUInt32LE(zip.length - 22) === 0x06054b50 ? zip.readUInt16LE(zip.length - 12) : -1;
  const firstName = zip.length > 30 ? zip.toString("latin1", 30, 30 + zip.readUInt16LE(26)) : "";
  const firstPng = zip.length > 30 ? zip.subarray(30 + zip.readUInt16LE(26), 30 + zip.readUInt16LE(26) + 4).toString("latin1") : "";
  check(/^medius-animation-\d+\.zip$/.test(zipDownload?.suggestedFilename() ?? "") && zipEntries === 3 &&
        /frame_\d+\.png$/.test(firstName) && firstPng === "\x89PNG",
        `an animation's PNG sequence downloads as one zip of its frames (${zipDownload?.suggestedFilename()}, ` +
        `${zipEntries} files, first ${firstName})`);

  const lessonFile = new URL("../assets/lessons/gluteus_medius_attachments_and_fibres.json", import.meta.url);
  const lessonTitle = JSON.parse(readFileSync(lessonFile, "utf8")).title;
  await files.page.setInputFiles("#openFile", { name: "my lesson.json", mimeType: "application/json", buffer: readFileSync(lessonFile) });
  await files.page.waitForFunction(
    () => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).lesson.shown === 0, null, { timeout: 20000, polling: 50 })
    .catch(() => {});
  const lessonShown = (await files.state()).lesson;
  check(lessonShown.title === lessonTitle && lessonShown.shown === 0 && (await messageText(files.page)) === "",
        `a lesson chosen in the file chooser opens on its first step (${JSON.stringify(lessonShown)})`);

  // Save (the lesson's own file, in the page's memory) hands it to the browser as a download. The
  // first step's card covers the Lesson window: Ctrl+L twice brings the window back in front.
  for (let i = 0; i < 2; ++i) {
    await files.page.keyboard.press("Control+l");
    await framesLater(files, 2);
  }
  const save = await probed("Lesson/Save");
  const [lessonDownload] = await Promise.all([
    files.page.waitForEvent("download", { timeout: 20000 }).catch(() => null),
    save ? clickRect(save) : Promise.resolve(),
  ]);
  await files.page.screenshot({ path: join(outDir, "saved-lesson.png") });
  const savedLesson = lessonDownload ? JSON.parse(readFileSync(await lessonDownload.path(), "utf8")) : null;
  check(lessonDownload?.suggestedFilename() === "my lesson.json" && savedLesson?.title === lessonTitle &&
        savedLesson?.steps?.length === lessonShown.steps,
        `the Lesson panel's Save downloads the lesson under its name (${lessonDownload?.suggestedFilename()}, ${savedLesson?.title})`);

  await files.page.setInputFiles("#openFile", { name: "broken.json", mimeType: "application/json",
                                               buffer: Buffer.from('{"format": "medius-lesson", "version": 2, "steps": [') });
  await framesLater(files, 2);
  const brokenMessage = await messageText(files.page);
  check(/^medius: \/opened\/2\/broken\.json: /.test(brokenMessage) && (await files.state()).lesson.title === lessonTitle,
        `a broken lesson shows the desktop's message naming the file, and the open lesson stays (${brokenMessage})`);
  await files.page.screenshot({ path: join(outDir, "broken-lesson.png") });

  // A quiz file opens in the Quiz window.
  await files.page.setInputFiles("#openFile", { name: "quiz.json", mimeType: "application/json",
    buffer: readFileSync(new URL("../assets/quizzes/origins_and_insertions.json", import.meta.url)) });
  await framesLater(files, 3);
  check((await messageText(files.page)) === "", "a quiz file chosen in the file chooser opens without a message");
  await files.page.screenshot({ path: join(outDir, "opened-quiz.png") });

  // A tetrahedron, 6 cm across, as binary STL.
  const corners = [[0, 0, 0], [0.06, 0, 0], [0, 0.06, 0], [0, 0, 0.06]];
  const faces = [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]];
  const stl = Buffer.alloc(84 + 50 * faces.length);
  stl.writeUInt32LE(faces.length, 80);
  faces.forEach((face, i) => face.forEach((corner, k) => corners[corner].forEach((v, axis) =>
    stl.writeFloatLE(v, 84 + 50 * i + 12 + 12 * k + 4 * axis))));
  const dropped = await files.page.evaluateHandle((bytes) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(bytes)], "test_bone.stl"));
    return transfer;
  }, [...stl]);
  await files.page.dispatchEvent("#canvas", "drop", { dataTransfer: dropped });
  await files.page.waitForFunction(
    () => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).structures.includes("test_bone"), null,
    { timeout: 30000, polling: 100 }).catch(() => {});
  await framesLater(files, 3);
  const droppedModel = await files.state();
  check(droppedModel.model === "test_bone.stl" && droppedModel.structures.join() === "test_bone" &&
        (await messageText(files.page)) === "" && (await files.hook("medius_structure_pixel", "test_bone")) !== null,
        `an STL dropped on the canvas opens as the model and is drawn (${droppedModel.model}: ${droppedModel.structures})`);
  await files.page.screenshot({ path: join(outDir, "dropped-stl.png") });
  // The panel's "Open model..." is the page's file chooser.
  const openModel = await probed("Open model...");
  const [chooser] = await Promise.all([
    files.page.waitForEvent("filechooser", { timeout: 10000 }).catch(() => null),
    openModel ? clickRect(openModel) : Promise.resolve(),
  ]);
  if (chooser) await chooser.setFiles({ name: "second_bone.stl", mimeType: "model/stl", buffer: stl });
  await files.page.waitForFunction(
    () => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).model === "second_bone.stl", null,
    { timeout: 30000, polling: 100 }).catch(() => {});
  check(chooser !== null && (await files.state()).model === "second_bone.stl",
        `the panel's Open model... opens the page's file chooser, and the chosen mesh opens (${(await files.state()).model})`);

  // Real meshes chosen together are rigged in the page as `medius --model FOLDER` rigs them (issue
  // 15): the LHDL cadaver's bones and muscles (legacy VTK) with a rig manifest naming them, where
  // ../shared/reference/ is next to the repository (said and left out otherwise; never copied).
  const lhdlFolder = fileURLToPath(new URL("../../shared/reference/lhdl-hip-right/", import.meta.url));
  const exampleManifest = new URL("../docs/examples/rig-lhdl.json", import.meta.url);
  if (existsSync(lhdlFolder)) {
    const manifest = JSON.parse(readFileSync(exampleManifest, "utf8"));
    for (const mesh of manifest.meshes) mesh.file = basename(mesh.file);  // the page puts the chosen files in one folder
    mkdirSync(outDir, { recursive: true });
    const manifestFile = join(outDir, "rig-lhdl.json");
    writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    const rigStart = Date.now();
    await files.page.setInputFiles("#openFile", [manifestFile, ...manifest.meshes.map((mesh) => join(lhdlFolder, mesh.file))]);
    await files.page.waitForFunction((name) => JSON.parse(Module.ccall("medius_page_state", "string", [], [])).model === name,
                                     manifest.name, { timeout: 180000, polling: 250 }).catch(() => {});
    const rigged = await files.state();
    console.log(`the LHDL set rigged in the page in ${((Date.now() - rigStart) / 1000).toFixed(1)} s`);
    await framesLater(files, 3);
    check(rigged.model === manifest.name && rigged.structures.includes("gluteus_medius_r") &&
          rigged.structures.includes("femur_r") && (await messageText(files.page)) === "" &&
          (await files.hook("medius_structure_pixel", "gluteus_medius_r")) !== null,
          `real meshes chosen with their rig manifest are rigged in the page and drawn (${rigged.model}: ` +
          `${rigged.structures.join(", ")})`);
    await files.page.screenshot({ path: join(outDir, "rigged-lhdl.png") });
  } else {
    console.log(`(no ${lhdlFolder}: rigging real meshes in the page not checked)`);
  }
  await files.context.close();

  // 7. A quiz in the page (issue 18): Q opens the Quiz window, an example quiz opens in one click,
  // a find question is answered by a click on its region on the bone in the canvas, a name question
  // by clicking the right one of its choices; each says Right; the results' CSV is a download.
  const quizView = await openPage("index.html", { width: 1280, height: 800 });
  const quizState = () => quizView.hook("medius_quiz_state");
  const quizPage = quizView.page;
  // Waits until the page's quiz state passes `test` (polling it), and returns it.
  const quizUntil = async (test) => {
    let now = await quizState();
    for (let tries = 0; tries < 100 && !test(now); ++tries) {
      await quizPage.waitForTimeout(100);
      now = await quizState();
    }
    return now;
  };
  // Clicks the Quiz window's widget `name` where the last frame drew it; false when it is not there.
  const clickQuizItem = (name) => quizView.clickProbed(`Quiz/${name}`, 30);
  await quizPage.waitForTimeout(500);
  await quizPage.keyboard.press("q");
  check((await quizUntil((q) => q.visible)).visible, "Q opens the Quiz window in the page");
  check(await clickQuizItem("Origins and insertions"), "the Quiz window lists the example quizzes");
  let asked = await quizUntil((q) => q.title);
  const firstPrompt = asked.prompt;
  check(asked.title === "Origins and insertions of the gluteal muscles" && asked.question === 1 && asked.kind === "find",
        `an example quiz opens at its first question, a find question (${JSON.stringify(asked).slice(0, 200)})`);
  // The find question: seen from the side (the ilium and the trochanter face the camera), a click
  // where the canvas shows the region.
  const frontCamera = await shownCamera(quizView);
  await quizPage.mouse.move(1200, 700);  // over the view, off the windows
  await quizPage.waitForTimeout(200);
  await quizPage.keyboard.press("3");
  await quizPage.waitForTimeout(1000);  // the camera eases to the lateral view
  await framesLater(quizView, 3);
  check(!sameCamera(await shownCamera(quizView), frontCamera), "3 turns the view to the side while the quiz asks");
  const onRegion = await quizView.hook("medius_quiz_find_pixel");
  check(onRegion !== null, `the canvas shows the region asked for (${asked.prompt})`);
  if (onRegion) {
    await quizPage.mouse.click(onRegion.x, onRegion.y);
    const found = await quizUntil((q) => q.revealed);
    check(found.revealed && found.outcome === "right",
          `a click on the region in the canvas answers the find question: ${found.outcome} ${found.why ?? ""}`);
    await framesLater(quizView, 2);
    await quizPage.screenshot({ path: join(outDir, "quiz-find.png") });
  }
  // On to the first name question, skipping the others.
  for (let tries = 0; tries < 10; ++tries) {
    asked = await quizState();
    if (asked.finished || (asked.kind === "name" && !asked.revealed)) break;
    if (!asked.revealed) await clickQuizItem("Skip");
    await quizUntil((q) => q.revealed);
    const from = asked.question;
    await clickQuizItem("Next");
    await quizUntil((q) => q.finished || q.question !== from);
  }
  check(asked.kind === "name" && asked.choices.length === 4 && asked.choices.includes(asked.right),
        `a name question with four choices, one of them right (${JSON.stringify(asked).slice(0, 300)})`);
  if (asked.kind === "name") {
    check(await clickQuizItem(asked.right), `the right choice is a button of the Quiz window (${asked.right})`);
    const named = await quizUntil((q) => q.revealed);
    check(named.revealed && named.outcome === "right", `clicking the right choice answers the name question: ${named.outcome}`);
    await framesLater(quizView, 2);
    await quizPage.screenshot({ path: join(outDir, "quiz-name.png") });
  }
  // To the end: the score, and the results as a CSV download.
  for (let tries = 0; tries < 12; ++tries) {
    asked = await quizState();
    if (asked.finished) break;
    if (!asked.revealed) await clickQuizItem("Skip");
    await quizUntil((q) => q.revealed);
    const from = asked.question;
    await clickQuizItem("Next");
    await quizUntil((q) => q.finished || q.question !== from);
  }
  check(asked.finished && asked.score === 2, `the quiz ends with a score of 2 (${JSON.stringify(asked).slice(0, 200)})`);
  const csvDownload = quizPage.waitForEvent("download", { timeout: 20000 }).catch(() => null);
  await clickQuizItem("Export CSV");
  const csvFile = await csvDownload;
  const csv = csvFile ? readFileSync(await csvFile.path(), "utf8") : "";
  const csvRows = csv.trim().split("\n");
  check(csvFile !== null && csvFile.suggestedFilename() === "quiz_results.csv" && csvRows[0].startsWith("student,question,kind") &&
        csvRows.length === 1 + asked.count && csvRows.filter((row) => row.includes(",right,")).length === 2,
        `Export CSV downloads the results (${csvFile ? csvFile.suggestedFilename() : "no download"}, ${csvRows.length} rows)`);
  // The progress is kept in the browser's storage: reloaded, the quiz asks a missed question first.
  await quizPage.waitForFunction(() => !keeping, null, { timeout: 10000, polling: 100 }).catch(() => {});
  await quizPage.reload();
  await quizPage.waitForFunction(() => typeof Module !== "undefined" && Module.calledRun &&
                                       JSON.parse(Module.ccall("medius_page_state", "string", [], [])).frames >= 1,
                                 null, { timeout: 120000, polling: 50 });
  await quizPage.waitForTimeout(500);
  await quizPage.keyboard.press("q");
  await quizUntil((q) => q.visible);
  await clickQuizItem("Origins and insertions");
  const again = await quizUntil((q) => q.title);
  check(again.question === 1 && again.prompt !== firstPrompt,
        `after a reload the quiz starts with a missed question, not the one answered right (${again.prompt})`);

  await quizView.context.close();

  // The Quiz editor, in a fresh page: a structure clicked in the view, added as a name question,
  // saved: the page hands the quiz file to the browser as a download under its name.
  const editorView = await openPage("index.html", { width: 1280, height: 800 });
  const editorPage = editorView.page;
  const clickItem = (name) => editorView.clickProbed(name, 30);
  await editorPage.waitForTimeout(500);
  await editorPage.mouse.move(1200, 700);
  await editorPage.keyboard.press("q");
  await framesLater(editorView, 2);
  check(await clickItem("Quiz/Make or edit a quiz..."), "the Quiz window opens the Quiz editor");
  await framesLater(editorView, 3);
  let picked = null;
  for (const [x, y] of [[672, 262], [620, 300], [730, 300], [640, 450], [720, 450]]) {  // the model, between the windows
    await editorPage.mouse.click(x, y);
    await framesLater(editorView, 2);
    picked = (await editorView.state()).selected;
    if (picked) break;
  }
  check(picked, `a structure clicked in the view is selected for the editor (${picked})`);
  await clickItem("Quiz editor/Add the current view as a name question");
  await framesLater(editorView, 2);
  await clickItem("Quiz editor/File");
  await framesLater(editorView, 2);
  await editorPage.keyboard.type("/my quiz.json");
  await framesLater(editorView, 2);
  const quizDownload = editorPage.waitForEvent("download", { timeout: 20000 }).catch(() => null);
  await clickItem("Quiz editor/Save as...");
  const quizFile = await quizDownload;
  const savedQuiz = quizFile ? JSON.parse(readFileSync(await quizFile.path(), "utf8")) : null;
  check(quizFile?.suggestedFilename() === "my quiz.json" && savedQuiz?.format === "medius-quiz" &&
        savedQuiz?.questions?.length === 1 && savedQuiz.questions[0].structure === picked,
        `the Quiz editor's Save downloads the quiz under its name (${quizFile?.suggestedFilename()}, ` +
        `${JSON.stringify(savedQuiz?.questions)})`);
  await editorPage.screenshot({ path: join(outDir, "quiz-editor-saved.png") });
  await editorView.context.close();

  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? ": " + consoleErrors.join(" | ") : ""}`);
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log("all checks passed");
