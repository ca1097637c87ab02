// A short talk with known words, made at test time: festival speech over a face photo (the same
// Debian packages the Java tests use). The WAV also feeds Chromium's fake microphone for recording.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FACE = "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg";

export function makeTalk(dir) {
  mkdirSync(dir, { recursive: true });
  const wav = join(dir, "talk.wav");
  const mp4 = join(dir, "talk.mp4");
  if (existsSync(wav) && existsSync(mp4)) return { wav, mp4 };
  const text = join(dir, "talk.txt");
  writeFileSync(text, "Hello everyone. Today I will show you our results for the quarter. " +
    "As you can see here, sales grew by twenty percent. Um, this is really exciting news for the whole team. " +
    "Thank you for listening.");
  execFileSync("text2wave", ["-o", wav, "-eval", "(voice_cmu_us_slt_arctic_hts)", text]);
  if (!existsSync(FACE)) throw new Error(`face photo ${FACE} missing: apt-get install python-matplotlib-data`);
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-loop", "1", "-framerate", "10", "-i", FACE, "-i", wav,
    "-vf", "scale=640:-2,format=yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest", mp4]);
  return { wav, mp4 };
}
