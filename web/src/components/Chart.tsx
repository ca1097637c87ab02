import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** One series over talks (x = talk number), with axes; uPlot draws it on a canvas. */
export function Chart({ title, unit, values, testId }: { title: string; unit: string; values: number[]; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || values.length === 0) return;
    const width = () => Math.max(240, el.clientWidth);
    const plot = new uPlot({
      width: width(), height: 180,
      scales: { x: { time: false } },
      legend: { show: false },
      cursor: { show: false },
      axes: [{ label: "Talk", stroke: "#3b4254", incrs: [1, 2, 5, 10] }, { label: unit, stroke: "#3b4254", size: 50 }],
      series: [{}, { label: title, stroke: "#2f4fc7", width: 2, points: { show: true, size: 6 } }],
    }, [values.map((_, i) => i + 1), values], el);
    const onResize = () => plot.setSize({ width: width(), height: 180 });
    window.addEventListener("resize", onResize);
    return () => { window.removeEventListener("resize", onResize); plot.destroy(); };
  }, [values.join(",")]);
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={`${title}: ${values.map((v) => Math.round(v * 10) / 10).join(", ")}`} />
    </figure>
  );
}
