// Where the client finds Firebase and, locally, the emulators: /config.json, served by local/ and,
// in GCP, written to Firebase Hosting from `terraform output web_config`. Pure parts tested.

export interface Address { host: string; port: number; url: string }
export interface ClientConfig {
  projectId: string;
  firebase: { apiKey: string; authDomain: string; projectId: string };
  emulators: { auth: Address | null; firestore: Address | null };
  apiBase: string;
}

/** {host, port, url} of "host:port", "http://host:port" or {host, port}; null otherwise. */
export function emulatorAddress(value: unknown): Address | null {
  if (!value) return null;
  if (typeof value === "object") {
    const v = value as { host?: string; port?: number | string };
    if (!v.host || !v.port) return null;
    return { host: v.host, port: Number(v.port), url: `http://${v.host}:${v.port}` };
  }
  const match = /^(?:https?:\/\/)?([^/:]+):(\d+)\/?$/.exec(String(value).trim());
  if (!match) return null;
  return { host: match[1], port: Number(match[2]), url: `http://${match[1]}:${match[2]}` };
}

export function normalizeConfig(raw: unknown): ClientConfig {
  const json = (raw && typeof raw === "object" ? raw : {}) as Record<string, any>;
  const projectId = json.projectId ?? json.firebase?.projectId ?? "demo-coherence";
  return {
    projectId,
    firebase: {
      apiKey: json.firebase?.apiKey ?? "demo-api-key",
      authDomain: json.firebase?.authDomain ?? `${projectId}.firebaseapp.com`,
      projectId,
    },
    emulators: { auth: emulatorAddress(json.emulators?.auth), firestore: emulatorAddress(json.emulators?.firestore) },
    apiBase: String(json.apiBase ?? "").replace(/\/$/, ""),
  };
}

export async function loadConfig(fetchFn: typeof fetch = (...a) => fetch(...a)): Promise<ClientConfig> {
  try {
    const reply = await fetchFn("config.json", { cache: "no-store" });
    return normalizeConfig(reply.ok ? await reply.json() : {});
  } catch {
    return normalizeConfig({});
  }
}
