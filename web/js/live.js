// Live status of one video: a Firestore listener on videos/{id} when the Firebase SDK is vendored
// (against the emulator locally), else polling GET /v1/videos/{id}. The listener falls back to
// polling if Firestore refuses (e.g. rules or an unreachable emulator).
import { normalizeVideo, isTerminal } from "./video.js";

/** A Firestore handle for listening, or null without the vendored SDK. */
export async function openFirestore(app, config) {
  if (!app) return null;
  try {
    const fs = await import("../vendor/firebase/firebase-firestore.js");
    const db = fs.getFirestore(app);
    if (config.emulators.firestore) {
      fs.connectFirestoreEmulator(db, config.emulators.firestore.host, config.emulators.firestore.port);
    }
    return {
      watch: (videoId, onData, onError) =>
        fs.onSnapshot(fs.doc(db, "videos", videoId), (snap) => onData(snap.exists() ? snap.data() : null), onError),
    };
  } catch {
    return null;
  }
}

/**
 * Calls onUpdate(video, source) with every change until a terminal status or stop();
 * onError(error) for failures that end watching. Returns stop().
 */
export function watchVideo(videoId, { api, firestore, pollMillis = 1000, setTimer = setTimeout, clearTimer = clearTimeout },
  onUpdate, onError = () => {}) {
  let stopped = false;
  let timer = null;
  let unsubscribe = null;
  let failures = 0;

  const stop = () => {
    stopped = true;
    if (timer) clearTimer(timer);
    if (unsubscribe) unsubscribe();
  };

  const deliver = (video, source) => {
    if (stopped || !video) return;
    onUpdate(video, source);
    if (isTerminal(video)) stop();
  };

  const poll = async () => {
    if (stopped) return;
    try {
      deliver(normalizeVideo(await api.video(videoId), videoId), "poll");
      failures = 0;
    } catch (e) {
      if (e.status === 404 || e.status === 401) {
        stop();
        onError(e);
        return;
      }
      failures++; // transient: keep trying, slower
    }
    if (!stopped) timer = setTimer(poll, pollMillis * Math.min(5, 1 + failures));
  };

  if (firestore) {
    unsubscribe = firestore.watch(videoId,
      (doc) => deliver(normalizeVideo(doc, videoId), "listener"),
      () => {
        unsubscribe = null;
        if (!stopped) poll();
      });
  } else {
    poll();
  }
  return stop;
}
