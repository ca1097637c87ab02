// Where the client finds Firebase and, locally, the emulators. The local server (local/) and
// Firebase Hosting (written by cloudbuild.yaml from `terraform output web_config`) both serve
// /config.json:
//   { "projectId": "demo-coherence",
//     "firebase":  { "apiKey": "...", "authDomain": "...", "projectId": "..." },
//     "emulators": { "auth": "127.0.0.1:9099", "firestore": "127.0.0.1:8085" } }   // local only
// Emulator addresses may be "host:port", "http://host:port" or {host, port}.

/** {host, port, url} of an emulator address, or null. */
export function emulatorAddress(value) {
  if (!value) return null;
  if (typeof value === "object") {
    if (!value.host || !value.port) return null;
    return { host: value.host, port: Number(value.port), url: `http://${value.host}:${value.port}` };
  }
  const match = /^(?:https?:\/\/)?([^/:]+):(\d+)\/?$/.exec(String(value).trim());
  if (!match) return null;
  return { host: match[1], port: Number(match[2]), url: `http://${match[1]}:${match[2]}` };
}

/** A complete config from whatever /config.json held (missing parts get local defaults). */
export function normalizeConfig(raw) {
  const json = raw && typeof raw === "object" ? raw : {};
  const projectId = json.projectId ?? json.firebase?.projectId ?? "demo-coherence";
  const emulators = {
    auth: emulatorAddress(json.emulators?.auth ?? json.authEmulator ?? json.authEmulatorHost),
    firestore: emulatorAddress(json.emulators?.firestore ?? json.firestoreEmulator ?? json.firestoreEmulatorHost),
  };
  return {
    projectId,
    firebase: {
      // The emulators accept any API key; production reads the real one from config.json.
      apiKey: json.firebase?.apiKey ?? "demo-api-key",
      authDomain: json.firebase?.authDomain ?? `${projectId}.firebaseapp.com`,
      projectId,
    },
    emulators,
    apiBase: String(json.apiBase ?? "").replace(/\/$/, ""),
    pollMillis: Number(json.pollMillis ?? 1000),
  };
}

/** Fetches /config.json; a server without one means: local defaults, no emulator hints. */
export async function loadConfig(fetchFn = fetch) {
  try {
    const reply = await fetchFn("/config.json", { cache: "no-store" });
    return normalizeConfig(reply.ok ? await reply.json() : {});
  } catch {
    return normalizeConfig({});
  }
}
