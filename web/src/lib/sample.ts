// The sample talk shown at onboarding: a 95-second pitch with a full report, so a new visitor sees
// what Coherence gives before uploading anything. Hand-written, realistic numbers; no network.
import type { AnalysisResult, Moment, Segment, Word } from "./types";

const LINES: [number, string][] = [
  [1.0, "Good morning everyone, and thank you for coming."],
  [5.2, "Um, today I want to show you how our team cut delivery time in half."],
  [11.8, "Three months ago, every release took us two full weeks."],
  [17.5, "As you can see on this chart, the slowest step was manual testing."],
  [24.6, "So we, uh, automated the checks that took the longest."],
  [31.0, "I am really excited about what happened next."],
  [36.4, "Releases went from fourteen days to six."],
  [42.9, "And the number of bugs that reached customers went down, not up."],
  [49.3, "Um, this was not easy, and we made mistakes along the way."],
  [56.0, "The biggest one was trying to automate everything at once."],
  [63.8, "What worked was starting small, with one team and one product."],
  [70.5, "Uh, so here is what I am asking for today."],
  [76.0, "Give us two more teams for the next quarter."],
  [81.2, "We will measure the same numbers and report back in June."],
  [88.0, "Thank you, and I am happy to take your questions."],
];

const FILLERS = new Set(["um", "uh"]);

/** As the analysis gives it: each line the sentence's cased text, its words as heard (lower case, no punctuation). */
function transcript(): Segment[] {
  return LINES.map(([start, text]) => {
    const tokens = text.split(" ");
    const words: Word[] = [];
    let t = start;
    for (const token of tokens) {
      const bare = token.replace(/[^a-z']/gi, "").toLowerCase();
      const filler = FILLERS.has(bare);
      const length = filler ? 0.45 : 0.18 + bare.length * 0.045;
      words.push({ word: bare, start: Math.round(t * 100) / 100, end: Math.round((t + length) * 100) / 100, filler });
      t += length + 0.08;
    }
    return { text, start, end: words[words.length - 1].end, confidence: 0.93, words };
  });
}

const TRANSCRIPT = transcript();

/** The fillers of the timeline are the transcript's filler words, as the analysis reports them. */
const fillerMoments = (): Moment[] => TRANSCRIPT.flatMap((s) => s.words).filter((w) => w.filler)
  .map((w) => ({ type: "FILLER" as const, start: w.start, end: w.end, detail: w.word }));

export const SAMPLE_RESULT: AnalysisResult = {
  videoId: "sample",
  durationSeconds: 95,
  coherenceScore: 68,
  scoreTier: "GOOD_START",
  scoreTierLabel: "Good Start",
  metrics: {
    eyeContact: 71, fillerWords: 4, fillerRatePerMinute: 2.5, speakingPace: 128, speakingPaceTarget: "155-180",
    pauses: { count: 6, longest: 3.4 }, vocalVariety: { pitchRangeSemitones: 4.2, monotoneSeconds: 21 },
    gestures: { perMinute: 5.1 }, fidgeting: 3, framing: { faceVisiblePct: 97, centeredPct: 88 },
  },
  dissonanceFlags: [
    { id: "f1", type: "MISSING_GESTURE", severity: "MEDIUM", timestamp: 17.5, endTimestamp: 21.0,
      description: "You said “as you can see on this chart” without pointing or turning to it.",
      coaching: "Point at the chart, or turn towards it, as you say it.", verbalEvidence: "as you can see on this chart", visualEvidence: "hands still, facing the camera" },
    { id: "f2", type: "EMOTIONAL_MISMATCH", severity: "HIGH", timestamp: 31.0, endTimestamp: 33.4,
      description: "You said you were really excited, but your face and voice stayed flat.",
      coaching: "Let the excitement show: smile, and lift your voice on “really excited”.", verbalEvidence: "I am really excited", visualEvidence: "neutral face", vocalEvidence: "pitch range 1.5 semitones" },
    { id: "f3", type: "GAZE_AVERSION", severity: "MEDIUM", timestamp: 49.0, endTimestamp: 53.5,
      description: "You looked away for 4 seconds while admitting the mistakes.",
      coaching: "Keep your eyes on the audience when you say something hard; it builds trust.", visualEvidence: "looked down and left" },
    { id: "f4", type: "FILLER_CLUSTER", severity: "LOW", timestamp: 70.5, endTimestamp: 72.0,
      description: "A filler right before your request weakens it.", coaching: "Pause in silence instead of “uh” before the ask.", verbalEvidence: "Uh, so here is what I am asking" },
  ],
  moments: ([...fillerMoments(),
    { type: "LOOK_AWAY", start: 12.4, end: 13.6, detail: "down" },
    { type: "PAUSE", start: 27.6, end: 31.0, detail: "mid-sentence" },
    { type: "SMILE", start: 37.0, end: 39.5, detail: null },
    { type: "FACE_TOUCH", start: 44.1, end: 45.3, detail: "chin" },
    { type: "LOOK_AWAY", start: 49.0, end: 53.5, detail: "down-left" },
    { type: "PAUSE", start: 60.2, end: 63.8, detail: "between sentences" },
    { type: "SMILE", start: 88.0, end: 91.0, detail: null },
  ] as Moment[]).sort((a, b) => a.start - b.start),
  timelineHeatmap: [],
  strengths: ["Clear structure: problem, result, request.", "Your face stayed well framed and visible.", "A concrete, measurable ask at the end."],
  priorities: ["Show the excitement you talk about.", "Hold eye contact through the difficult part.", "Speed up a little: 155-180 words a minute while you speak."],
  transcript: TRANSCRIPT,
};
