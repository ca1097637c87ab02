// The shapes of the API's answers (functions/api openapi.json), as far as the client reads them.

export type VideoStatus = "awaiting_upload" | "queued" | "processing" | "completed" | "failed";

/** The tier a score falls in, as the API names it; its words come beside it as scoreTierLabel. */
export type ScoreTier = "STRONG" | "GOOD_START" | "NEEDS_WORK";

export interface VideoDoc {
  videoId: string;
  title: string;
  status: VideoStatus | string;
  progress?: { stage?: string | null; percent?: number | null; etaSeconds?: number | null };
  coherenceScore?: number | null;
  scoreTier?: ScoreTier | string | null;
  scoreTierLabel?: string | null;
  durationSeconds?: number | null;
  error?: { code?: string; message?: string } | null;
  createdAt?: unknown;
  thumbnailUrl?: string | null;
  deletedAt?: unknown;
}

export interface VideoPage { items: VideoDoc[]; nextCursor?: string }

export type MomentType = "LOOK_AWAY" | "FACE_TOUCH" | "SMILE" | "FILLER" | "PAUSE";
export interface Moment { type: MomentType; start: number; end: number; detail?: string | null }

export interface Flag {
  id: string;
  type: string;
  severity: "HIGH" | "MEDIUM" | "LOW";
  timestamp: number;
  endTimestamp: number;
  description: string;
  coaching?: string;
  verbalEvidence?: string;
  visualEvidence?: string;
  vocalEvidence?: string;
}

export interface Word { word: string; start: number; end: number; filler: boolean }
export interface Segment { text: string; start: number; end: number; confidence?: number; words: Word[] }

export interface Metrics {
  eyeContact: number;
  fillerWords: number;
  fillerRatePerMinute: number;
  speakingPace: number;
  speakingPaceTarget: string;
  pauses?: { count: number; longest: number };
  vocalVariety?: { pitchRangeSemitones: number; monotoneSeconds: number };
  gestures?: { perMinute: number };
  fidgeting: number;
  framing?: { faceVisiblePct: number; centeredPct: number };
}

export interface AnalysisResult {
  videoId: string;
  durationSeconds: number;
  coherenceScore: number;
  scoreTier: ScoreTier | string;
  scoreTierLabel?: string;
  metrics: Metrics;
  dissonanceFlags: Flag[];
  moments?: Moment[];
  timelineHeatmap?: { timestamp: number; severity: number }[];
  strengths?: string[];
  priorities?: string[];
  transcript?: Segment[];
  warnings?: MediaWarning[];
}

/** What was wrong with the file without stopping the analysis (the API's AnalysisResult.warnings). */
export interface MediaWarning {
  code: "DAMAGED_STRETCH" | string;
  message: string;
  startSeconds: number;
  endSeconds: number;
}

export interface Usage {
  plan: string;
  limits?: { analysesThisMonth?: number; uploadsToday?: number };
  used?: { analysesThisMonth?: number; uploadsToday?: number };
  remaining?: { analysesThisMonth?: number; uploadsToday?: number };
  resetsAt?: { month?: string; day?: string };
}

export interface Profile {
  uid: string;
  email?: string;
  displayName?: string;
  plan: string;
  stats: {
    analyses: number;
    averageScore?: number;
    bestScore?: number;
    lastScore?: number;
    trend: number[];
    topFillerWords: { word: string; count: number }[];
    topFlagTypes: { type: string; count: number }[];
  };
}
