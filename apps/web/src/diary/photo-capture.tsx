/**
 * Photo evidence for an activity: the phone's camera (capture="environment"), the time it was taken
 * and, when the person allows it, the phone's position. The server flags a photo taken far from the
 * plot or days away from the activity for the reviewer. Large pictures are re-encoded to at most
 * 1600 px JPEG before they wait in the queue: a rice-field upload is often over 2G.
 */
import { useEffect, useId, useState } from 'react';
import { useFormat, useT } from '../i18n/index.tsx';
import type { PhotoMime, PhotoUpload } from '../offline/queue.ts';

export interface PhotoDraft extends PhotoUpload {
  previewUrl: string;
  accuracyM?: number | undefined;
  /** Geolocation refused or unavailable. */
  locationMissing: boolean;
}

const MAX_SIDE = 1600;
const ACCEPTED: readonly PhotoMime[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The picture as JPEG of at most MAX_SIDE px, or as it is when it is already small and accepted. */
async function shrink(file: File): Promise<{ blob: Blob; mimeType: PhotoMime }> {
  const accepted = ACCEPTED.find((m) => m === file.type);
  if (typeof createImageBitmap !== 'function') {
    if (accepted) return { blob: file, mimeType: accepted };
    throw new Error('unsupported image');
  }
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  if (accepted && scale === 1 && file.size < 1_500_000) {
    bitmap.close();
    return { blob: file, mimeType: accepted };
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
  if (!blob) throw new Error('could not encode the image');
  return { blob, mimeType: 'image/jpeg' };
}

function currentPosition(): Promise<GeolocationPosition | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => navigator.geolocation.getCurrentPosition(resolve, () => resolve(null), { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }));
}

export function PhotoCapture({ value, onChange }: { value: PhotoDraft | null; onChange: (draft: PhotoDraft | null) => void }) {
  const t = useT();
  const fmt = useFormat();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  useEffect(() => () => (value ? URL.revokeObjectURL(value.previewUrl) : undefined), [value]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailed(false);
    try {
      // A camera photo's file time is when it was taken; a time in the future is the phone's clock talking.
      const taken = file.lastModified > 0 && file.lastModified <= Date.now() + 60_000 ? new Date(file.lastModified) : new Date();
      const [{ blob, mimeType }, position] = await Promise.all([shrink(file), currentPosition()]);
      onChange({
        blob, mimeType, capturedAt: taken.toISOString(), previewUrl: URL.createObjectURL(blob),
        ...(position ? { lat: position.coords.latitude, lon: position.coords.longitude, accuracyM: position.coords.accuracy } : {}),
        locationMissing: position === null,
      });
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="field photo-capture">
      <legend>
        {t('diary.photo.title')} <span className="diary-optional">· {t('diary.optional')}</span>
      </legend>
      <p className="field__hint" id={`${id}-hint`}>
        {t('diary.photo.hint')}
      </p>
      {value ? (
        <div className="photo-capture__preview">
          <img src={value.previewUrl} alt={t('diary.photo.preview')} />
          <div>
            <p>{t('diary.photo.takenAt', { at: fmt.dateTime(value.capturedAt) })}</p>
            <p>
              {value.lat !== undefined && value.lon !== undefined
                ? t('diary.photo.position', { lat: fmt.number(value.lat, { fixed: 5 }), lon: fmt.number(value.lon, { fixed: 5 }), m: fmt.number(value.accuracyM ?? 0, { max: 0 }) })
                : t('diary.photo.noPosition')}
            </p>
            <button type="button" className="button button--secondary" onClick={() => onChange(null)}>
              {t('diary.photo.remove')}
            </button>
          </div>
        </div>
      ) : (
        <label className="button button--secondary button--block photo-capture__button">
          {busy ? t('diary.photo.reading') : t('diary.photo.take')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            aria-describedby={`${id}-hint`}
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      )}
      {failed ? <p className="field__error">{t('diary.photo.failed')}</p> : null}
    </fieldset>
  );
}
