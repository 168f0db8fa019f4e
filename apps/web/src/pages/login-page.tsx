/** Sign-in with phone number or email and password; the server sets an http-only session cookie. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import { useSession } from '../auth/session.tsx';
import { TextField } from '../components/fields.tsx';
import { apiErrorText } from '../components/feedback.tsx';
import { useT } from '../i18n/index.tsx';
import { Link, useNavigate } from '../router/index.tsx';

interface LoginPageProps {
  /** Where to go after signing in; when the page is shown in place of a protected page, stay there. */
  next?: string | null;
  /** Shown in place of a protected page. */
  inPlace?: boolean;
}

type Errors = { form?: string; login?: string; password?: string };

export function LoginPage({ next, inPlace = false }: LoginPageProps) {
  const t = useT();
  const navigate = useNavigate();
  const { login, state } = useSession();
  const [loginName, setLoginName] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Errors>({});

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Errors = {};
    if (loginName.trim() === '') missing.login = t('login.loginMissing');
    if (password === '') missing.password = t('login.passwordMissing');
    if (missing.login || missing.password) {
      setErrors(missing);
      document.getElementById(missing.login ? 'login-login' : 'login-password')?.focus();
      return;
    }
    setSubmitting(true);
    setErrors({});
    try {
      await login(loginName.trim(), password);
      if (!inPlace) navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (err) {
      setErrors(loginErrors(err));
      setSubmitting(false);
    }
  };

  const loginErrors = (err: unknown): Errors => {
    if (!(err instanceof ApiError)) return { form: t('common.networkError') };
    if (err.status === 401) return { form: t('login.invalidCredentials') };
    if (err.status === 429) {
      return {
        form: err.retryAfterSeconds ? t('login.tooManyAttemptsRetry', { seconds: err.retryAfterSeconds }) : t('login.tooManyAttempts'),
      };
    }
    const fields = err.fieldErrors();
    const out: Errors = {};
    if (fields.login) out.login = fields.login;
    if (fields.password) out.password = fields.password;
    if (!out.login && !out.password) out.form = apiErrorText(err, t);
    return out;
  };

  const expired = state.status === 'anonymous' && state.expired;

  return (
    <div className="login">
      <h1>{t('login.title')}</h1>
      {inPlace ? <p className="lead">{expired ? t('common.sessionExpired') : t('login.required')}</p> : <p className="lead">{t('login.intro')}</p>}
      <form className="card login__form" onSubmit={onSubmit} noValidate>
        {errors.form ? (
          <div className="alert alert--error" role="alert">
            <p>{errors.form}</p>
          </div>
        ) : null}
        <TextField
          id="login-login"
          label={t('login.login')}
          value={loginName}
          onValueChange={setLoginName}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errors.login}
        />
        <TextField
          id="login-password"
          label={t('login.password')}
          type={showPassword ? 'text' : 'password'}
          value={password}
          onValueChange={setPassword}
          autoComplete="current-password"
          required
          error={errors.password}
        />
        <div className="field field--checkbox">
          <input id="login-show-password" type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
          <label htmlFor="login-show-password">{t('login.showPassword')}</label>
        </div>
        <button type="submit" className="button button--primary button--block" disabled={submitting}>
          {submitting ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="login__calculator">
        {t('login.calculatorHint')} <Link to="/calculator">{t('login.calculatorLink')}</Link>
      </p>
    </div>
  );
}
