// A short talk with known words and one known long pause, made at test time: festival speech over a
// face photo (the same Debian packages the Java tests use). The WAV also feeds Chromium's fake
// microphone for recording. The pause is scripted (3 s of silence after the second sentence), so the
// report of the analysed talk has a moment whose start the flows know without asking the pipeline.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const FACE = "/usr/share/matplotlib/mpl-data/sample_data/grace_hopper.jpg";
/** Silence inserted between the two halves: well over the analysis' 2 s long-pause line. */
export const PAUSE_SECONDS = 3;

const seconds = (file) => Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file]).toString());

export function makeTalk(dir) {
  mkdirSync(dir, { recursive: true });
  const wav = join(dir, "talk-pause.wav");
  const mp4 = join(dir, "talk-pause.mp4");
  const truth = join(dir, "talk-pause.json");
  if (existsSync(wav) && existsSync(mp4) && existsSync(truth)) return { wav, mp4, ...JSON.parse(readFileSync(truth, "utf8")) };
  const halves = ["Hello everyone. Today I will show you our results for the quarter. As you can see here, sales grew by twenty percent.",
    "Um, this is really exciting news for the whole team. Thank you for listening."].map((text, i) => {
    const txt = join(dir, `half${i}.txt`);
    const out = join(dir, `half${i}.wav`);
    writeFileSync(txt, text);
    execFileSync("text2wave", ["-o", out, "-eval", "(voice_cmu_us_slt_arctic_hts)", txt]);
    return out;
  });
  const firstHalf = seconds(halves[0]);
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-i", halves[0], "-i", halves[1], "-filter_complex",
    `[0:a]apad=pad_dur=${PAUSE_SECONDS}[a];[a][1:a]concat=n=2:v=0:a=1`, "-ar", "16000", "-ac", "1", wav]);
  if (!existsSync(FACE)) throw new Error(`face photo ${FACE} missing: apt-get install python-matplotlib-data`);
  execFileSync("ffmpeg", ["-loglevel", "error", "-y", "-loop", "1", "-framerate", "10", "-i", FACE, "-i", wav,
    "-vf", "scale=640:-2,format=yuv420p", "-c:v", "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest", mp4]);
  // The silence runs from the end of the first half's speech (festival ends a file with a short tail).
  const known = { pause: { start: firstHalf, end: firstHalf + PAUSE_SECONDS } };
  writeFileSync(truth, JSON.stringify(known));
  return { wav, mp4, ...known };
}
