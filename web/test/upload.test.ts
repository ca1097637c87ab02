import { describe, expect, it } from "vitest";
import { UploadError, uploadHeaders, uploadWithRetry, type Put } from "../src/lib/upload";

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
