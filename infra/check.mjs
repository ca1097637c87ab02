// Offline check of infra/: every .tf file parses as HCL (syntax errors fail), every JSON file
// parses, every var./local./resource/data reference names something declared, no block is
// declared twice, every file("${path.module}/...") the Terraform reads exists, and (inside the
// repository) each function's bean and the GCP environment variables agree with the code.
// Terraform itself cannot run here; this catches what a typo would break before `terraform plan`.
import { parse } from "@cdktf/hcl2json";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const dir = process.argv[2] ?? dirname(fileURLToPath(import.meta.url));
const problems = [];
const files = readdirSync(dir).sort();

for (const name of files.filter((f) => f.endsWith(".json"))) {
  try {
    JSON.parse(readFileSync(join(dir, name), "utf8"));
  } catch (e) {
    problems.push(`${name}: not valid JSON: ${e.message}`);
  }
}

const declared = { var: new Set(), local: new Set(), resource: new Set(), data: new Set() };
const parsed = [];
for (const name of files.filter((f) => f.endsWith(".tf"))) {
  try {
    const json = await parse(name, readFileSync(join(dir, name), "utf8"));
    parsed.push({ name, json });
  } catch (e) {
    problems.push(`${name}: ${String(e.message ?? e).replace(/^parse config: /, "")}`);
  }
}

function declare(kind, key, file) {
  if (declared[kind].has(key)) problems.push(`${file}: ${kind} ${key} is declared twice`);
  declared[kind].add(key);
}

for (const { name, json } of parsed) {
  for (const v of Object.keys(json.variable ?? {})) declare("var", v, name);
  for (const block of json.locals ?? []) for (const l of Object.keys(block)) declare("local", l, name);
  for (const [type, byName] of Object.entries(json.resource ?? {}))
    for (const r of Object.keys(byName)) declare("resource", `${type}.${r}`, name);
  for (const [type, byName] of Object.entries(json.data ?? {}))
    for (const d of Object.keys(byName)) declare("data", `${type}.${d}`, name);
}

// All strings of a parsed file; expressions appear as "${...}" inside them.
function* strings(node) {
  if (typeof node === "string") yield node;
  else if (Array.isArray(node)) for (const n of node) yield* strings(n);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      yield k;
      yield* strings(v);
    }
}

const REF = /(?<![\w.])(var|local|data\.[a-z0-9_]+|(?:google|google_beta|archive)_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g;
const FILE = /file\("\$\{path\.module\}\/([^"]+)"\)/g;
for (const { name, json } of parsed) {
  const exprs = [...strings(json)].filter((s) => s.includes("${"));
  for (const s of exprs) {
    const code = s.replace(/"(?:[^"\\]|\\.)*"/g, (lit) => (lit.includes("${") ? lit : '""'));
    for (const [, kind, id] of code.matchAll(REF)) {
      const ok = kind === "var" ? declared.var.has(id)
        : kind === "local" ? declared.local.has(id)
        : kind.startsWith("data.") ? declared.data.has(`${kind.slice(5)}.${id}`)
        : declared.resource.has(`${kind}.${id}`);
      if (!ok) problems.push(`${name}: reference to undeclared ${kind}.${id}`);
    }
    for (const [, path] of s.matchAll(FILE)) {
      if (!existsSync(join(dir, path))) problems.push(`${name}: reads ${path}, which does not exist`);
    }
  }
}

// Inside the repository, the Terraform must also agree with the code it deploys: each function's
// bean is the one its module's properties name, and every variable GcpSettings reads is set.
const repo = join(dir, "..");
const locals = Object.assign({}, ...parsed.flatMap(({ json }) => json.locals ?? []));
let crossChecked = 0;
if (existsSync(join(repo, "functions")) && locals.functions) {
  for (const [name, fn] of Object.entries(locals.functions)) {
    const resources = join(repo, "functions", fn.module, "src", "main", "resources");
    const definitions = propertiesUnder(resources)
      .map((text) => /^spring\.cloud\.function\.definition\s*=\s*(\S+)/m.exec(text)?.[1])
      .filter(Boolean);
    if (!existsSync(resources)) problems.push(`functions.tf: function ${name} deploys functions/${fn.module}, which has no src/main/resources`);
    else if (!definitions.includes(fn.definition)) {
      problems.push(`functions.tf: function ${name} runs bean ${fn.definition}, but functions/${fn.module} names ${definitions.join(", ") || "none"}`);
    }
    crossChecked++;
  }
}
const settings = join(repo, "shared", "gcp", "src", "main", "java", "app", "coherence", "gcp", "GcpSettings.java");
if (existsSync(settings) && locals.common_env) {
  for (const [, name] of readFileSync(settings, "utf8").matchAll(/static final String \w+ = "([A-Z_]+)";/g)) {
    if (name.endsWith("_EMULATOR_HOST")) continue; // local only
    const analysisOnly = new RegExp(`name\\s*=\\s*"${name}"`).test(readFileSync(join(repo, "infra", "run.tf"), "utf8"));
    if (!(name in locals.common_env) && !analysisOnly) {
      problems.push(`config.tf: common_env lacks ${name}, which GcpSettings reads (nor does run.tf set it for the analysis service)`);
    }
    crossChecked++;
  }
}

function propertiesUnder(root) {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true })
    .filter((f) => String(f).endsWith(".properties"))
    .map((f) => readFileSync(join(root, String(f)), "utf8"));
}

const count = (k) => declared[k].size;
if (problems.length) {
  for (const p of [...new Set(problems)]) console.error(`infra check: ${p}`);
  process.exit(1);
}
console.log(`infra check: ${parsed.length} .tf files parse; ${count("resource")} resources, ` +
  `${count("data")} data sources, ${count("var")} variables, ${count("local")} locals; references resolve` +
  (crossChecked ? `; ${crossChecked} function beans and settings agree with the code` : ""));
