import { describe, expect, it } from "vitest";
import { sentences, shownWords } from "../src/lib/transcript";
import { SAMPLE_RESULT } from "../src/lib/sample";
import type { Segment, Word } from "../src/lib/types";

/** Words as the recogniser gives them (lower case, no punctuation), 0.3 s each, "|" a 1.5 s silence. */
function heard(from: number, spoken: string, fillers: string[] = []): Word[] {
  const out: Word[] = [];
  let t = from;
  for (const w of spoken.split(" ")) {
    if (w === "|") { t += 1.5; continue; }
    out.push({ word: w.replace(/_/g, " "), start: t, end: t + 0.3, filler: fillers.includes(w) });
    t += 0.35;
  }
  return out;
}
const segment = (text: string, words: Word[]): Segment => ({ text, start: words[0].start, end: words[words.length - 1].end, words });
const read = (lines: { text: string }[][]) => lines.map((l) => l.map((w) => w.text).join(" "));

describe("transcript as shown", () => {
  it("shows each word as its token of the cased sentence, punctuation kept, the seek time the word's own", () => {
    const words = heard(2, "um today i'm going to show you our product", ["um"]);
    const shown = shownWords(segment("Um, today I'm going to show you our product.", words));
    expect(shown.map((w) => w.text)).toEqual(["Um,", "today", "I'm", "going", "to", "show", "you", "our", "product."]);
    expect(shown.map((w) => w.word)).toEqual(words); // the same words, in order: taps seek to their start
    expect(shown.filter((w) => w.word.filler).map((w) => w.text)).toEqual(["Um,"]);
  });
  it("gives a word of two (a \"you know\" filler) its two tokens", () => {
    const shown = shownWords(segment("You know I mean it works.", heard(0, "you_know i_mean it works", ["you_know"])));
    expect(shown.map((w) => [w.text, w.word.filler])).toEqual([["You know", true], ["I mean", false], ["it", false], ["works.", false]]);
  });
  it("shows the raw words when the text does not line up with them, dropping none", () => {
    const words = heard(0, "we grew by twenty percent");
    expect(shownWords(segment("We grew by 20%.", words)).map((w) => w.text)).toEqual(["we", "grew", "by", "twenty", "percent"]);
    // as many tokens as words, but not the same words: no guessing either
    expect(shownWords(segment("We grew by twenty per.", heard(0, "we grew by twenty percent"))).map((w) => w.text))
      .toEqual(["we", "grew", "by", "twenty", "percent"]);
    expect(shownWords(segment("", words)).map((w) => w.text)).toEqual(["we", "grew", "by", "twenty", "percent"]);
  });
  it("follows the server's sentences: a pause inside one does not break it", () => {
    const transcript = [
      segment("Hello everyone.", heard(0.5, "hello everyone")),
      segment("Um, today I will show you the product.", heard(3, "um today i will show you | the product", ["um"])),
      segment("Thank you.", heard(9, "thank you")),
    ];
    expect(read(sentences(transcript))).toEqual(["Hello everyone.", "Um, today I will show you the product.", "Thank you."]);
  });
  it("carries a sentence on over a segment cut for length (no full stop), breaking it at long pauses", () => {
    const transcript = [
      segment("So the first thing we did was measure", heard(0, "so the first thing we did | was measure")),
      segment("every step.", heard(5, "every step")), // a sentence cut for length goes on in lower case
    ];
    expect(read(sentences(transcript))).toEqual(["So the first thing we did", "was measure every step."]);
  });
  it("reads an older result (words with stops, text empty) at full stops and long gaps", () => {
    const words = [{ word: "Hello", start: 0.5, end: 0.9, filler: false }, { word: "everyone.", start: 1.0, end: 1.6, filler: false },
      { word: "Um", start: 2.0, end: 2.4, filler: true }, { word: "today", start: 4.0, end: 4.4, filler: false }];
    expect(read(sentences([{ text: "", start: 0, end: 5, words }]))).toEqual(["Hello everyone.", "Um", "today"]);
  });
  it("breaks an unpunctuated run of words into lines of at most 18", () => {
    const words = Array.from({ length: 40 }, (_, i) => ({ word: `w${i}`, start: i * 0.4, end: i * 0.4 + 0.3, filler: false }));
    expect(sentences([{ text: "", start: 0, end: 16, words }]).map((s) => s.length)).toEqual([18, 18, 4]);
  });
  it("shows the sample talk as its written lines", () => {
    const lines = (SAMPLE_RESULT.transcript ?? []).map((s) => s.text);
    expect(read(sentences(SAMPLE_RESULT.transcript))).toEqual(lines);
  });
});
