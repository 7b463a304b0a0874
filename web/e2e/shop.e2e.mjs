#!/usr/bin/env node
/**
 * A spoken shopping conversation in a real browser (Debian chromium via playwright-core).
 *
 * The microphone is Chromium's fake capture device reading a WAV file. Chromium reads
 * the file when the page opens the microphone, so before each turn the driver copies that
 * turn's recording into place and turns the microphone on, as a shopper would press the
 * mic button and speak; when the answer has been given it turns the microphone off.
 *
 * Usage: node e2e/shop.e2e.mjs <plan.json>
 * plan: { baseUrl, micWav, artifacts, result, avatar: bool,
 *         turns: [{ wav, say, tool|null }] }
 * Writes the result JSON (what the page showed) and a screenshot per step into artifacts.
 * Every wait is on a DOM state; none on a fixed delay.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

const TURN_TIMEOUT = Number(process.env.E2E_TURN_TIMEOUT_MS ?? 120_000);
const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
mkdirSync(plan.artifacts, { recursive: true });

const log = (...parts) => console.log("[e2e]", ...parts);
const profile = mkdtempSync(join(tmpdir(), "voicecart-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  ignoreDefaultArgs: ["--mute-audio"],
  viewport: { width: 1280, height: 900 },
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--use-fake-ui-for-media-stream",
    "--use-fake-device-for-media-stream",
    `--use-file-for-fake-audio-capture=${plan.micWav}%noloop`,
    "--autoplay-policy=no-user-gesture-required",
    "--allow-loopback-in-peer-connection",
    "--disable-renderer-backgrounding",
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
  ],
});

const result = { turns: [], cards: {}, avatar: { tried: Boolean(plan.avatar) }, console: [] };
let step = 0;
const page = context.pages()[0] ?? (await context.newPage());
page.on("console", (m) => {
  if (m.type() === "error" || m.type() === "warning") result.console.push(`${m.type()}: ${m.text()}`);
});
page.on("pageerror", (e) => result.console.push(`pageerror: ${e.message}`));
page.on("response", (r) => {
  if (r.status() >= 400) result.console.push(`http ${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
});
// The gateway's messages (types only, audio left out), kept for diagnosing failures.
result.socket = [];
result.audioChunksSent = 0;
result.maxLevel = 0;
page.on("websocket", (ws) => {
  ws.on("framesent", (frame) => {
    if (String(frame.payload).startsWith('{"type":"audio_chunk"')) result.audioChunksSent += 1;
  });
  ws.on("framereceived", (frame) => {
    try {
      const m = JSON.parse(String(frame.payload));
      if (m.type !== "assistant_audio_delta" && m.type !== "viseme") result.socket.push(m.type === "error" ? `error:${m.code}` : m.type);
    } catch {
      // not JSON
    }
  });
});

async function shot(name) {
  step += 1;
  const file = join(plan.artifacts, `${String(step).padStart(2, "0")}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const activity = () => page.locator(".status-bar").getAttribute("data-activity");
const finalUserLines = page.locator('.line-user[data-final="true"]');

async function waitActivity(values, timeout = TURN_TIMEOUT) {
  await page.waitForFunction(
    (v) => v.includes(document.querySelector(".status-bar")?.getAttribute("data-activity") ?? ""),
    values,
    { timeout },
  );
}

/** The avatar, when the server has one: video playing, and the mouth region changing. */
async function checkAvatar() {
  await page.getByRole("button", { name: "Start avatar" }).click();
  const outcome = await Promise.race([
    page.locator("video.avatar-video").waitFor({ state: "attached", timeout: 30_000 }).then(() => "video"),
    page.locator(".avatar .notice").waitFor({ timeout: 30_000 }).then(() => "notice"),
  ]);
  if (outcome === "notice") {
    result.avatar.available = false;
    result.avatar.notice = await page.locator(".avatar .notice").innerText();
    log("avatar unavailable:", result.avatar.notice);
    return;
  }
  result.avatar.available = true;
  await page.waitForFunction(() => {
    const v = document.querySelector("video.avatar-video");
    return v && v.readyState >= 2 && v.videoWidth > 0 && !v.paused;
  }, null, { timeout: 30_000 });
  result.avatar.video = await page.evaluate(() => {
    const v = document.querySelector("video.avatar-video");
    return { width: v.videoWidth, height: v.videoHeight };
  });
}

