// Starts the real Firestore (gcloud) and Auth (firebase-tools) emulators on free ports for the
// browser checks, and stops their whole process groups afterwards.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const { port } = s.address();
    s.close(() => resolve(port));
  });
});

function start(name, command, args, options, ready) {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  const up = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} emulator not ready in 90 s:\n${output}`)), 90_000);
    const read = (chunk) => {
      output += chunk;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.on("exit", (code) => reject(new Error(`${name} emulator exited (${code}):\n${output}`)));
  });
  const stop = async () => {
    if (child.exitCode != null) return;
    const exited = new Promise((r) => child.on("exit", r));
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 8000))]);
    try { process.kill(-child.pid, "SIGKILL"); } catch { /* already gone */ }
  };
  return { up, stop };
}

export async function startFirestore({ rules } = {}) {
  const port = await freePort();
  const args = ["beta", "emulators", "firestore", "start", `--host-port=127.0.0.1:${port}`, "--quiet"];
  if (rules && existsSync(rules)) args.push(`--rules=${rules}`);
  const emulator = start("Firestore", "gcloud", args, {}, /Dev App Server is now running|is now running/);
  await emulator.up;
  return { host: "127.0.0.1", port, stop: emulator.stop };
}

export async function startAuth(projectId, firebaseBin) {
  if (!existsSync(firebaseBin)) throw new Error(`firebase-tools missing at ${firebaseBin}: run npm ci in local/emulators`);
  const [port, hub, logging] = [await freePort(), await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), "web-e2e-auth-"));
  mkdirSync(join(dir, "tmp"));
  writeFileSync(join(dir, "firebase.json"), JSON.stringify({ emulators: {
    auth: { host: "127.0.0.1", port }, hub: { host: "127.0.0.1", port: hub },
    logging: { host: "127.0.0.1", port: logging }, ui: { enabled: false } } }));
  const emulator = start("Auth", firebaseBin, ["emulators:start", "--only", "auth", "--project", projectId, "--non-interactive"],
    { cwd: dir, env: { ...process.env, TMPDIR: join(dir, "tmp"), CI: "true" } }, /All emulators ready/);
  await emulator.up;
  return { host: "127.0.0.1", port, stop: emulator.stop };
}

/** A Firestore document write through the emulator's REST API, bypassing rules as the admin SDK does. */
export async function writeDoc(firestore, projectId, path, data) {
  const toValue = (v) => {
    if (v === null) return { nullValue: null };
    if (typeof v === "string") return { stringValue: v };
    if (typeof v === "boolean") return { booleanValue: v };
    if (typeof v === "number") return Number.isInteger(v) ? { integerValue: String(v) } : { doubleValue: v };
    if (v instanceof Date) return { timestampValue: v.toISOString() };
    return { mapValue: { fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toValue(x)])) } };
  };
  const url = `http://${firestore.host}:${firestore.port}/v1/projects/${projectId}/databases/(default)/documents/${path}`;
  const reply = await fetch(url, {
    method: "PATCH",
    headers: { "Content-Type": "application/json", Authorization: "Bearer owner" },
    body: JSON.stringify({ fields: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, toValue(v)])) }),
  });
  if (!reply.ok) throw new Error(`Firestore write ${path}: ${reply.status} ${await reply.text()}`);
}

/** A short test-pattern video with a tone (ffmpeg CLI), for the player. */
export function sampleVideo(dir) {
  const file = join(dir, "sample.webm");
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x180:rate=15",
    "-f", "lavfi", "-i", "sine=frequency=440", "-t", "40", "-c:v", "libvpx", "-b:v", "200k", "-c:a", "libopus", file]);
  return file;
}
