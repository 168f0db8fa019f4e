/** The live result: a role="status" region, re-rendered on every change of the form. */
import type { ComparisonResult, FactorUse, InvalidInputDocument } from '@dongxanh/methodology';
import { useFormat, useT } from '../i18n/index.tsx';
import { BarChart } from './bar-chart.tsx';
import { warningText } from './messages.ts';

interface ResultsProps {
  id: string;
  result: ComparisonResult | null;
  /** Set when the input is invalid; `message` is already translated. */
  invalid: { error: InvalidInputDocument; message: string; fieldLabelled: boolean } | null;
}

export function Results({ id, result, invalid }: ResultsProps) {
  const t = useT();
  const fmt = useFormat();
  const headingId = `${id}-heading`;

  return (
    <section className="calc-results" id={id} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('calc.results')}</h2>
      <div role="status" aria-labelledby={headingId} className="calc-results__live">
        {invalid || !result ? (
          <div className="alert alert--error">
            <p>{t('calc.invalid')}</p>
            {invalid && !invalid.fieldLabelled ? <p>{invalid.message}</p> : null}
          </div>
        ) : (
          <>
            <Reduction result={result} />
            <table className="table table--numbers">
              <caption>{t('calc.resultsTable')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('calc.quantity')}</th>
                  <th scope="col">{t('calc.baseline')}</th>
                  <th scope="col">{t('calc.project')}</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">{t('calc.ch4')}</th>
                  <td>{fmt.number(result.baseline.ch4_total_kg, { fixed: 1 })}</td>
                  <td>{fmt.number(result.project.ch4_total_kg, { fixed: 1 })}</td>
                </tr>
                <tr>
                  <th scope="row">{t('calc.n2o')}</th>
                  <td>{fmt.number(result.baseline.n2o_total_kg, { fixed: 2 })}</td>
                  <td>{fmt.number(result.project.n2o_total_kg, { fixed: 2 })}</td>
                </tr>
                <tr>
                  <th scope="row">{t('calc.co2')}</th>
                  <td>{fmt.number(result.baseline.co2_total_kg, { fixed: 1 })}</td>
                  <td>{fmt.number(result.project.co2_total_kg, { fixed: 1 })}</td>
                </tr>
                <tr className="table__total">
                  <th scope="row">{t('calc.co2e')}</th>
                  <td>{fmt.number(result.baseline.co2e_total_t, { fixed: 2 })}</td>
                  <td>{fmt.number(result.project.co2e_total_t, { fixed: 2 })}</td>
                </tr>
                {result.baseline.intensity_kg_co2e_per_kg_paddy !== undefined || result.project.intensity_kg_co2e_per_kg_paddy !== undefined ? (
                  <tr>
                    <th scope="row">{t('calc.intensity')}</th>
                    <td>{intensity(result.baseline.intensity_kg_co2e_per_kg_paddy, fmt.number)}</td>
                    <td>{intensity(result.project.intensity_kg_co2e_per_kg_paddy, fmt.number)}</td>
                  </tr>
                ) : null}
              </tbody>
            </table>
            <Warnings warnings={[...result.baseline.warnings, ...result.project.warnings]} />
          </>
        )}
      </div>
      {result && !invalid ? (
        <>
          <BarChart baseline={result.baseline} project={result.project} />
          <FactorsUsed result={result} />
        </>
      ) : null}
    </section>
  );
}

function intensity(value: number | null | undefined, number: (v: number, d?: { fixed?: number }) => string): string {
  return value === undefined || value === null ? '—' : number(value, { fixed: 2 });
}

function Reduction({ result }: { result: ComparisonResult }) {
  const t = useT();
  const fmt = useFormat();
  const reduction = result.reduction_t_co2e;
  const increase = reduction < 0 && Math.abs(reduction) >= 0.005;
  const pct = result.reduction_pct === null ? t('calc.noBaselinePct') : fmt.percent(Math.abs(result.reduction_pct));
  return (
    <p className={`reduction ${increase ? 'reduction--increase' : ''}`}>
      <span className="reduction__label">{t(increase ? 'calc.increase' : 'calc.reduction')}:</span>{' '}
      <strong className="reduction__value">{t('calc.tco2e', { value: fmt.number(Math.abs(reduction), { fixed: 2 }) })}</strong>{' '}
      <span className="reduction__pct">({pct})</span>
    </p>
  );
}

function Warnings({ warnings }: { warnings: string[] }) {
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <div className="alert alert--warning">
      <p>{t('calc.warnings')}:</p>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{warningText(w, t)}</li>
        ))}
      </ul>
    </div>
  );
}

interface FactorRow extends FactorUse {
  usedBy: 'baseline' | 'project' | 'both';
}

function mergeFactors(result: ComparisonResult): FactorRow[] {
  const rows = new Map<string, FactorRow>();
  for (const f of result.baseline.factors_used) rows.set(f.id, { ...f, usedBy: 'baseline' });
  for (const f of result.project.factors_used) {
    const existing = rows.get(f.id);
    if (existing) existing.usedBy = 'both';
    else rows.set(f.id, { ...f, usedBy: 'project' });
  }
  return [...rows.values()];
}

function FactorsUsed({ result }: { result: ComparisonResult }) {
  const t = useT();
  const fmt = useFormat();
  const rows = mergeFactors(result);
  const usedBy = (u: FactorRow['usedBy']) => t(u === 'both' ? 'calc.both' : u === 'baseline' ? 'calc.baseline' : 'calc.project');
  return (
    <details className="factors">
      <summary>{t('calc.factors')}</summary>
      <dl className="meta">
        <div>
          <dt>{t('calc.methodVersion')}</dt>
          <dd>
            <code>{result.method_version}</code>
          </dd>
        </div>
        <div>
          <dt>{t('calc.factorTableVersion')}</dt>
          <dd>
            <code>{result.factor_table_version}</code>
          </dd>
        </div>
      </dl>
      <ul className="factor-list">
        {rows.map((f) => (
          <li key={f.id} className="factor">
            <div className="factor__head">
              <code className="factor__id">{f.id}</code>
              <span className="factor__value">
                <span className="visually-hidden">{t('calc.factorValue')}: </span>
                {fmt.number(f.value, { max: 6 })}
              </span>
            </div>
            <div className="factor__source">
              {t('calc.factorSource')}: {f.source}
            </div>
            <div className="factor__used">
              {t('calc.factorUsedBy')}: {usedBy(f.usedBy)}
            </div>
          </li>
        ))}
      </ul>
    </details>
  );
}