/**
 * How far the avatar's mouth opens and closes over `ms` of decoded video frames.
 *
 * Reads the share of dark pixels (an open mouth's inside) in a box around the mouth. The
 * box follows the avatar's drawing: the mouth is centred at 0.548 of the height, at most
 * 0.115 of the height wide and 0.058 tall, and the box leaves a margin for the 2 px breath,
 * so breathing and blinking leave the share unchanged while speech moves it by about a tenth.
 */
async function mouthMovement(ms = 3000) {
  return page.evaluate(async (ms) => {
    const v = document.querySelector("video.avatar-video");
    if (!v || !v.videoWidth) return null;
    const { videoWidth: vw, videoHeight: vh } = v;
    const box = { x: vw / 2 - 0.09 * vh, y: 0.49 * vh, w: 0.18 * vh, h: 0.13 * vh };
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(8, Math.round(box.w));
    canvas.height = Math.max(8, Math.round(box.h));
    const ctx = canvas.getContext("2d", { willReadFrequently: true });
    const frames = [];
    const sample = () => {
      ctx.drawImage(v, box.x, box.y, box.w, box.h, 0, 0, canvas.width, canvas.height);
      const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2] < 70) dark += 1;
      }
      frames.push(dark / (data.length / 4));
    };
    const until = performance.now() + ms;
    let done = false;
    await new Promise((resolve) => {
      const finish = () => {
        done = true;
        resolve();
      };
      const onFrame = () => {
        if (done) return;
        sample();
        if (performance.now() >= until) finish();
        else v.requestVideoFrameCallback(onFrame);
      };
      v.requestVideoFrameCallback(onFrame);
      setTimeout(finish, ms + 2000); // the video stalled: report what came
    });
    return { frames: frames.length, range: frames.length ? Math.max(...frames) - Math.min(...frames) : 0 };
  }, ms);
}

