/**
 * Bulk import of plots or households through the job API: the file goes up as the request body
 * (POST /imports → 202 { jobId }), then the job is polled (GET /imports/:id) with a progress bar until
 * it succeeds or fails. An import applies completely or not at all: a failed job lists every refused
 * row so the file can be corrected. The job id is kept in the URL (?job=…), so a reload keeps watching.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { API_BASE, apiRequest, asApiError, uploadBody, type ApiError } from '../api/client.ts';
import type { CreateImportQuery, CreateImportResponse, ImportCrs, ImportFileFormat, ImportJob, ImportJobList, ImportKind, ImportTemplateName, OrganisationPage, Vn2000ZoneList } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { ApiErrorMessage, apiErrorText, TableScroll } from '../components/feedback.tsx';
import { SelectField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, useNavigate, useSearchParams, withQuery } from '../router/index.tsx';

const FORMAT_KEYS: Record<ImportFileFormat, MessageKey> = {
  csv: 'import.format.csv',
  xlsx: 'import.format.xlsx',
  geojson: 'import.format.geojson',
  kml: 'import.format.kml',
  shapefile: 'import.format.shapefile',
};
const FORMATS_BY_KIND: Record<ImportKind, readonly ImportFileFormat[]> = {
  plots: ['csv', 'xlsx', 'geojson', 'kml', 'shapefile'],
  households: ['csv', 'xlsx'],
};
const CONTENT_TYPE: Record<ImportFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
  kml: 'application/vnd.google-earth.kml+xml',
  shapefile: 'application/zip',
};
const TEMPLATES: Record<ImportKind, readonly ImportTemplateName[]> = {
  plots: ['plots.csv', 'plots.xlsx'],
  households: ['households.csv', 'households.xlsx'],
};
const KINDS: readonly ImportKind[] = ['plots', 'households'];

/**
 * The refusal reasons the server gives (`reason`, a stable code; apps/server/src/modules/imports),
 * said in the interface's language. The server's own sentence, with the row's specifics (the code,
 * the other row, the overlap in ha), is shown under it. A reason not listed here shows that sentence only.
 */
const REASON_KEYS: Partial<Record<string, MessageKey>> = {
  required: 'importReason.required',
  too_long: 'importReason.too_long',
  too_many: 'importReason.too_many',
  invalid_land_use: 'importReason.invalid_land_use',
  invalid_commune_code: 'importReason.invalid_commune_code',
  unknown_commune: 'importReason.unknown_commune',
  commune_required: 'importReason.commune_required',
  invalid_uuid: 'importReason.invalid_uuid',
  invalid_phone: 'importReason.invalid_phone',
  unreadable_geometry: 'importReason.unreadable_geometry',
  outside_vietnam: 'importReason.outside_vietnam',
  invalid_geometry: 'importReason.invalid_geometry',
  too_small: 'importReason.too_small',
  household_not_found: 'importReason.household_not_found',
  household_ambiguous: 'importReason.household_ambiguous',
  outside_scope: 'importReason.outside_scope',
  organisation_not_found: 'importReason.organisation_not_found',
  duplicate_in_file: 'importReason.duplicate_in_file',
  code_exists: 'importReason.code_exists',
  phone_exists: 'importReason.phone_exists',
  overlaps_row: 'importReason.overlaps_row',
  overlaps_plot: 'importReason.overlaps_plot',
};

/** The format a file's name suggests: .csv .xlsx .geojson/.json .kml, and .zip for a zipped Shapefile. */
export function formatFromName(name: string): ImportFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'csv':
      return 'csv';
    case 'xlsx':
      return 'xlsx';
    case 'geojson':
    case 'json':
      return 'geojson';
    case 'kml':
      return 'kml';
    case 'zip':
      return 'shapefile';
    default:
      return null;
  }
}

const finished = (job: ImportJob) => job.status === 'succeeded' || job.status === 'failed';
/** Poll quickly at first (small files finish in a second), then every 2 s. */
const pollDelayMs = (attempt: number) => (attempt < 5 ? 500 : 2000);

type UploadState = { phase: 'idle' } | { phase: 'uploading'; fraction: number } | { phase: 'failed'; error: ApiError };

