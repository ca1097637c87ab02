// The parse check must fail on the mistakes it exists to catch, and pass on good input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = join(dirname(fileURLToPath(import.meta.url)), "..", "check.mjs");

function check(files) {
  const dir = mkdtempSync(join(tmpdir(), "infra-check-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const run = spawnSync(process.execPath, [script, dir], { encoding: "utf8" });
  return { code: run.status, out: run.stdout + run.stderr };
}

const good = {
  "main.tf": 'variable "region" {\n  type = string\n}\nresource "google_pubsub_topic" "t" {\n  name = "x-${var.region}"\n}\n' +
    'output "t" {\n  value = google_pubsub_topic.t.id\n}\n',
  "rules.json": '{"indexes": []}',
};

test("check_shouldPassOnValidTerraform", () => {
  const r = check(good);
  assert.equal(r.code, 0, r.out);
  assert.match(r.out, /1 \.tf files parse; 1 resources/);
});

test("check_shouldRejectHclSyntaxError", () => {
  const r = check({ ...good, "bad.tf": 'resource "google_pubsub_topic" "u" {\n  name = foo(\n}\n' });
  assert.equal(r.code, 1);
  assert.match(r.out, /bad\.tf:3/);
});

test("check_shouldRejectInvalidJson", () => {
  const r = check({ ...good, "rules.json": '{"indexes": [}' });
  assert.equal(r.code, 1);
  assert.match(r.out, /rules\.json: not valid JSON/);
});

test("check_shouldRejectUndeclaredReferences", () => {
  const r = check({ ...good, "more.tf": 'resource "google_pubsub_topic" "u" {\n  name = "${var.regoin}-${google_pubsub_topic.missing.name}"\n}\n' });
  assert.equal(r.code, 1);
  assert.match(r.out, /undeclared var\.regoin/);
  assert.match(r.out, /undeclared google_pubsub_topic\.missing/);
});

test("check_shouldRejectMissingFileAndDuplicateBlocks", () => {
  const r = check({ ...good, "more.tf": 'resource "google_pubsub_topic" "t" {\n  name = file("${path.module}/absent.rules")\n}\n' });
  assert.equal(r.code, 1);
  assert.match(r.out, /reads absent\.rules, which does not exist/);
  assert.match(r.out, /google_pubsub_topic\.t is declared twice/);
});

test("check_shouldRejectAFunctionWhoseBeanDiffersFromItsModule", async () => {
  const { mkdirSync } = await import("node:fs");
  const repo = mkdtempSync(join(tmpdir(), "infra-repo-"));
  mkdirSync(join(repo, "infra"));
  mkdirSync(join(repo, "functions", "quota", "src", "main", "resources", "app"), { recursive: true });
  writeFileSync(join(repo, "functions", "quota", "src", "main", "resources", "app", "quota.properties"),
    "spring.cloud.function.definition=uploads\n");
  const tf = (bean) => `locals {\n  functions = {\n    quota = { module = "quota", definition = "${bean}" }\n  }\n}\n`;
  writeFileSync(join(repo, "infra", "functions.tf"), tf("reserve"));
  const bad = spawnSync(process.execPath, [script, join(repo, "infra")], { encoding: "utf8" });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /runs bean reserve, but functions\/quota names uploads/);
  writeFileSync(join(repo, "infra", "functions.tf"), tf("uploads"));
  const good = spawnSync(process.execPath, [script, join(repo, "infra")], { encoding: "utf8" });
  assert.equal(good.status, 0, good.stderr);
  assert.match(good.stdout, /1 function beans and settings agree with the code/);
});
