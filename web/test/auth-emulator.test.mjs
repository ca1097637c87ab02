// The REST sign-in against the real Firebase Auth emulator (npm firebase-tools in local/emulators,
// installed by `npm ci` there), started by this test on free ports.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { normalizeConfig } from "../js/config.js";
import { restAuth } from "../js/auth.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const firebase = process.env.COHERENCE_FIREBASE_BIN ?? join(repo, "local", "emulators", "node_modules", ".bin", "firebase");
let emulator;
let config;

const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

/** localStorage as the browser has it: strings in, strings out. */
function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k) };
}

const payload = (jwt) => JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));

before(async () => {
  if (!existsSync(firebase)) {
    throw new Error(`firebase-tools not installed at ${firebase}: run \`npm ci\` in local/emulators`);
  }
  const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "web-auth-"));
  mkdirSync(join(dir, "tmp"));
  writeFileSync(join(dir, "firebase.json"), JSON.stringify({ emulators: {
    auth: { host: "127.0.0.1", port }, hub: { host: "127.0.0.1", port: hub },
    logging: { host: "127.0.0.1", port: logging }, ui: { enabled: false } } }));
  emulator = spawn(firebase, ["emulators:start", "--only", "auth", "--project", "demo-coherence-web", "--non-interactive"],
    { cwd: dir, env: { ...process.env, TMPDIR: join(dir, "tmp"), CI: "true" }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Auth emulator not ready in 60 s:\n${output}`)), 60_000);
    const read = (chunk) => {
      output += chunk;
      if (output.includes("All emulators ready")) {
        clearTimeout(timer);
        resolve();
      }
    };
    emulator.stdout.on("data", read);
    emulator.stderr.on("data", read);
    emulator.on("exit", (code) => reject(new Error(`Auth emulator exited (${code}):\n${output}`)));
  });
  config = normalizeConfig({ projectId: "demo-coherence-web", emulators: { auth: `127.0.0.1:${port}` } });
});

after(async () => {
  if (!emulator || emulator.exitCode != null) return;
  const exited = new Promise((resolve) => emulator.on("exit", resolve));
  process.kill(-emulator.pid, "SIGINT"); // the whole group: firebase-tools runs the emulator in children
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (emulator.exitCode == null) process.kill(-emulator.pid, "SIGKILL");
});

test("restAuth_shouldCreateAnAccountAndSignInAgain", async () => {
  const storage = memoryStorage();
  const auth = restAuth(config, { storage });
  const created = await auth.signUp("ada@example.com", "secret-pass");
  assert.equal(created.email, "ada@example.com");
  const token = await auth.token();
  assert.equal(payload(token).email, "ada@example.com");
  assert.equal(payload(token).user_id, created.uid);

  const again = restAuth(config, { storage: memoryStorage() });
  assert.equal(again.user(), null);
  const signedIn = await again.signIn("ada@example.com", "secret-pass");
  assert.equal(signedIn.uid, created.uid);

  const reloaded = restAuth(config, { storage }); // a page reload keeps the session
  assert.equal(reloaded.user().uid, created.uid);
  await reloaded.signOut();
  assert.equal(restAuth(config, { storage }).user(), null);
});

test("restAuth_shouldExplainWrongPasswordUnknownEmailAndDuplicates", async () => {
  const auth = restAuth(config, { storage: memoryStorage() });
  await auth.signUp("grace@example.com", "secret-pass");
  await assert.rejects(auth.signIn("grace@example.com", "wrong-pass"), /Wrong (email or )?password/);
  await assert.rejects(auth.signIn("nobody@example.com", "secret-pass"), /No account with that email|Wrong email or password/);
  await assert.rejects(auth.signUp("grace@example.com", "secret-pass"), /already exists/);
  await assert.rejects(auth.signUp("weak@example.com", "123"), /at least 6 characters/);
});

test("restAuth_shouldRefreshTheTokenBeforeItExpires", async () => {
  let clock = Date.now();
  const storage = memoryStorage();
  const auth = restAuth(config, { storage, now: () => clock });
  const user = await auth.signUp("linus@example.com", "secret-pass");
  const first = await auth.token();
  clock += 3600 * 1000 - 30_000; // 30 s before expiry: refresh
  const refreshed = await auth.token();
  assert.equal(payload(refreshed).user_id, user.uid);
  assert.ok(JSON.parse(storage.getItem("coherence.session")).expiresAt > clock + 60_000, "new expiry stored");
  assert.equal(typeof first, "string");
});
