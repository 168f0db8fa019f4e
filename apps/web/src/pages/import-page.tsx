/**
 * Bulk import of plots from a GeoJSON or CSV file. The server imports all rows or none: when any
 * row is refused (422, or `refused` in the answer) nothing was written, and the refused rows are
 * listed so the file can be corrected.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError, uploadText, type FieldError } from '../api/client.ts';
import type { ImportFormat, ImportResult, RefusedRow } from '../api/types.ts';
import { ApiErrorMessage, TableScroll } from '../components/feedback.tsx';
import { useFormat, useT } from '../i18n/index.tsx';

const CONTENT_TYPE: Record<ImportFormat, string> = { geojson: 'application/geo+json', csv: 'text/csv' };
const FORMATS: readonly ImportFormat[] = ['geojson', 'csv'];

export function formatFromName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.geojson') || lower.endsWith('.json')) return 'geojson';
  return null;
}

/** Reads "rows[3].area_ha", "/features/3/properties/name" or "3.name" into a row and a field. */
export function refusedFromFieldError(e: FieldError): RefusedRow {
  const m = /(\d+)(?:\]|\/|\.)?(.*)$/.exec(e.path);
  if (!m) return { row: Number.NaN, field: e.path, message: e.message };
  const field = (m[2] ?? '')
    .replace(/^[./\]]+/, '')
    .replace(/^properties[./]/, '')
    .replace(/\//g, '.');
  return { row: Number(m[1]), field, message: e.message };
}

function refusedRowsOf(err: ApiError): RefusedRow[] {
  const ext = err.problem.refused;
  if (Array.isArray(ext)) {
    return ext.flatMap((r): RefusedRow[] => {
      if (typeof r !== 'object' || r === null) return [];
      const o = r as Record<string, unknown>;
      return [{ row: Number(o.row), field: String(o.field ?? ''), message: String(o.message ?? '') }];
    });
  }
  return (err.problem.errors ?? []).map(refusedFromFieldError);
}

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fraction: number }
  | { phase: 'processing' }
  | { phase: 'done'; result: ImportResult }
  | { phase: 'refused'; rows: RefusedRow[]; detail: string }
  | { phase: 'failed'; error: ApiError };

export function ImportPage() {
  const t = useT();
  const fmt = useFormat();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('geojson');
  const [fileError, setFileError] = useState<string | null>(null);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const busy = state.phase === 'uploading' || state.phase === 'processing';

  const onFile = (f: File | null) => {
    setFile(f);
    setFileError(null);
    setState({ phase: 'idle' });
    const detected = f ? formatFromName(f.name) : null;
    if (detected) setFormat(detected);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('import.chooseFile'));
      document.getElementById(fileId)?.focus();
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setFileError(t('import.readError'));
      return;
    }
    setState({ phase: 'uploading', fraction: 0 });
    try {
      const result = await uploadText<ImportResult>(`/imports/plots?format=${format}`, text, {
        contentType: CONTENT_TYPE[format],
        onProgress: (fraction) => setState(fraction >= 1 ? { phase: 'processing' } : { phase: 'uploading', fraction }),
      });
      setState(result.refused.length > 0 ? { phase: 'refused', rows: result.refused, detail: '' } : { phase: 'done', result });
    } catch (err) {
      const error = err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: 'Error', status: 0, code: 'network_error', detail: String(err) });
      const rows = error.status === 422 ? refusedRowsOf(error) : [];
      setState(rows.length > 0 ? { phase: 'refused', rows, detail: error.problem.detail } : { phase: 'failed', error });
    }
  };

  const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${fmt.number(bytes / 1024 / 1024, { max: 1 })} MB` : `${fmt.number(Math.max(1, Math.round(bytes / 1024)))} kB`);

  return (
    <div className="import">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.intro')}</p>
      </header>
      <form className="card import__form" onSubmit={onSubmit} noValidate aria-busy={busy}>
        <div className={`field ${fileError ? 'field--invalid' : ''}`}>
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".geojson,.json,.csv,application/geo+json,application/json,text/csv"
            onChange={(e) => onFile(e.target.files?.[0] ?? null)}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            disabled={busy}
          />
          <p className="field__hint" id={`${fileId}-hint`}>
            {file ? t('import.fileInfo', { name: file.name, size: sizeText(file.size) }) : t('import.fileHint')}
          </p>
          {fileError ? (
            <p className="field__error" id={`${fileId}-error`}>
              {fileError}
            </p>
          ) : null}
        </div>
        <fieldset className="field">
          <legend>{t('import.format')}</legend>
          <div className="radio-row">
            {FORMATS.map((f) => (
              <div className="field--checkbox" key={f}>
                <input type="radio" id={`${fileId}-${f}`} name="format" value={f} checked={format === f} onChange={() => setFormat(f)} disabled={busy} />
                <label htmlFor={`${fileId}-${f}`}>{t(`import.format.${f}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('import.submit')}
        </button>
      </form>

      <div role="status" className="import__status">
        {state.phase === 'uploading' ? (
          <div className="progress">
            <label htmlFor="import-progress">{t('import.uploading', { pct: fmt.percent(state.fraction * 100, 0) })}</label>
            <progress id="import-progress" max={1} value={state.fraction} />
          </div>
        ) : null}
        {state.phase === 'processing' ? (
          <div className="progress">
            <label htmlFor="import-progress">{t('import.processing')}</label>
            <progress id="import-progress" />
          </div>
        ) : null}
        {state.phase === 'done' ? (
          <div className="alert alert--success">
            <p>{t('import.success', { n: state.result.imported })}</p>
          </div>
        ) : null}
        {state.phase === 'refused' ? (
          <div className="alert alert--error">
            <p>{t('import.refused', { n: state.rows.length })}</p>
            {state.detail ? <p className="alert__meta">{state.detail}</p> : null}
          </div>
        ) : null}
      </div>
      {state.phase === 'failed' ? <ApiErrorMessage error={state.error} /> : null}

      {state.phase === 'refused' ? (
        <section aria-labelledby="import-refused-heading">
          <h2 id="import-refused-heading">{t('import.refusedTable')}</h2>
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.row')}
                  </th>
                  <th scope="col">{t('import.field')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((r, i) => (
                  <tr key={`${r.row}-${r.field}-${i}`}>
                    <td data-label={t('import.row')} className="num">
                      {Number.isFinite(r.row) ? fmt.number(r.row) : '—'}
                    </td>
                    <td data-label={t('import.field')}>
                      <code>{r.field || '—'}</code>
                    </td>
                    <td data-label={t('import.message')}>{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}
