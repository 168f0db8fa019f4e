/**
 * Choosing one of the 3,321 communes of 2025: type part of its name (or its 5-digit code) and pick
 * from the suggestions the server finds (GET /admin-units?level=commune&q=…). A native <datalist>,
 * so phones show their own suggestion list and nothing needs a library.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { AdminUnit, AdminUnitPage } from '../api/contracts.ts';
import { apiRequest } from '../api/client.ts';
import { useApi } from '../api/use-api.ts';
import { useT } from '../i18n/index.tsx';
import { withQuery } from '../router/index.tsx';
import { describedBy } from './fields.tsx';

const CODE = /^\d{5}$/;
const labelOf = (u: Pick<AdminUnit, 'code' | 'name'>) => `${u.name} (${u.code})`;
/** "Xã Thới Lai (31258)" → "31258"; a bare code is taken as it is. */
export function communeCodeIn(text: string): string | null {
  const trimmed = text.trim();
  if (CODE.test(trimmed)) return trimmed;
  return /\((\d{5})\)\s*$/.exec(trimmed)?.[1] ?? null;
}

interface CommunePickerProps {
  id: string;
  label: string;
  /** The chosen commune code, or '' for none. */
  value: string;
  onChange: (code: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
}

export function CommunePicker({ id, label, value, onChange, hint, error }: CommunePickerProps) {
  const t = useT();
  const listId = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  // Show the name of a commune chosen elsewhere (from the URL, or a household's commune).
  useEffect(() => {
    if (!value) {
      setText((s) => (communeCodeIn(s) ? '' : s));
      return;
    }
    // A typed bare code is replaced by the commune's name, so the person sees which commune it is.
    if (communeCodeIn(text) === value && !CODE.test(text.trim())) return;
    const controller = new AbortController();
    setText(value);
    apiRequest<AdminUnit>(`/admin-units/${encodeURIComponent(value)}`, { signal: controller.signal })
      .then((u) => setText(labelOf(u)))
      .catch(() => undefined); // the bare code stays in the box
    return () => controller.abort();
    // Only when the chosen value changes; the typed text follows it.
  }, [value]);

  // Ask the server after a short pause in typing, not on every key.
  useEffect(() => {
    const typed = text.trim();
    const timer = window.setTimeout(() => setQuery(typed.length >= 2 && !communeCodeIn(typed) ? typed : ''), 250);
    return () => window.clearTimeout(timer);
  }, [text]);

  const suggestions = useApi<AdminUnitPage>(query ? withQuery('/admin-units', { level: 'commune', q: query, pageSize: 20 }) : null);
  const options = useMemo(() => (query && suggestions.data ? suggestions.data.items : []), [query, suggestions.data]);

  const onText = (next: string) => {
    setText(next);
    // Half-typed text chooses nothing; a suggestion picked from the list (or a code) chooses that commune.
    onChange(communeCodeIn(next) ?? '');
  };

  const helpId = hint ? `${id}-hint` : null;
  return (
    <div className={['field', error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type="search"
        list={listId}
        value={text}
        autoComplete="off"
        placeholder={t('commune.placeholder')}
        onChange={(e) => onText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, helpId, error)}
      />
      <datalist id={listId}>
        {options.map((u) => (
          <option key={u.code} value={labelOf(u)} />
        ))}
      </datalist>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
