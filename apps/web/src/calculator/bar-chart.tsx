/**
 * Baseline against project by gas, in t CO2e, as an inline SVG (no chart library). The numbers are
 * also in the results table; the chart has a text alternative for screen readers.
 */
import { useId } from 'react';
import type { ScenarioResult } from '@dongxanh/methodology';
import { useFormat, useT } from '../i18n/index.tsx';

const WIDTH = 360;
const HEIGHT = 230;
const MARGIN = { top: 24, right: 8, bottom: 34, left: 48 };

/** 1, 2, 2.5 or 5 × 10^k: a tick step a person can read. */
function niceStep(rough: number): number {
  if (!(rough > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const f = rough / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** As many decimals as a tick step has (2.5 → 1, 0.25 → 2), so tick labels are never rounded. */
function decimalsOf(step: number): number {
  const text = String(Number(step.toPrecision(6)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : Math.min(6, text.length - dot - 1);
}

/** Fewer decimals for big values so labels above neighbouring bars do not collide. */
const barDigits = (v: number) => (v >= 100 ? 0 : v >= 10 ? 1 : 2);

export function BarChart({ baseline, project }: { baseline: ScenarioResult; project: ScenarioResult }) {
  const t = useT();
  const fmt = useFormat();
  const titleId = useId();
  const descId = useId();
  const gases = [
    { label: 'CH₄', baseline: baseline.co2e_ch4_t, project: project.co2e_ch4_t },
    { label: 'N₂O', baseline: baseline.co2e_n2o_t, project: project.co2e_n2o_t },
    { label: 'CO₂', baseline: baseline.co2e_co2_t, project: project.co2e_co2_t },
  ];
  const max = Math.max(0, ...gases.flatMap((g) => [g.baseline, g.project]));
  const step = niceStep(max / 4);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const y = (v: number) => MARGIN.top + plotH - (Math.max(0, v) / top) * plotH;
  const groupW = plotW / gases.length;
  const barW = Math.min(40, groupW * 0.32);
  const tickDigits = decimalsOf(step);

  const summary = gases
    .map((g) => `${g.label}: ${t('calc.baseline')} ${fmt.number(g.baseline, { fixed: 2 })}, ${t('calc.project')} ${fmt.number(g.project, { fixed: 2 })}`)
    .join('; ');

  return (
    <figure className="chart">
      <figcaption className="chart__title">{t('calc.chart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${titleId} ${descId}`} className="chart__svg">
        <title id={titleId}>{t('calc.chart')}</title>
        <desc id={descId}>{`${t('calc.chartDesc')} ${summary}`}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(v)} y2={y(v)} className="chart__grid" />
            <text x={MARGIN.left - 6} y={y(v)} dy="0.32em" textAnchor="end" className="chart__tick">
              {fmt.number(v, { max: tickDigits })}
            </text>
          </g>
        ))}
        {gases.map((g, i) => {
          const cx = MARGIN.left + groupW * i + groupW / 2;
          const bars = [
            { key: 'baseline', value: g.baseline, x: cx - barW - 2, className: 'chart__bar chart__bar--baseline' },
            { key: 'project', value: g.project, x: cx + 2, className: 'chart__bar chart__bar--project' },
          ];
          return (
            <g key={g.label}>
              {bars.map((b) => (
                <g key={b.key}>
                  <rect x={b.x} y={y(b.value)} width={barW} height={Math.max(0, MARGIN.top + plotH - y(b.value))} className={b.className} />
                  <text x={b.x + barW / 2} y={y(b.value) - 4} textAnchor="middle" className="chart__value">
                    {fmt.number(b.value, { fixed: barDigits(b.value) })}
                  </text>
                </g>
              ))}
              <text x={cx} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" className="chart__label">
                {g.label}
              </text>
            </g>
          );
        })}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH} className="chart__axis" />
      </svg>
      <ul className="chart__legend" aria-hidden="true">
        <li>
          <span className="swatch swatch--baseline" /> {t('calc.baseline')}
        </li>
        <li>
          <span className="swatch swatch--project" /> {t('calc.project')}
        </li>
      </ul>
    </figure>
  );
}
