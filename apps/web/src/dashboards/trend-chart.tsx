/**
 * Emissions by year and season as bars (t CO2e) with the traditional-practice baseline as a tick,
 * in plain SVG (no chart library). The table beside it holds the same numbers for screen readers.
 */
import { useFormat } from '../i18n/index.tsx';
import { useSeasonName } from '../plans/shared.tsx';
import type { DashboardFigures } from '../plans/types.ts';

export function TrendChart({ rows, label }: { rows: ReadonlyArray<DashboardFigures & { year: number; seasonName: string }>; label: string }) {
  const fmt = useFormat();
  const seasonName = useSeasonName();
  const max = Math.max(1, ...rows.map((r) => Math.max(r.projectCo2eT, r.baselineCo2eT)));
  const width = Math.max(320, rows.length * 96);
  const height = 180;
  const bar = 40;
  return (
    <svg className="trend-chart" viewBox={`0 0 ${width} ${height + 40}`} role="img" aria-label={label} preserveAspectRatio="xMinYMin meet">
      {rows.map((r, i) => {
        const x = 24 + i * 96;
        const h = (r.projectCo2eT / max) * height;
        const b = height - (r.baselineCo2eT / max) * height;
        return (
          <g key={`${r.year}-${r.seasonName}`}>
            <rect x={x} y={height - h} width={bar} height={h} className="trend-chart__bar" />
            {r.baselineCo2eT > 0 ? <line x1={x - 6} x2={x + bar + 6} y1={b} y2={b} className="trend-chart__baseline" /> : null}
            <text x={x + bar / 2} y={height - h - 4} textAnchor="middle" className="trend-chart__value">{fmt.number(r.projectCo2eT, { fixed: 0 })}</text>
            <text x={x + bar / 2} y={height + 16} textAnchor="middle" className="trend-chart__label">{seasonName(r.seasonName)}</text>
            <text x={x + bar / 2} y={height + 32} textAnchor="middle" className="trend-chart__label">{r.year}</text>
          </g>
        );
      })}
    </svg>
  );
}
