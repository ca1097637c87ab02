import { test } from "node:test";
import assert from "node:assert/strict";
import { emulatorAddress, normalizeConfig, loadConfig } from "../js/config.js";
import { identityEndpoints } from "../js/auth.js";

test("emulatorAddress_shouldAcceptHostPortUrlsAndObjects", () => {
  assert.deepEqual(emulatorAddress("127.0.0.1:9099"), { host: "127.0.0.1", port: 9099, url: "http://127.0.0.1:9099" });
  assert.deepEqual(emulatorAddress("http://localhost:8085/"), { host: "localhost", port: 8085, url: "http://localhost:8085" });
  assert.deepEqual(emulatorAddress({ host: "127.0.0.1", port: "4000" }), { host: "127.0.0.1", port: 4000, url: "http://127.0.0.1:4000" });
  assert.equal(emulatorAddress("nonsense"), null);
  assert.equal(emulatorAddress(undefined), null);
});

test("normalizeConfig_shouldFillLocalDefaults", () => {
  const c = normalizeConfig({ projectId: "demo-x", emulators: { auth: "127.0.0.1:9099" } });
  assert.equal(c.firebase.projectId, "demo-x");
  assert.equal(c.firebase.apiKey, "demo-api-key");
  assert.equal(c.emulators.auth.port, 9099);
  assert.equal(c.emulators.firestore, null);
  assert.equal(c.pollMillis, 1000);
});

test("normalizeConfig_shouldTakeTerraformsWebConfig", () => {
  const c = normalizeConfig({ firebase: { apiKey: "AIza", authDomain: "p.firebaseapp.com", projectId: "p" } });
  assert.equal(c.projectId, "p");
  assert.equal(c.emulators.auth, null);
  assert.equal(identityEndpoints(c).signIn, "https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=AIza");
});

test("identityEndpoints_shouldGoThroughTheAuthEmulator", () => {
  const c = normalizeConfig({ emulators: { auth: "127.0.0.1:9099" } });
  assert.equal(identityEndpoints(c).signUp, "http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-api-key");
  assert.equal(identityEndpoints(c).refresh, "http://127.0.0.1:9099/securetoken.googleapis.com/v1/token?key=demo-api-key");
});

test("loadConfig_shouldFallBackWhenTheServerHasNoConfig", async () => {
  const c = await loadConfig(async () => ({ ok: false, json: async () => ({}) }));
  assert.equal(c.projectId, "demo-coherence");
  const failing = await loadConfig(async () => { throw new Error("offline"); });
  assert.equal(failing.projectId, "demo-coherence");
});
