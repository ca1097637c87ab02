import { useEffect, useMemo, useRef, useState } from "react";
import { formatDuration, typeLabel } from "../lib/format";
import {
  axisTicks, compareWithPrevious, tickShift, ticksThatFit, flagMarks, metricRows, momentLanes, talkLength, warningLines, wordAt, type Mark,
} from "../lib/report";
import { sentences } from "../lib/transcript";
import type { AnalysisResult, Word } from "../lib/types";
import { placeMarks, TOUCH_TARGET_PX } from "../lib/timeline";
import { TierPill } from "./History";

/** A clock the report follows: the real video, or (for the sample) a simulated one. */
interface Clock { time: number; seek: (t: number) => void }

function useVideoClock(ref: React.RefObject<HTMLVideoElement | null>, hasVideo: boolean, total: number): Clock {
  const [time, setTime] = useState(0);
  const sim = useRef<number | null>(null);
  useEffect(() => {
    const v = ref.current;
    if (!hasVideo || !v) return;
    const on = () => setTime(v.currentTime);
    v.addEventListener("timeupdate", on);
    v.addEventListener("seeked", on);
    return () => { v.removeEventListener("timeupdate", on); v.removeEventListener("seeked", on); };
  }, [hasVideo]);
  useEffect(() => () => { if (sim.current) clearInterval(sim.current); }, []);
  const seek = (t: number) => {
    const at = Math.max(0, Math.min(total, t));
    if (hasVideo && ref.current) {
      ref.current.currentTime = at;
      ref.current.play().catch(() => {});
    }
    setTime(at);
  };
  return { time, seek };
}

/**
 * On a phone only the video stays stuck at the top while the report scrolls under it: the page's
 * scroll padding is kept at its height, so whatever is scrolled or tabbed to lands below it, not under it.
 */
function useStageClearance(ref: React.RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const stage = ref.current;
    if (!stage) return;
    const root = document.documentElement;
    const update = () => {
      const stuck = getComputedStyle(stage).position === "sticky";
      root.style.setProperty("--stage-clearance", stuck ? `${Math.ceil(stage.getBoundingClientRect().height) + 8}px` : "0px");
    };
    const observer = new ResizeObserver(update);
    observer.observe(stage);
    window.addEventListener("resize", update);
    update();
    return () => { observer.disconnect(); window.removeEventListener("resize", update); root.style.removeProperty("--stage-clearance"); };
  }, []);
}

/** Width of the axis track in px, followed as the screen turns or resizes. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.getBoundingClientRect().width));
    observer.observe(el);
    setWidth(el.getBoundingClientRect().width);
    return () => observer.disconnect();
  }, []);
  return width;
}

/** Height of one row of marks in a lane: a fingertip's hit area; the bar drawn inside is thinner. */
const ROW_PX = TOUCH_TARGET_PX;
const LEAD_IN = 1; // a second before the moment gives context

