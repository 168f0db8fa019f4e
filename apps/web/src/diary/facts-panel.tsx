/**
 * The season's derived facts (computed by the server from the synced diary: cultivation days, water
 * regime, pre-season status, N by source, urea, straw, seed rate, yield…), each with the records it
 * came from as links that bring that record into view, then what is still missing for MRV.
 */
import type { MouseEvent } from 'react';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { typeLabel } from './labels.ts';
import type { FactSource, SeasonFactsResponse } from './types.ts';

type NumberFactKey =
  | 'cultivationDays' | 'nSyntheticKgPerHa' | 'nOrganicKgPerHa' | 'nTotalKgPerHa' | 'ureaKgPerHa' | 'p2o5KgPerHa' | 'k2oKgPerHa' | 'fertiliserProductKgPerHa'
  | 'limestoneKgPerHa' | 'dolomiteKgPerHa' | 'strawIncorporatedTPerHa' | 'strawBurntTPerHa' | 'strawRemovedTPerHa' | 'strawLeftOnSurfaceTPerHa' | 'seedRateKgPerHa'
  | 'yieldKgPerHa' | 'harvestMoisturePct' | 'postHarvestLossPct' | 'mechanisedOperations' | 'pesticideApplications';

/** The facts shown, in the order an MRV reviewer reads them, with their unit words. */
const NUMBER_FACTS: Array<{ key: NumberFactKey; unit: MessageKey | null; digits: number }> = [
  { key: 'cultivationDays', unit: 'diary.unit.day', digits: 0 },
  { key: 'nTotalKgPerHa', unit: 'diary.factUnit.kgN', digits: 1 },
  { key: 'nSyntheticKgPerHa', unit: 'diary.factUnit.kgN', digits: 1 },
  { key: 'nOrganicKgPerHa', unit: 'diary.factUnit.kgN', digits: 1 },
  { key: 'ureaKgPerHa', unit: 'diary.unit.kgPerHa', digits: 1 },
  { key: 'fertiliserProductKgPerHa', unit: 'diary.unit.kgPerHa', digits: 1 },
  { key: 'p2o5KgPerHa', unit: 'diary.factUnit.kgP', digits: 1 },
  { key: 'k2oKgPerHa', unit: 'diary.factUnit.kgK', digits: 1 },
  { key: 'limestoneKgPerHa', unit: 'diary.unit.kgPerHa', digits: 1 },
  { key: 'dolomiteKgPerHa', unit: 'diary.unit.kgPerHa', digits: 1 },
  { key: 'seedRateKgPerHa', unit: 'diary.unit.kgPerHa', digits: 1 },
  { key: 'strawIncorporatedTPerHa', unit: 'diary.unit.tPerHa', digits: 2 },
  { key: 'strawBurntTPerHa', unit: 'diary.unit.tPerHa', digits: 2 },
  { key: 'strawRemovedTPerHa', unit: 'diary.unit.tPerHa', digits: 2 },
  { key: 'strawLeftOnSurfaceTPerHa', unit: 'diary.unit.tPerHa', digits: 2 },
  { key: 'yieldKgPerHa', unit: 'diary.unit.kgPerHa', digits: 0 },
  { key: 'harvestMoisturePct', unit: 'diary.unit.pct', digits: 1 },
  { key: 'postHarvestLossPct', unit: 'diary.unit.pct', digits: 1 },
  { key: 'mechanisedOperations', unit: null, digits: 0 },
  { key: 'pesticideApplications', unit: null, digits: 0 },
];

const MISSING_KEYS = new Set(['cultivationDays', 'waterRegime', 'preSeason', 'nInputs', 'strawIncorporationTiming', 'straw']);

/** Brings a timeline record into view and focus (the facts' source links). */
export function showActivity(event: MouseEvent<HTMLAnchorElement>, activityId: string) {
  const target = document.getElementById(`activity-${activityId}`);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ behavior: 'smooth', block: 'center' });
  target.focus({ preventScroll: true });
  target.classList.add('entry--highlight');
  window.setTimeout(() => target.classList.remove('entry--highlight'), 2000);
}

