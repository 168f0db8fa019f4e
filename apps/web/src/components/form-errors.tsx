/**
 * Errors of a registry form: the server's refusal mapped onto the fields it names, or else one
 * sentence for the whole form, shown as an alert at the top of the form.
 */
import { asApiError } from '../api/client.ts';
import type { Translate } from '../i18n/index.tsx';
import { apiErrorText } from './feedback.tsx';

export type FormErrors<F extends string> = Partial<Record<F | 'form', string>>;

/** The server's message for each of `fields` it names; when it names none, a message for the form. */
export function formErrorsFrom<F extends string>(err: unknown, fields: readonly F[], t: Translate): FormErrors<F> {
  const error = asApiError(err);
  const errors: FormErrors<F> = {};
  for (const f of fields) {
    const message = error.errorFor(f);
    if (message) errors[f] = message;
  }
  // A rule refusal (422, e.g. the minimum area) or a 403 names no field: it is the form's message.
  if (Object.keys(errors).length === 0) errors.form = apiErrorText(error, t, 'write');
  return errors;
}

export function FormError({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
    </div>
  );
}