export function Report({ result, videoUrl, previous, sample = false }: {
  result: AnalysisResult; videoUrl?: string | null; previous?: AnalysisResult | null; sample?: boolean;
}) {
  const total = talkLength(result);
  const videoRef = useRef<HTMLVideoElement>(null);
  const clock = useVideoClock(videoRef, !!videoUrl, total);
  const flags = useMemo(() => flagMarks(result.dissonanceFlags, total), [result]);
  const lanes = useMemo(() => momentLanes(result.moments, total), [result]);
  const rows = metricRows(result.metrics);
  const changes = compareWithPrevious(result, previous ?? null);
  const warnings = warningLines(result.warnings);
  const [activeFlag, setActiveFlag] = useState<string | null>(null);

  const seekTo = (t: number) => clock.seek(Math.max(0, t - LEAD_IN));
  const stageRef = useRef<HTMLDivElement>(null);
  useStageClearance(stageRef);

  return (
    <div className="report" data-testid="report">
      <section className="card summary" aria-label="Score">
        <div className="score-block">
          <div className="score" data-testid="score">{result.coherenceScore}</div>
          <div className="muted">coherence score out of 100</div>
        </div>
        <div>
          <TierPill tier={result.scoreTier} label={result.scoreTierLabel} />
          <p className="hint">The score measures how well what you say, how you look and how you sound agree.
            The tier groups scores: Strong, Good Start, Needs Work.</p>
          <p className="muted">{formatDuration(total)} long · {flags.length} {flags.length === 1 ? "moment" : "moments"} to work on</p>
        </div>
        {changes.length > 0 && (
          <div className="compare" data-testid="compare">
            <h2 className="small-h">Compared with your previous talk</h2>
            <ul>{changes.map((c) => (
              <li key={c.key}>{c.label}: {c.now} <span className={c.delta === 0 ? "muted" : c.better ? "up" : "down"}>
                ({c.delta > 0 ? "+" : ""}{c.delta === 0 ? "same" : c.delta})</span></li>))}</ul>
          </div>
        )}
        {warnings.length > 0 && (
          <div className="notice" role="note" data-testid="media-warnings">
            {warnings.map((w) => <p key={w}>{w}</p>)}
          </div>
        )}
      </section>

      <div className="report-layout">
      <section className="player" aria-label="Video and timeline">
        <div className="report-stage" ref={stageRef} data-testid="stage">
          {videoUrl
            ? <video ref={videoRef} src={videoUrl} controls preload="metadata" playsInline data-testid="player" aria-label="Your talk" />
            : <div className="no-video" data-testid="player-placeholder">{sample ? "Sample talk (no video)" : "The video cannot be played right now."} · {formatDuration(clock.time)}</div>}
        </div>
        <div className="card timeline-card">
          <Timeline total={total} time={clock.time} flags={flags} lanes={lanes}
            onSeek={(m, isFlag) => { if (isFlag) setActiveFlag(m.id); seekTo(m.start); }} />
        </div>
      </section>

      <section className="card" aria-labelledby="flags-h">
        <h2 id="flags-h">Moments to work on</h2>
        {flags.length === 0 && <p className="muted">No mismatches: words, face and voice agreed throughout.</p>}
        <ul className="flags">
          {result.dissonanceFlags.slice().sort((a, b) => a.timestamp - b.timestamp).map((f) => (
            <li key={f.id} className={`flag ${f.severity.toLowerCase()} ${activeFlag === f.id ? "active" : ""}`} data-testid="flag">
              <button type="button" className="flag-seek" onClick={() => { setActiveFlag(f.id); seekTo(f.timestamp); }}
                aria-label={`Watch ${typeLabel(f.type)} at ${formatDuration(f.timestamp)}`}>
                <span className="when">{formatDuration(f.timestamp)}</span>{" "}{typeLabel(f.type)} · {f.severity.toLowerCase()}
              </button>
              <p>{f.description}</p>
              {f.coaching && <p><em>{f.coaching}</em></p>}
            </li>
          ))}
        </ul>
      </section>

      <section className="card" aria-labelledby="metrics-h">
        <h2 id="metrics-h">Delivery</h2>
        <dl className="metrics">
          {rows.map((r) => (
            <div key={r.key} className="metric">
              <dt>{r.label} <span className="value" data-testid={`metric-${r.key}`}>{r.display}</span></dt>
              <dd>
                <div className="bar" aria-hidden="true"><div className={`fill ${r.verdict}`} style={{ width: `${r.percent}%` }} /></div>
                <span className="hint">{r.explain}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      {(result.strengths?.length || result.priorities?.length) ? (
        <section className="card two">
          <div><h2>Strengths</h2><ul>{(result.strengths ?? []).map((s) => <li key={s}>{s}</li>)}</ul></div>
          <div><h2>Practise next</h2><ol>{(result.priorities ?? []).map((s) => <li key={s}>{s}</li>)}</ol></div>
        </section>
      ) : null}

      {result.transcript?.length ? <Transcript result={result} time={clock.time} onSeek={(w) => clock.seek(w.start)} /> : null}
      </div>
    </div>
  );
}

function Timeline({ total, time, flags, lanes, onSeek }: {
  total: number; time: number; flags: Mark[]; lanes: ReturnType<typeof momentLanes>; onSeek: (m: Mark, isFlag: boolean) => void;
}) {
  const axisRef = useRef<HTMLDivElement>(null);
  // Every lane's track is as wide as the axis' (same grid); marks are placed once it is measured.
  const trackPx = useWidth(axisRef);
  const ticks = axisTicks(total, ticksThatFit(trackPx));
  const lane = (label: string, marks: Mark[], isFlag: boolean, testId: string) => {
    const placed = trackPx > 0 ? placeMarks(marks, trackPx) : [];
    return (
      <div className="lane" key={label} data-testid={testId}>
        <span className="lane-label">{label}</span>
        <div className="lane-track" style={{ height: `${ROW_PX * Math.max(1, ...placed.map((m) => m.row + 1))}px` }}>
          {placed.map((m) => (
            <button key={m.id} type="button" className="mark"
              style={{ left: `${m.hitLeft}px`, width: `${m.hitWidth}px`, top: `${m.row * ROW_PX}px`, height: `${ROW_PX}px` }}
              aria-label={m.label} title={m.label} data-testid={isFlag ? "flag-mark" : "moment-mark"} data-start={m.start}
              onClick={() => onSeek(m, isFlag)}>
              <span className={`mark-bar ${m.kind}`} style={{ left: `${m.barLeft}px`, width: `${m.barWidth}px` }} />
            </button>
          ))}
          <div className="playhead" style={{ left: `${Math.min(100, (time / total) * 100)}%` }} aria-hidden="true" />
        </div>
      </div>
    );
  };
  return (
    <div className="timeline" data-testid="timeline" role="group" aria-label="Timeline">
      {lane("Mismatches", flags, true, "lane-flags")}
      {lanes.map((l) => lane(l.label, l.marks, false, `lane-${l.type.toLowerCase()}`))}
      <div className="lane axis" aria-hidden="true">
        <span className="lane-label" />
        <div className="lane-track" ref={axisRef}>
          {ticks.map((t) => <span key={t} className="tick" style={{ left: `${(t / total) * 100}%`, transform: tickShift(t / total) }}
            data-testid="tick">{formatDuration(t)}</span>)}
        </div>
      </div>
    </div>
  );
}

function Transcript({ result, time, onSeek }: { result: AnalysisResult; time: number; onSeek: (w: Word) => void }) {
  const groups = useMemo(() => sentences(result.transcript), [result]);
  const now = wordAt(result.transcript, time);
  return (
    <section className="card" aria-labelledby="transcript-h">
      <h2 id="transcript-h">Transcript</h2>
      <p className="hint">Fillers are highlighted. Tap a word to watch that moment.</p>
      <div className="transcript" data-testid="transcript">
        {groups.map((words, i) => (
          <p key={i}>
            <span className="when">{formatDuration(words[0].word.start)}</span>{" "}
            {words.map(({ word: w, text }, j) => (
              <span key={j}><button type="button" className={`word${w.filler ? " filler" : ""}${w === now ? " now" : ""}`}
                data-start={w.start} data-testid="word" aria-current={w === now ? "true" : undefined} onClick={() => onSeek(w)}>{text}</button> </span>
            ))}
          </p>
        ))}
      </div>
    </section>
  );
}
