// Sign-in. With the Firebase JS SDK vendored into web/vendor/firebase (npm run vendor), the SDK
// signs in (against the Auth emulator locally) and the same session feeds the Firestore listener.
// Without it, the Identity Toolkit REST API does the same sign-in (it is what the SDK calls too)
// and the client polls for progress instead.
import { authErrorMessage } from "./format.js";

/** Error raised for a failed sign-in, with a sentence fit for the form. */
export class AuthError extends Error {
  constructor(code) {
    super(authErrorMessage(code));
    this.code = code;
  }
}

/** Endpoints of the Identity Toolkit and Secure Token REST APIs (emulator or Google). */
export function identityEndpoints(config) {
  const emulator = config.emulators.auth;
  const base = (service) => (emulator ? `${emulator.url}/${service}` : `https://${service}`);
  const key = encodeURIComponent(config.firebase.apiKey);
  return {
    signIn: `${base("identitytoolkit.googleapis.com")}/v1/accounts:signInWithPassword?key=${key}`,
    signUp: `${base("identitytoolkit.googleapis.com")}/v1/accounts:signUp?key=${key}`,
    refresh: `${base("securetoken.googleapis.com")}/v1/token?key=${key}`,
  };
}

/** Loads the vendored SDK and signs in with it; null if the SDK is not vendored. */
export async function sdkAuth(config) {
  let appModule, authModule;
  try {
    appModule = await import("../vendor/firebase/firebase-app.js");
    authModule = await import("../vendor/firebase/firebase-auth.js");
  } catch {
    return null;
  }
  const app = appModule.initializeApp(config.firebase);
  const auth = authModule.getAuth(app);
  if (config.emulators.auth) authModule.connectAuthEmulator(auth, config.emulators.auth.url, { disableWarnings: true });
  await auth.authStateReady();
  const wrap = (promise) => promise.catch((e) => { throw new AuthError(e.code ?? e.message); });
  const userOf = (u) => (u ? { uid: u.uid, email: u.email } : null);
  return {
    kind: "sdk",
    app,
    user: () => userOf(auth.currentUser),
    signIn: (email, password) => wrap(authModule.signInWithEmailAndPassword(auth, email, password)).then((c) => userOf(c.user)),
    signUp: (email, password) => wrap(authModule.createUserWithEmailAndPassword(auth, email, password)).then((c) => userOf(c.user)),
    signOut: () => authModule.signOut(auth),
    token: async () => (auth.currentUser ? auth.currentUser.getIdToken() : null),
  };
}

const STORAGE_KEY = "coherence.session";

/** Sign-in over the REST API; the session (ID + refresh token) is kept in localStorage. */
export function restAuth(config, { fetchFn = fetch, storage = globalThis.localStorage, now = () => Date.now() } = {}) {
  const endpoints = identityEndpoints(config);
  let session = null;
  try {
    session = JSON.parse(storage?.getItem(STORAGE_KEY) ?? "null");
  } catch {
    session = null;
  }
  const save = (value) => {
    session = value;
    if (value) storage?.setItem(STORAGE_KEY, JSON.stringify(value));
    else storage?.removeItem(STORAGE_KEY);
  };

  async function post(url, body, form = false) {
    const reply = await fetchFn(url, {
      method: "POST",
      headers: { "Content-Type": form ? "application/x-www-form-urlencoded" : "application/json" },
      body: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
    });
    const json = await reply.json().catch(() => ({}));
    if (!reply.ok) throw new AuthError(json.error?.message ?? `HTTP_${reply.status}`);
    return json;
  }

  async function start(url, email, password) {
    const r = await post(url, { email, password, returnSecureToken: true });
    save({ uid: r.localId, email: r.email, idToken: r.idToken, refreshToken: r.refreshToken,
      expiresAt: now() + Number(r.expiresIn ?? 3600) * 1000 });
    return { uid: session.uid, email: session.email };
  }

  return {
    kind: "rest",
    app: null,
    user: () => (session ? { uid: session.uid, email: session.email } : null),
    signIn: (email, password) => start(endpoints.signIn, email, password),
    signUp: (email, password) => start(endpoints.signUp, email, password),
    signOut: async () => save(null),
    /** The ID token, refreshed a minute before it expires. */
    token: async () => {
      if (!session) return null;
      if (session.expiresAt - now() > 60_000) return session.idToken;
      try {
        const r = await post(endpoints.refresh, { grant_type: "refresh_token", refresh_token: session.refreshToken }, true);
        save({ ...session, idToken: r.id_token, refreshToken: r.refresh_token, expiresAt: now() + Number(r.expires_in ?? 3600) * 1000 });
        return session.idToken;
      } catch (e) {
        save(null);
        throw e;
      }
    },
  };
}
