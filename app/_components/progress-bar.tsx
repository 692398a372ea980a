import type { CutView } from "../../lib/film/views";

const STATUS_WORDS: Record<CutView["status"], string> = {
  writing: "Writing",
  rendering: "Rendering",
  complete: "Complete",
  failed: "Failed",
};

/** The cut's overall render progress. */
export function ProgressBar({ cut }: { cut: CutView }) {
  const percent = Math.round(Math.max(0, Math.min(1, cut.progress)) * 100);
  const done = cut.shots.filter((s) => s.status === "done").length;
  return (
    <div className="progress" data-testid="progress" data-status={cut.status}>
      <div className="progress-label" aria-live="polite">
        <span className={`pill pill-${cut.status}`}>{STATUS_WORDS[cut.status]}</span>
        <span>
          {done} of {cut.shots.length} shots
          {cut.shotsReused > 0 ? ` · ${cut.shotsReused} reused` : ""}
          {cut.shotsFailed > 0 ? ` · ${cut.shotsFailed} failed` : ""}
        </span>
        <span className="progress-percent">{percent}%</span>
      </div>
      {cut.cost ? <CostLine cost={cut.cost} /> : null}
      <div className="progress-track" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label="Render progress">
        <div className={`progress-fill progress-fill-${cut.status}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

const dollars = (x: number) => `$${x.toFixed(2)}`;

/** With paid generators: what the cut is estimated to cost, what is left to pay, and what it has cost. */
function CostLine({ cost }: { cost: NonNullable<CutView["cost"]> }) {
  return (
    <p className="cost-line muted" data-testid="cost-estimate">
      Estimated cost {dollars(cost.estimateUsd)}
      {cost.maxUsd > cost.estimateUsd ? ` (up to ${dollars(cost.maxUsd)} with continuity retakes)` : ""}
      {` · spent ${dollars(cost.spentUsd)}`}
      {cost.remainingUsd > 0 ? ` · about ${dollars(cost.remainingUsd)} still to render` : ""}
    </p>
  );
}