export function ImportPage() {
  const t = useT();
  const fmt = useFormat();
  const navigate = useNavigate();
  const params = useSearchParams();
  const jobId = params.get('job');
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>(params.get('kind') === 'households' ? 'households' : 'plots');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFileFormat>('geojson');
  const [crs, setCrs] = useState<ImportCrs>('wgs84');
  const [zone, setZone] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'file' | 'format' | 'province' | 'crs' | 'organisationId', string>>>({});
  const [upload, setUpload] = useState<UploadState>({ phase: 'idle' });
  const [finishedJobs, setFinishedJobs] = useState(0);

  const formats = FORMATS_BY_KIND[kind];
  const spatial = kind === 'plots';
  const zones = useApi<Vn2000ZoneList>(spatial && crs === 'vn2000' ? '/imports/vn2000-zones' : null);
  const zoneKey = (z: { provinceCode: string; meridian: number }) => `${z.provinceCode}|${z.meridian}`;
  const zoneItems = zones.data?.items ?? [];
  const organisations = useApi<OrganisationPage>(withQuery('/organisations', { pageSize: 200 }));
  const orgItems = organisations.data?.items ?? [];

  const onFile = (f: File | null) => {
    setFile(f);
    setErrors({});
    setUpload({ phase: 'idle' });
    const detected = f ? formatFromName(f.name) : null;
    if (detected && formats.includes(detected)) setFormat(detected);
  };
  const onKind = (k: ImportKind) => {
    setKind(k);
    if (!FORMATS_BY_KIND[k].includes(format)) setFormat(FORMATS_BY_KIND[k][0]!);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: typeof errors = {};
    if (!file) found.file = t('import.chooseFile');
    if (spatial && crs === 'vn2000' && !zone) found.province = t('import.provinceMissing');
    if (Object.keys(found).length) {
      setErrors(found);
      document.getElementById(found.file ? fileId : 'import-zone')?.focus();
      return;
    }
    if (!file) return;
    const chosenZone = zoneItems.find((z) => zoneKey(z) === zone);
    const query = {
      kind,
      format,
      crs: spatial ? crs : 'wgs84',
      fileName: file.name,
      ...(spatial && crs === 'vn2000' && chosenZone ? { province: chosenZone.provinceCode, ...(chosenZone.isDefault ? {} : { meridian: chosenZone.meridian }) } : {}),
      ...(organisationId ? { organisationId } : {}),
    } satisfies CreateImportQuery;
    setErrors({});
    setUpload({ phase: 'uploading', fraction: 0 });
    try {
      const { jobId: created } = await uploadBody<CreateImportResponse>(withQuery('/imports', query), file, {
        contentType: CONTENT_TYPE[format],
        onProgress: (fraction) => setUpload({ phase: 'uploading', fraction }),
      });
      setUpload({ phase: 'idle' });
      navigate(withQuery('/import', { job: created, kind }), { scroll: false });
    } catch (err) {
      const error = asApiError(err);
      const next: typeof errors = {};
      for (const f of ['format', 'province', 'crs', 'organisationId'] as const) {
        const m = error.errorFor(f) ?? (f === 'province' ? error.errorFor('meridian') : null);
        if (m) next[f] = m;
      }
      setErrors(next);
      setUpload(Object.keys(next).length ? { phase: 'idle' } : { phase: 'failed', error });
    }
  };

  const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${fmt.number(bytes / 1024 / 1024, { max: 1 })} MB` : `${fmt.number(Math.max(1, Math.round(bytes / 1024)))} kB`);
  const busy = upload.phase === 'uploading';

  return (
    <div className="import">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <p className="lead">{t('import.intro')}</p>
      </header>
      <div className="import__grid">
        <form className="card import__form" onSubmit={onSubmit} noValidate aria-busy={busy}>
          <fieldset className="field">
            <legend>{t('import.kind')}</legend>
            <div className="radio-row">
              {KINDS.map((k) => (
                <div className="field--checkbox" key={k}>
                  <input type="radio" id={`import-kind-${k}`} name="kind" value={k} checked={kind === k} onChange={() => onKind(k)} disabled={busy} />
                  <label htmlFor={`import-kind-${k}`}>{t(k === 'plots' ? 'import.kind.plots' : 'import.kind.households')}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <p className="templates">
            {t('import.templates')}{' '}
            {TEMPLATES[kind].map((name, i) => (
              <span key={name}>
                {i > 0 ? ' · ' : ''}
                <a href={`${API_BASE}/imports/templates/${name}`} download={name}>
                  {name}
                </a>
              </span>
            ))}
          </p>
          <div className={`field ${errors.file ? 'field--invalid' : ''}`}>
            <label htmlFor={fileId}>{t('import.file')}</label>
            {/* The browser's own file button speaks the browser's language; this one speaks the app's. */}
            <div className="file-picker">
              <input
                id={fileId}
                type="file"
                className="file-picker__input"
                accept={kind === 'plots' ? '.csv,.xlsx,.geojson,.json,.kml,.zip' : '.csv,.xlsx'}
                onChange={(e) => onFile(e.target.files?.[0] ?? null)}
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={`${fileId}-hint${errors.file ? ` ${fileId}-error` : ''}`}
                disabled={busy}
              />
              <label htmlFor={fileId} className="button button--secondary file-picker__button" aria-hidden="true">
                {file ? t('import.changeFile') : t('import.chooseFileButton')}
              </label>
            </div>
            <p className="field__hint" id={`${fileId}-hint`}>
              {file ? t('import.fileInfo', { name: file.name, size: sizeText(file.size) }) : t(kind === 'plots' ? 'import.fileHintPlots' : 'import.fileHintHouseholds')}
            </p>
            {errors.file ? (
              <p className="field__error" id={`${fileId}-error`}>
                {errors.file}
              </p>
            ) : null}
          </div>
          <SelectField id="import-format" label={t('import.format')} value={format} options={formats} optionLabel={(f) => t(FORMAT_KEYS[f])} onValueChange={setFormat} error={errors.format} hint={t('import.formatHint')} />
          {spatial ? (
            <fieldset className="field">
              <legend>{t('import.crs')}</legend>
              <div className="radio-row">
                {(['wgs84', 'vn2000'] as const).map((c) => (
                  <div className="field--checkbox" key={c}>
                    <input type="radio" id={`import-crs-${c}`} name="crs" value={c} checked={crs === c} onChange={() => setCrs(c)} disabled={busy} />
                    <label htmlFor={`import-crs-${c}`}>{t(c === 'wgs84' ? 'import.crs.wgs84' : 'import.crs.vn2000')}</label>
                  </div>
                ))}
              </div>
              {errors.crs ? <p className="field__error">{errors.crs}</p> : null}
            </fieldset>
          ) : null}
          {spatial && crs === 'vn2000' ? (
            <SelectField
              id="import-zone"
              label={t('import.province')}
              value={zone}
              options={['', ...zoneItems.map(zoneKey)]}
              optionLabel={(key) => {
                if (!key) return zones.status === 'loading' ? t('common.loading') : t('import.chooseProvince');
                const z = zoneItems.find((item) => zoneKey(item) === key);
                if (!z) return key;
                const meridian = t('import.meridian', { value: fmt.number(z.meridian, { max: 4 }) });
                return z.formerProvince && z.formerProvince !== z.provinceName ? `${z.provinceName} — ${t('import.formerProvince', { name: z.formerProvince })} (${meridian})` : `${z.provinceName} (${meridian})`;
              }}
              onValueChange={setZone}
              error={errors.province ?? (zones.status === 'error' ? apiErrorText(zones.error, t) : null)}
              hint={t('import.provinceHint')}
            />
          ) : null}
          {orgItems.length > 1 ? (
            <SelectField
              id="import-organisation"
              label={t('import.organisation')}
              value={organisationId}
              options={['', ...orgItems.map((o) => o.id)]}
              optionLabel={(id) => (id ? orgItems.find((o) => o.id === id)?.name ?? id : t('import.noOrganisation'))}
              onValueChange={setOrganisationId}
              error={errors.organisationId}
            />
          ) : null}
          <button type="submit" className="button button--primary button--large" disabled={busy}>
            {t('import.submit')}
          </button>
          {upload.phase === 'uploading' ? (
            <div className="progress" role="status">
              <label htmlFor="import-upload-progress">{t('import.uploading', { pct: fmt.percent(upload.fraction * 100, 0) })}</label>
              <progress id="import-upload-progress" max={1} value={upload.fraction} />
            </div>
          ) : null}
          {upload.phase === 'failed' ? <ApiErrorMessage error={upload.error} request="write" /> : null}
        </form>
        {jobId ? <JobProgress key={jobId} jobId={jobId} onFinished={() => setFinishedJobs((n) => n + 1)} /> : null}
      </div>
      <RecentJobs refreshKey={`${jobId ?? ''}|${finishedJobs}`} />
    </div>
  );
}

/** Polls one job until it has finished, showing processed/total, then the result or every refused row. */
function JobProgress({ jobId, onFinished }: { jobId: string; onFinished: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const headingRef = useRef<HTMLHeadingElement | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    let timer: number | undefined;
    let attempt = 0;
    const poll = async () => {
      try {
        const next = await apiRequest<ImportJob>(`/imports/${encodeURIComponent(jobId)}`, { signal: controller.signal });
        setJob(next);
        setError(null);
        if (!finished(next)) timer = window.setTimeout(() => void poll(), pollDelayMs(attempt++));
      } catch (err) {
        if (controller.signal.aborted) return;
        const e = asApiError(err);
        setError(e);
        // A network blip should not end the watch; a 404 (not your job) should.
        if (e.isNetworkError) timer = window.setTimeout(() => void poll(), 3000);
      }
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [jobId]);

  const done = job ? finished(job) : false;
  const onFinishedRef = useRef(onFinished);
  onFinishedRef.current = onFinished;
  useEffect(() => {
    if (!done) return;
    headingRef.current?.focus();
    onFinishedRef.current();
  }, [done]);

  const listPath = job?.kind === 'households' ? '/households' : '/plots';
  const total = job?.totalRows ?? null;
  // A row can be refused for several reasons; people count rows. GET /imports/:id lists every refusal.
  const refusedRows = job ? new Set(job.refused.map((r) => r.row)).size : 0;

  return (
    <section className="card import__job" aria-labelledby="import-job-heading">
      <h2 id="import-job-heading" ref={headingRef} tabIndex={-1}>
        {job?.fileName ? t('import.jobFile', { name: job.fileName }) : t('import.job')}
      </h2>
      {error && !job ? <ApiErrorMessage error={error} /> : null}
      {job ? (
        <div role="status" aria-live="polite">
          <p className="import__status-line">
            <span className={`badge badge--${job.status}`}>{t(`import.status.${job.status}`)}</span>{' '}
            {total !== null ? t('import.rows', { processed: fmt.number(job.processedRows), total: fmt.number(total) }) : t('import.counting')}
          </p>
          {!done ? (
            <div className="progress">
              <label htmlFor="import-job-progress">{t('import.progress')}</label>
              {total ? <progress id="import-job-progress" max={total} value={job.processedRows} /> : <progress id="import-job-progress" />}
            </div>
          ) : null}
          {job.status === 'succeeded' ? (
            <div className="alert alert--success">
              <p>{t(job.kind === 'households' ? 'import.successHouseholds' : 'import.successPlots', { n: fmt.number(job.importedRows) })}</p>
              <p>
                <Link to={listPath}>{t(job.kind === 'households' ? 'import.seeHouseholds' : 'import.seePlots')}</Link>
              </p>
            </div>
          ) : null}
          {job.status === 'failed' ? (
            <div className="alert alert--error">
              <p>{refusedRows > 0 ? t('import.refused', { n: fmt.number(refusedRows) }) : t('import.failed')}</p>
              {/* The server's sentence explains a failure of the whole file; refused rows are listed below instead. */}
              {job.error && refusedRows === 0 ? <p className="alert__meta">{job.error}</p> : null}
            </div>
          ) : null}
        </div>
      ) : !error ? (
        <p className="loading">{t('common.loading')}</p>
      ) : null}
      {job && job.status === 'failed' && job.refused.length > 0 ? <RefusedRows rows={job.refused} /> : null}
    </section>
  );
}

function RefusedRows({ rows }: { rows: ImportJob['refused'] }) {
  const t = useT();
  const fmt = useFormat();
  return (
    <section aria-labelledby="import-refused-heading">
      <h3 id="import-refused-heading">{t('import.refusedTable')}</h3>
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
            {rows.map((r, i) => {
              const reasonKey = REASON_KEYS[r.reason];
              return (
                <tr key={`${r.row}-${r.field}-${i}`}>
                  <td data-label={t('import.row')} className="num">
                    {r.row === 0 ? t('import.wholeFile') : fmt.number(r.row)}
                  </td>
                  <td data-label={t('import.field')}>
                    <code>{r.field || '—'}</code>
                  </td>
                  <td data-label={t('import.message')}>
                    {reasonKey ? (
                      <span>
                        <strong>{t(reasonKey)}</strong>
                        <br />
                        <span className="muted">{r.message}</span>
                      </span>
                    ) : (
                      r.message
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function RecentJobs({ refreshKey }: { refreshKey: string }) {
  const t = useT();
  const fmt = useFormat();
  const jobs = useApi<ImportJobList>('/imports');
  const { reload } = jobs;
  // A job started or finished: show it in the list.
  const firstKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey !== firstKey.current) reload();
  }, [refreshKey, reload]);
  const items = useMemo(() => jobs.data?.items ?? [], [jobs.data]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="import-recent-heading" className="import__recent">
      <h2 id="import-recent-heading">{t('import.recent')}</h2>
      <TableScroll label={t('common.tableScroll')}>
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{t('import.file')}</th>
              <th scope="col">{t('import.kind')}</th>
              <th scope="col">{t('import.statusColumn')}</th>
              <th scope="col" className="num">{t('import.imported')}</th>
              <th scope="col">{t('import.startedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((j) => (
              <tr key={j.id}>
                <th scope="row" data-label={t('import.file')}>
                  <Link to={withQuery('/import', { job: j.id, kind: j.kind })}>{j.fileName ?? t(FORMAT_KEYS[j.format])}</Link>
                </th>
                <td data-label={t('import.kind')}>{t(j.kind === 'plots' ? 'import.kind.plots' : 'import.kind.households')}</td>
                <td data-label={t('import.statusColumn')}>
                  <span className={`badge badge--${j.status}`}>{t(`import.status.${j.status}`)}</span>
                </td>
                <td data-label={t('import.imported')} className="num">
                  {fmt.number(j.importedRows)}
                </td>
                <td data-label={t('import.startedAt')}>{fmt.dateTime(j.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