try {
  await page.goto(plan.baseUrl, { waitUntil: "domcontentloaded" });
  await page.getByRole("button", { name: "Start conversation" }).waitFor();
  result.scripts = await page.evaluate(() =>
    performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script" || e.name.endsWith(".js")).map((e) => e.name),
  );
  await shot("start");
  await page.getByRole("button", { name: "Start conversation" }).click();
  await waitActivity(["ready"], 60_000);
  result.sessionReady = true;
  await shot("connected");
  // The avatar (when the server has one) is on for the whole spoken purchase: the shopper's
  // voice must still be heard between its answers (see AvatarPanel: echo canceller).
  if (plan.avatar) await checkAvatar();
  // The face at rest (breathing, blinking), before the assistant has said a word.
  if (result.avatar.available) result.avatar.idle = await mouthMovement(2000);

  for (const [index, turn] of plan.turns.entries()) {
    const cardsBefore = await page.locator(".line-card").count();
    copyFileSync(turn.wav, plan.micWav); // the "microphone" now holds this turn's words
    await page.getByRole("button", { name: "Turn microphone on" }).click();
    await page.getByRole("button", { name: "Turn microphone off" }).waitFor();
    // The loudest the level meter showed during this turn: proof the page heard the mic.
    await page.evaluate(() => {
      window.__maxLevel = 0;
      clearInterval(window.__levelTimer);
      window.__levelTimer = setInterval(() => {
        const v = Number(document.querySelector('[role="meter"]')?.getAttribute("aria-valuenow") ?? 0);
        window.__maxLevel = Math.max(window.__maxLevel, v);
      }, 20);
    });
    const started = Date.now();
    // Heard: the user's line is final.
    await page.waitForFunction((n) => document.querySelectorAll('.line-user[data-final="true"]').length >= n, index + 1, {
      timeout: TURN_TIMEOUT,
    });
    const heard = await finalUserLines.nth(index).innerText();
    if (turn.tool) {
      await page.locator(`.line-card[data-tool="${turn.tool}"]`).nth(0).waitFor({ timeout: TURN_TIMEOUT });
      await page.waitForFunction((n) => document.querySelectorAll(".line-card").length > n, cardsBefore, { timeout: TURN_TIMEOUT });
    }
    // Answered: the assistant's last line is complete and the assistant has gone quiet.
    await page.waitForFunction(
      () => {
        const lines = [...document.querySelectorAll(".line-user, .line-assistant")];
        const last = lines[lines.length - 1];
        const act = document.querySelector(".status-bar")?.getAttribute("data-activity");
        return last?.classList.contains("line-assistant") && last.getAttribute("data-final") === "true" && act === "listening";
      },
      null,
      { timeout: TURN_TIMEOUT },
    );
    const said = await page.locator(".line-assistant").last().innerText();
    await page.getByRole("button", { name: "Turn microphone off" }).click();
    await page.getByRole("button", { name: "Turn microphone on" }).waitFor();
    const screenshot = await shot(`turn-${index + 1}`);
    const cards = await page.locator(".line-card").evaluateAll((els) => els.map((e) => e.getAttribute("data-tool")));
    result.turns.push({ say: turn.say, heard, said, cards, ms: Date.now() - started, screenshot });
    log(`turn ${index + 1}: heard ${JSON.stringify(heard)}; said ${JSON.stringify(said.slice(0, 80))}`);
  }

  // A typed turn, with the avatar still on: its mouth must move as it speaks.
  await shot("avatar");
  const typed = plan.typed ?? "Where is my order?";
  await page.getByLabel("Message to the assistant").fill(typed);
  await page.getByRole("button", { name: "Send" }).click();
  await page.locator('.line-user[data-final="true"]').filter({ hasText: typed }).waitFor();
  if (result.avatar.available) {
    await waitActivity(["speaking"]);
    result.avatar.mouth = await mouthMovement();
  }
  await page.locator('.line-card[data-tool="track_shipment"]').waitFor({ timeout: TURN_TIMEOUT });
  await page.waitForFunction(
    () => {
      const lines = [...document.querySelectorAll(".line-user, .line-assistant")];
      const last = lines[lines.length - 1];
      const act = document.querySelector(".status-bar")?.getAttribute("data-activity");
      return last?.classList.contains("line-assistant") && last.getAttribute("data-final") === "true" && act === "ready";
    },
    null,
    { timeout: TURN_TIMEOUT },
  );
  result.typed = { said: await page.locator(".line-assistant").last().innerText() };
  await shot("typed-turn");

  // What the cards show, as a shopper reads them.
  const order = page.locator(".card-order").last();
  if (await order.count()) result.cards.order = { id: await order.getAttribute("data-order-id"), text: await order.innerText() };
  const shipment = page.locator(".card-shipment").last();
  if (await shipment.count()) {
    result.cards.shipment = {
      carrier: (await shipment.locator('[data-field="carrier"]').innerText()).trim(),
      tracking: (await shipment.locator('[data-field="tracking"]').innerText()).trim(),
      timeline: await shipment.locator(".timeline li").count(),
      label: await shipment.getByRole("link", { name: /shipping label/i }).getAttribute("href"),
      text: await shipment.innerText(),
    };
    const label = await page.request.get(result.cards.shipment.label);
    result.cards.shipment.labelStatus = label.status();
    result.cards.shipment.labelType = label.headers()["content-type"];
    result.cards.shipment.labelStartsPdf = (await label.body()).subarray(0, 5).toString() === "%PDF-";
  }
  result.cards.products = await page.locator(".card-products .product").evaluateAll((els) =>
    els.map((e) => ({ id: e.getAttribute("data-product-id"), text: e.innerText, image: e.querySelector("img")?.naturalWidth ?? 0 })),
  );
  await shot("shipment");
  result.ok = true;
} catch (error) {
  result.ok = false;
  result.error = String(error?.stack ?? error);
  try {
    result.meter = await page.evaluate(() => window.__maxLevel);
    await shot("failure");
    result.page = await page.locator("body").innerText();
  } catch {
    // the page is gone: nothing more to record
  }
} finally {
  writeFileSync(plan.result, JSON.stringify(result, null, 2));
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
log(result.ok ? "done" : `failed: ${result.error}`);
process.exit(result.ok ? 0 : 1);
