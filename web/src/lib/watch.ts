// Firestore listeners, in their own chunk: loaded with the first live status, not with the first page.
import {
  collection, connectFirestoreEmulator, doc, getFirestore, limit, onSnapshot, orderBy, query, where, type Firestore,
} from "firebase/firestore";
import type { Session } from "./firebase";

const databases = new WeakMap<Session, Firestore>();

/** The session's Firestore, connected to the emulator once when the config names one. */
function database(s: Session): Firestore {
  let db = databases.get(s);
  if (!db) {
    db = getFirestore(s.app);
    const emulator = s.config.emulators.firestore;
    if (emulator) connectFirestoreEmulator(db, emulator.host, emulator.port);
    databases.set(s, db);
  }
  return db;
}

export function watchVideo(s: Session, videoId: string, onData: (d: Record<string, unknown> | null) => void, onError: () => void) {
  return onSnapshot(doc(database(s), "videos", videoId), (snap) => onData(snap.exists() ? (snap.data() as Record<string, unknown>) : null), onError);
}

/** The user's newest `count` videos (the history's first page), as the rules allow: filtered on userId. */
export function watchNewest(s: Session, userId: string, count: number,
  onData: (docs: { id: string; data: Record<string, unknown> }[]) => void, onError: () => void) {
  const newest = query(collection(database(s), "videos"), where("userId", "==", userId), orderBy("createdAt", "desc"), limit(count));
  return onSnapshot(newest, (snap) => {
    // The first answer may come from the local cache, holding older talks another listener read: not the newest.
    if (snap.metadata.fromCache) return;
    onData(snap.docs.map((d) => ({ id: d.id, data: d.data() as Record<string, unknown> })));
  }, onError);
}
