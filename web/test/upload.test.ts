import { describe, expect, it } from "vitest";
import {
  CHUNK_UNIT, MAX_CHUNK, chunkSize, resumableUpload, resumeOffset, UploadError, uploadHeaders, uploadWithRetry, type Put, type SessionTransport,
} from "../src/lib/upload";

const file = new Blob([new Uint8Array(1000)], { type: "video/webm" });
const noSleep = { sleep: async () => {} };

describe("upload with retry", () => {
  it("sends again after a dropped connection and succeeds", async () => {
    let calls = 0;
    const waits: number[] = [];
    const put: Put = async () => { calls++; if (calls < 3) throw new UploadError("dropped", true, 0); };
    await uploadWithRetry("u", file, {}, () => {}, (_n, w) => waits.push(w), { put, ...noSleep });
    expect(calls).toBe(3);
    expect(waits).toEqual([1000, 3000]);
  });
  it("gives up after the last attempt with the last error", async () => {
    let calls = 0;
    const put: Put = async () => { calls++; throw new UploadError("dropped", true, 0); };
    await expect(uploadWithRetry("u", file, {}, () => {}, () => {}, { put, ...noSleep })).rejects.toThrow("dropped");
    expect(calls).toBe(4);
  });
  it("does not retry a refusal (expired link)", async () => {
    let calls = 0;
    const put: Put = async () => { calls++; throw new UploadError("expired", false, 403); };
    await expect(uploadWithRetry("u", file, {}, () => {}, () => {}, { put, ...noSleep })).rejects.toThrow("expired");
    expect(calls).toBe(1);
  });
  it("sends exactly the signed headers, adding the content type only when missing", () => {
    expect(uploadHeaders({ uploadHeaders: { "content-type": "video/mp4" } }, "video/webm")).toEqual({ "content-type": "video/mp4" });
    expect(uploadHeaders({}, "video/webm")).toEqual({ "Content-Type": "video/webm" });
  });
});

describe("resumable upload", () => {
  const bytes = (n: number) => { const b = new Uint8Array(n); for (let i = 0; i < n; i++) b[i] = (i * 7 + 3) % 251; return b; };

  /** A session as Cloud Storage keeps one: the bytes it has, a 308 with their Range until complete. */
  function fakeSession(total: number, { dropChunk = -1, keepOfDropped = 0 } = {}) {
    const stored = new Uint8Array(total);
    let have = 0;
    const calls: string[] = [];
    let chunks = 0;
    const answer = () => have === total ? { status: 200, range: null } : { status: 308, range: have ? `bytes=0-${have - 1}` : null };
    const keep = (data: Uint8Array, first: number, upTo: number) => {
      if (upTo > have - first) { stored.set(data.subarray(have - first, upTo), have); have = first + upTo; }
    };
    const transport: SessionTransport = {
      open: async () => { calls.push("open"); return "session"; },
      send: async (_s, chunk, first) => {
        const data = new Uint8Array(await chunk.arrayBuffer());
        calls.push(`send ${first}`);
        if (first > have) throw new UploadError("gap", false, 400);
        if (chunks++ === dropChunk) {
          // the connection drops part-way: the server keeps what arrived, the client hears nothing
          keep(data, first, keepOfDropped);
          throw new UploadError("dropped", true, 0);
        }
        keep(data, first, data.length);
        return answer();
      },
      query: async () => { calls.push("query"); return answer(); },
    };
    return { transport, calls, same: (file: Uint8Array) => have === total && Buffer.from(stored).equals(Buffer.from(file)) };
  }

  it("sends chunks of 256 KiB multiples, about eight per file, at most 8 MiB", () => {
    expect(chunkSize(100_000)).toBe(CHUNK_UNIT);
    expect(chunkSize(4 * 1024 * 1024)).toBe(2 * CHUNK_UNIT);
    expect(chunkSize(2 * 1024 ** 3)).toBe(MAX_CHUNK);
    expect(chunkSize(3_000_000) % CHUNK_UNIT).toBe(0);
  });
  it("reads where to resume from the session's Range", () => {
    expect(resumeOffset("bytes=0-262143")).toBe(262144);
    expect(resumeOffset(null)).toBe(0);
    expect(resumeOffset("garbage")).toBe(0);
  });
  it("after a drop mid-chunk asks the session and sends only the rest, byte for byte", async () => {
    const file = bytes(3 * CHUNK_UNIT + 1000);
    const session = fakeSession(file.length, { dropChunk: 1, keepOfDropped: 100_000 });
    const waits: number[] = [];
    const seen: number[] = [];
    await resumableUpload("u", {}, new Blob([file]), (sent) => seen.push(sent), (_n, w) => waits.push(w), { transport: session.transport, ...noSleep });
    expect(session.calls).toEqual(["open", "send 0", `send ${CHUNK_UNIT}`, "query", `send ${CHUNK_UNIT + 100_000}`,
      `send ${2 * CHUNK_UNIT + 100_000}`]);
    expect(waits).toEqual([1000]);
    expect(session.same(file)).toBe(true);
    expect(seen[seen.length - 1]).toBe(file.length);
  });
  it("rides out a longer outage, waiting longer each time, and gives up after the last attempt", async () => {
    const file = bytes(CHUNK_UNIT * 2);
    const session = fakeSession(file.length);
    let outage = 4; // the first send and the next three questions fail
    const flaky: SessionTransport = {
      open: session.transport.open,
      send: async (...a) => { if (outage-- > 0) throw new UploadError("dropped", true, 0); return session.transport.send(...a); },
      query: async (...a) => { if (outage-- > 0) throw new UploadError("dropped", true, 0); return session.transport.query(...a); },
    };
    const waits: number[] = [];
    await resumableUpload("u", {}, new Blob([file]), () => {}, (_n, w) => waits.push(w), { transport: flaky, ...noSleep });
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
    expect(session.same(file)).toBe(true);

    const dead: SessionTransport = { ...session.transport, send: async () => { throw new UploadError("dropped", true, 0); },
      query: async () => { throw new UploadError("dropped", true, 0); } };
    await expect(resumableUpload("u", {}, new Blob([file]), () => {}, () => {}, { transport: dead, ...noSleep })).rejects.toThrow("dropped");
  });
  it("stops at once when the session refuses (expired link)", async () => {
    let sends = 0;
    const transport: SessionTransport = { open: async () => "s", query: async () => ({ status: 308, range: null }),
      send: async () => { sends++; throw new UploadError("expired", false, 404); } };
    await expect(resumableUpload("u", {}, new Blob([bytes(10)]), () => {}, () => {}, { transport, ...noSleep })).rejects.toThrow("expired");
    expect(sends).toBe(1);
  });
});