function Sources({ sources, shown }: { sources: readonly FactSource[]; shown: ReadonlySet<string> }) {
  const t = useT();
  const fmt = useFormat();
  if (sources.length === 0) return null;
  const list = (
    <ul className="fact__sources" aria-label={t('diary.facts.sources')}>
      {sources.map((s) => (
        <li key={`${s.activityId}-${s.type}`}>
          {shown.has(s.activityId) ? (
            <a href={`#activity-${s.activityId}`} onClick={(e) => showActivity(e, s.activityId)}>
              {typeLabel(t, s.type)} {fmt.date(s.occurredOn)}
            </a>
          ) : (
            // A record of an earlier season on the plot (the previous harvest, its straw).
            <span className="fact__source-other">
              {typeLabel(t, s.type)} {fmt.date(s.occurredOn)} · {t('diary.facts.earlierSeason')}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
  // A long list (every tube reading of the season) stays one tap away.
  if (sources.length <= 4) return list;
  return (
    <details className="fact__more">
      <summary>{t('diary.facts.sourceCount', { n: sources.length })}</summary>
      {list}
    </details>
  );
}

/** `shown`: the ids of the activities in this season's timeline, which a source link can bring into view. */
export function FactsPanel({ facts, pendingCount, shown }: { facts: SeasonFactsResponse; pendingCount: number; shown: ReadonlySet<string> }) {
  const t = useT();
  const fmt = useFormat();
  const f = facts.facts;
  const regime = f.waterRegime;
  const pct = (v: number) => fmt.percent(v, 1);
  const unitText = (unit: MessageKey | null) => (unit ? ` ${t(unit)}` : '');
  return (
    <section className="facts-panel" aria-labelledby="facts-heading" data-testid="facts">
      <h2 id="facts-heading">{t('diary.facts.title')}</h2>
      <p className="field__hint">{t('diary.facts.lead')}</p>
      {pendingCount > 0 ? <p className="alert alert--warning">{t('diary.facts.pending', { n: pendingCount })}</p> : null}
      <dl className="fact-list">
        <div className="fact" data-fact="waterRegime">
          <dt>{t('diary.facts.waterRegime')}</dt>
          <dd>
            <span className="fact__value">
              {regime.value ? t(`diary.regime.${regime.value}`) : t('diary.facts.none')}
              {regime.awd ? ` · ${t('diary.facts.awd', { n: regime.safeAwdCycles })}` : ''}
              {regime.provisional ? ` · ${t('diary.facts.provisional')}` : ''}
            </span>
            {regime.drainagePeriods.length ? (
              <ul className="fact__periods">
                {regime.drainagePeriods.map((p) => (
                  <li key={p.startOn}>
                    {t('diary.facts.drainagePeriod', { from: fmt.date(p.startOn), to: fmt.date(p.endOn), days: p.days })}
                    {p.counted ? ` · ${t('diary.facts.counted')}` : ` · ${t('diary.facts.notCounted')}`}
                    {p.minLevelCm !== null ? ` · ${t('diary.facts.minLevel', { cm: fmt.number(p.minLevelCm, { max: 1 }) })}` : ''}
                  </li>
                ))}
              </ul>
            ) : null}
            {regime.endOfSeasonDrainage ? <p className="fact__note">{t('diary.facts.endDrainage', { from: fmt.date(regime.endOfSeasonDrainage.startOn), days: regime.endOfSeasonDrainage.days })}</p> : null}
            <Sources shown={shown} sources={regime.sources} />
          </dd>
        </div>
        <div className="fact" data-fact="preSeason">
          <dt>{t('diary.facts.preSeason')}</dt>
          <dd>
            <span className="fact__value">{f.preSeason.value ? t(`diary.pre.${f.preSeason.value}`) : t('diary.facts.none')}</span>
            {f.preSeason.fallowDays !== null ? <span className="fact__note"> · {t('diary.facts.fallowDays', { n: f.preSeason.fallowDays })}</span> : null}
            <Sources shown={shown} sources={f.preSeason.sources} />
          </dd>
        </div>
        {NUMBER_FACTS.map(({ key, unit, digits }) => {
          const fact = f[key];
          // Nothing recorded for it (no lime, no burning): left out, except the two every season needs.
          if ((fact.value === null || fact.value === 0) && fact.sources.length === 0 && key !== 'cultivationDays' && key !== 'nTotalKgPerHa') return null;
          return (
            <div className="fact" key={key} data-fact={key}>
              <dt>{t(`diary.facts.${key}`)}</dt>
              <dd>
                <span className="fact__value">
                  {fact.value === null ? t('diary.facts.none') : unit === 'diary.unit.pct' ? pct(fact.value) : `${fmt.number(fact.value, { max: digits })}${unitText(unit)}`}
                </span>
                <Sources shown={shown} sources={fact.sources} />
              </dd>
            </div>
          );
        })}
        <div className="fact" data-fact="strawIncorporationTiming">
          <dt>{t('diary.facts.strawTiming')}</dt>
          <dd>
            <span className="fact__value">{f.strawIncorporationTiming.value ? t(`diary.strawTiming.${f.strawIncorporationTiming.value}`) : t('diary.facts.none')}</span>
            <Sources shown={shown} sources={f.strawIncorporationTiming.sources} />
          </dd>
        </div>
      </dl>
      {facts.missing.length ? (
        <div className="alert alert--warning">
          <p>
            <strong>{t('diary.facts.missingTitle')}</strong>
          </p>
          <ul>
            {facts.missing.map((m) => (
              <li key={m.fact}>{MISSING_KEYS.has(m.fact) ? t(`diary.missing.${m.fact}` as MessageKey) : m.reason}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="alert alert--success">{t('diary.facts.complete')}</p>
      )}
    </section>
  );
}
