/**
 * Choosing the registered plots a land consolidation record concerns: type part of a plot's code
 * (or its name, or the household head's name) and pick from the commune's plots the server finds
 * (GET /plots?communeCode=&q=). The chosen plots are listed with their registered (PostGIS) area,
 * which becomes the record's area when the agreement does not state its own.
 */
import { useEffect, useState } from 'react';
import type { PlotPage, PlotSummary } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { useFormat, useT } from '../i18n/index.tsx';
import { withQuery } from '../router/index.tsx';

export type PickedPlot = Pick<PlotSummary, 'id' | 'code' | 'name' | 'areaHa' | 'householdName'>;

export function PlotPicker({ id, communeCode, value, onChange, error }: { id: string; communeCode: string; value: readonly PickedPlot[]; onChange: (plots: PickedPlot[]) => void; error?: string | undefined }) {
  const t = useT();
  const fmt = useFormat();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const commune = /^\d{5}$/.test(communeCode) ? communeCode : null;

  // Ask the server after a short pause in typing, not on every key.
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const found = useApi<PlotPage>(commune ? withQuery('/plots', { communeCode: commune, q: query || null, pageSize: 8 }) : null);
  const chosen = new Set(value.map((p) => p.id));
  const results = commune ? (found.data?.items ?? []).filter((p) => !chosen.has(p.id)) : [];
  const totalHa = value.reduce((s, p) => s + p.areaHa, 0);

  return (
    <fieldset className={['field', 'plot-picker', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('plotPicker.legend')}</legend>
      {value.length ? (
        <ul className="plot-picker__chosen" aria-label={t('plotPicker.chosen')}>
          {value.map((p) => (
            <li key={p.id}>
              <span><strong>{p.code}</strong> · {fmt.number(p.areaHa, { fixed: 2 })} ha{p.householdName ? ` · ${p.householdName}` : ''}</span>
              <button type="button" className="button button--small button--ghost" aria-label={t('plotPicker.removeNamed', { code: p.code })} onClick={() => onChange(value.filter((x) => x.id !== p.id))}>{t('plotPicker.remove')}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {value.length ? <p className="field__hint">{t('plotPicker.total', { n: value.length, ha: fmt.number(totalHa, { fixed: 2 }) })}</p> : null}
      <label htmlFor={id}>{t('plotPicker.search')}</label>
      <input id={id} name={id} type="search" value={text} autoComplete="off" disabled={!commune} placeholder={commune ? t('plotPicker.placeholder') : t('plotPicker.communeFirst')} onChange={(e) => setText(e.target.value)} />
      {commune && found.data ? (
        results.length ? (
          <ul className="plot-picker__results" aria-label={t('plotPicker.results')}>
            {results.map((p) => (
              <li key={p.id}>
                <span><strong>{p.code}</strong> {p.name !== p.code ? p.name : ''}<span className="figure-source">{fmt.number(p.areaHa, { fixed: 2 })} ha{p.householdName ? ` · ${p.householdName}` : ''}</span></span>
                <button type="button" className="button button--small button--secondary" aria-label={t('plotPicker.addNamed', { code: p.code })} onClick={() => onChange([...value, { id: p.id, code: p.code, name: p.name, areaHa: p.areaHa, householdName: p.householdName }])}>{t('plotPicker.add')}</button>
              </li>
            ))}
          </ul>
        ) : <p className="muted small">{found.data.items.length ? t('plotPicker.allChosen') : query ? t('plotPicker.noneFound', { q: query }) : t('plotPicker.noPlots')}</p>
      ) : null}
      {error ? <p className="field__error" id={`${id}-error`}>{error}</p> : null}
    </fieldset>
  );
}
