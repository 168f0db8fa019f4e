/**
 * An admin uploads a province's or commune's boundary as a GeoJSON file (PUT
 * /admin-units/:code/boundary). The file is read in the browser first (map/boundary-file.ts): a
 * wrong file is refused with the reason in the reader's language before anything is sent, and a
 * right one is previewed — the name the file gives, its area and extent — so the admin can see it is
 * the right unit. The server checks again (valid polygon, in Vietnam), computes the area it stores,
 * keeps the previous boundary marked replaced, and the dashboard map draws the new one.
 */
import { useId, useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import type { z } from 'zod';
import type * as C from '@dongxanh/contracts';
import { apiErrorText } from '../components/feedback.tsx';
import { CheckboxField, TextField } from '../components/fields.tsx';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { readBoundaryFile, type BoundaryPreview, type BoundaryProblem } from '../map/boundary-file.ts';

export type BoundaryResponse = z.infer<typeof C.BoundaryResponse>;

const PROBLEM_KEYS: Record<BoundaryProblem, MessageKey> = {
  not_json: 'boundary.problem.not_json',
  not_geojson: 'boundary.problem.not_geojson',
  wrong_geometry: 'boundary.problem.wrong_geometry',
  several_features: 'boundary.problem.several_features',
  no_feature: 'boundary.problem.no_feature',
  bad_coordinates: 'boundary.problem.bad_coordinates',
  not_wgs84: 'boundary.problem.not_wgs84',
  outside_vietnam: 'boundary.problem.outside_vietnam',
  too_few_points: 'boundary.problem.too_few_points',
};

/** Files larger than this are not a commune boundary (a province's is a few MB at most). */
const MAX_BYTES = 20 * 1024 * 1024;

export function BoundaryUpload({ unit, onSaved, onCancel }: { unit: { code: string; name: string }; onSaved: (saved: BoundaryResponse) => void; onCancel: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const fileId = useId();
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<BoundaryPreview | null>(null);
  const [source, setSource] = useState('');
  const [illustrative, setIllustrative] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onFile = async (file: File | null) => {
    setPreview(null);
    setErrors({});
    setFileName(file?.name ?? null);
    if (!file) return;
    if (file.size > MAX_BYTES) return setErrors({ file: t('boundary.tooLarge') });
    const reading = readBoundaryFile(await file.text());
    if (!reading.ok) return setErrors({ file: t(PROBLEM_KEYS[reading.problem], { detail: reading.detail ?? '' }) });
    setPreview(reading.preview);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!preview) found.file = errors.file ?? t('boundary.fileMissing');
    if (source.trim().length < 3) found.source = t('boundary.sourceMissing');
    if (Object.keys(found).length) return setErrors(found);
    setBusy(true);
    setErrors({});
    try {
      const saved = await apiRequest<BoundaryResponse>(`/admin-units/${encodeURIComponent(unit.code)}/boundary`, { method: 'PUT', json: { geojson: preview!.geometry, source: source.trim(), illustrative } });
      onSaved(saved);
    } catch (err) {
      const error = asApiError(err);
      const fileError = error.errorFor('geojson');
      setErrors({
        ...(fileError ? { file: t('boundary.serverRefused', { reason: fileError }) } : {}),
        ...(error.errorFor('source') ? { source: t('boundary.sourceMissing') } : {}),
        ...(!fileError && !error.errorFor('source') ? { form: apiErrorText(error, t, 'write') } : {}),
      });
      setBusy(false);
    }
  };

  const fileError = errors.file;
  return (
    <form className="inline-form boundary-upload" onSubmit={onSubmit} noValidate aria-busy={busy} aria-labelledby={`${fileId}-title`}>
      <h3 id={`${fileId}-title`}>{t('boundary.title', { name: unit.name, code: unit.code })}</h3>
      {errors.form ? <p className="alert alert--error" role="alert">{errors.form}</p> : null}
      <div className={['field', fileError ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
        <label htmlFor={fileId}>{t('boundary.file')}</label>
        <input id={fileId} type="file" accept=".geojson,.json,application/geo+json,application/json" onChange={(e) => void onFile(e.target.files?.[0] ?? null)} aria-invalid={fileError ? true : undefined} aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`} />
        <p className="field__hint" id={`${fileId}-hint`}>{t('boundary.fileHint')}</p>
        {fileError ? <p className="field__error" id={`${fileId}-error`} role="alert">{fileError}</p> : null}
      </div>
      {preview ? (
        <section className="boundary-preview" aria-label={t('boundary.preview')}>
          <h4>{t('boundary.preview')}</h4>
          <dl className="meta meta--inline">
            <div><dt>{t('boundary.fileName')}</dt><dd>{fileName}</dd></div>
            <div><dt>{t('boundary.nameInFile')}</dt><dd>{preview.name ?? t('boundary.noName')}</dd></div>
            <div><dt>{t('boundary.areaPreview')}</dt><dd>{fmt.number(preview.areaHa, { fixed: 1 })} ha</dd></div>
            <div><dt>{t('boundary.parts')}</dt><dd>{t('boundary.partsValue', { polygons: preview.polygons, vertices: fmt.number(preview.vertices) })}</dd></div>
            <div><dt>{t('boundary.extent')}</dt><dd>{t('boundary.extentValue', { w: fmt.number(preview.bbox[0], { fixed: 4 }), s: fmt.number(preview.bbox[1], { fixed: 4 }), e: fmt.number(preview.bbox[2], { fixed: 4 }), n: fmt.number(preview.bbox[3], { fixed: 4 }) })}</dd></div>
          </dl>
          {preview.name && !preview.name.toLowerCase().includes(unit.name.replace(/^(Xã|Phường|Đặc khu|Tỉnh|Thành phố)\s+/i, '').toLowerCase()) ? (
            <p className="alert alert--warning">{t('boundary.nameDiffers', { file: preview.name, unit: unit.name })}</p>
          ) : null}
          <p className="muted small">{t('boundary.areaNote')}</p>
        </section>
      ) : null}
      <TextField id={`${fileId}-source`} label={t('boundary.source')} hint={t('boundary.sourceHint')} value={source} onValueChange={setSource} error={errors.source} required />
      <CheckboxField id={`${fileId}-illustrative`} label={t('boundary.illustrative')} checked={illustrative} onCheckedChange={setIllustrative} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{busy ? t('common.saving') : t('boundary.save')}</button>
        <button type="button" className="button button--ghost" onClick={onCancel}>{t('plans.cancel')}</button>
      </div>
    </form>
  );
}
