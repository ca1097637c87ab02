// Copies the Firebase JS SDK's browser ES module builds (app, auth, firestore) from
// node_modules/firebase into vendor/firebase, pointing their imports at each other instead of
// gstatic.com, so the client works offline against the emulators. Run: npm ci && npm run vendor.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "node_modules", "firebase");
const target = join(here, "vendor", "firebase");
const modules = ["firebase-app.js", "firebase-auth.js", "firebase-firestore.js"];

if (!existsSync(join(source, "package.json"))) {
  console.error("web/vendor.mjs: node_modules/firebase is missing; run `npm ci` in web/ first");
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(source, "package.json"), "utf8")).version;
mkdirSync(target, { recursive: true });
for (const name of modules) {
  const text = readFileSync(join(source, name), "utf8")
    .replace(/https:\/\/www\.gstatic\.com\/firebasejs\/[^/"']+\/(firebase-[a-z-]+\.js)/g, "./$1")
    .replace(/^\/\/# sourceMappingURL=.*$/m, "");
  if (/https:\/\/www\.gstatic\.com\/firebasejs\//.test(text)) {
    console.error(`web/vendor.mjs: ${name} still imports from gstatic.com`);
    process.exit(1);
  }
  writeFileSync(join(target, name), text);
}
writeFileSync(join(target, "VERSION"), `${version}\n`);
console.log(`web/vendor.mjs: Firebase ${version} (${modules.join(", ")}) copied to vendor/firebase`);
