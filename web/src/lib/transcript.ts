// The transcript as the report shows it: each word in its form from the segment's cased sentence
// text ("I", "product."), grouped in the server's sentences. Tested in test/transcript.test.ts.
import type { Segment, Word } from "./types";

/** A transcript word as shown: `text` is its token of the sentence text, or the raw word when they do not line up. */
export interface ShownWord { word: Word; text: string }

const tokens = (s: string | undefined) => String(s ?? "").trim().split(/\s+/).filter(Boolean);
/** What a token and its word must share: letters, digits and apostrophes, case aside. */
const bare = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}'\s-]/gu, "").replace(/\s+/g, " ").trim();

/**
 * The shown form of each word of a segment. The text's tokens are used only when they line up with the words
 * (each word takes as many tokens as it has, "you know" two, and each token is its word but for case and
 * punctuation); otherwise every word shows raw, so nothing is ever dropped or moved.
 */
export function shownWords(segment: Segment): ShownWord[] {
  const words = segment.words ?? [];
  const raw = words.map((word) => ({ word, text: word.word }));
  const parts = tokens(segment.text);
  const out: ShownWord[] = [];
  let at = 0;
  for (const word of words) {
    const size = tokens(word.word).length;
    const text = parts.slice(at, at + size).join(" ");
    if (size === 0 || at + size > parts.length || bare(text) !== bare(word.word)) return raw;
    out.push({ word, text });
    at += size;
  }
  return at === parts.length ? out : raw;
}

/** Longest line of a transcript without sentences (older results): a wall of words is hard to read. */
const MAX_SENTENCE_WORDS = 18;
/** A silence this long ends a line of a transcript without sentences. */
const LINE_GAP_SECONDS = 1.2;

const ends = (text: string) => /[.?!]$/.test(text.trim());

/**
 * Transcript words grouped in sentences: a segment whose text ends in . ? ! closes one, and so does a word
 * shown with one. Inside a segment without (older results, or a run cut for length) and where one begins, a line
 * also ends at a pause of 1.2 s or after 18 words.
 */
export function sentences(transcript: Segment[] | undefined): ShownWord[][] {
  const out: ShownWord[][] = [];
  let current: ShownWord[] = [];
  for (const segment of transcript ?? []) {
    const closed = ends(segment.text);
    const shown = shownWords(segment);
    shown.forEach((w, i) => {
      const last = current[current.length - 1];
      if (last && (!closed || i === 0) && (w.word.start - last.word.end >= LINE_GAP_SECONDS || current.length >= MAX_SENTENCE_WORDS)) {
        out.push(current);
        current = [];
      }
      current.push(w);
      if (ends(w.text) || (closed && i === shown.length - 1)) {
        out.push(current);
        current = [];
      }
    });
  }
  if (current.length) out.push(current);
  return out;
}
