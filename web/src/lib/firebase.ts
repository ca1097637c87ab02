// The Firebase JS SDK: Auth (sign-in, password change and reset) and Firestore listeners on the
// user's own documents (live status of videos). Against the emulators locally. Firestore is loaded
// only when the first listener starts (./watch.ts), so the first page does not wait for it.
import { initializeApp, type FirebaseApp } from "firebase/app";
import {
  connectAuthEmulator, createUserWithEmailAndPassword, EmailAuthProvider, getAuth, onAuthStateChanged,
  reauthenticateWithCredential, sendPasswordResetEmail, signInWithEmailAndPassword, signOut, updatePassword,
  type Auth, type User,
} from "firebase/auth";
import type { ClientConfig } from "./config";
import { authErrorMessage } from "./format";

/** A failed Auth call, with a sentence fit for the form. */
export class AuthError extends Error {
  readonly code: string;
  constructor(code: string) {
    super(authErrorMessage(code));
    this.code = code;
  }
}

const wrap = <T,>(p: Promise<T>): Promise<T> => p.catch((e) => { throw new AuthError(e?.code ?? String(e?.message)); });

export interface Session {
  auth: Auth;
  app: FirebaseApp;
  config: ClientConfig;
}

export async function openSession(config: ClientConfig): Promise<Session> {
  const app = initializeApp(config.firebase);
  const auth = getAuth(app);
  if (config.emulators.auth) connectAuthEmulator(auth, config.emulators.auth.url, { disableWarnings: true });
  await auth.authStateReady();
  return { auth, app, config };
}

export const onUser = (s: Session, f: (u: User | null) => void) => onAuthStateChanged(s.auth, f);
export const signIn = (s: Session, email: string, password: string) => wrap(signInWithEmailAndPassword(s.auth, email, password));
export const signUp = (s: Session, email: string, password: string) => wrap(createUserWithEmailAndPassword(s.auth, email, password));
export const logOut = (s: Session) => signOut(s.auth);
export const sendReset = (s: Session, email: string) => wrap(sendPasswordResetEmail(s.auth, email));
export const token = async (s: Session) => (s.auth.currentUser ? s.auth.currentUser.getIdToken() : null);

/** Changes the password after proving the current one (Firebase wants a recent sign-in). */
export async function changePassword(s: Session, current: string, next: string): Promise<void> {
  const user = s.auth.currentUser;
  if (!user?.email) throw new AuthError("auth/requires-recent-login");
  await wrap(reauthenticateWithCredential(user, EmailAuthProvider.credential(user.email, current)));
  await wrap(updatePassword(user, next));
}

/** Starts a listener from the Firestore chunk once it is loaded; onError if it cannot load. Returns unsubscribe. */
function listen(start: (m: typeof import("./watch")) => () => void, onError: () => void) {
  let stop: (() => void) | null = null;
  let stopped = false;
  import("./watch")
    .then((m) => { if (!stopped) stop = start(m); })
    .catch(() => { if (!stopped) onError(); });
  return () => { stopped = true; stop?.(); };
}

/** Listens to videos/{id}; onError when Firestore refuses (rules, network) or cannot load. Returns unsubscribe. */
export function watchDoc(s: Session, videoId: string, onData: (d: Record<string, unknown> | null) => void, onError: () => void) {
  return listen((m) => m.watchVideo(s, videoId, onData, onError), onError);
}

/** Listens to the user's newest `count` videos (new uploads, status, deletions elsewhere). Returns unsubscribe. */
export function watchNewest(s: Session, userId: string, count: number,
  onData: (docs: { id: string; data: Record<string, unknown> }[]) => void, onError: () => void) {
  return listen((m) => m.watchNewest(s, userId, count, onData, onError), onError);
}
