/** One household: its head, address and commune, its members (with a form to add one) and its plots. */
import { useState, type FormEvent } from 'react';
import { apiRequest, asApiError } from '../api/client.ts';
import type { AddHouseholdMemberBody, Gender, HouseholdDetail, HouseholdRelation } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { ApiErrorMessage, apiErrorText, Loading, TableScroll } from '../components/feedback.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { parsePhone } from '../i18n/format.ts';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, withQuery } from '../router/index.tsx';
import { NotFoundPage } from './not-found-page.tsx';

const RELATION_KEYS: Record<HouseholdRelation, MessageKey> = {
  head: 'relation.head',
  spouse: 'relation.spouse',
  child: 'relation.child',
  parent: 'relation.parent',
  other: 'relation.other',
};
const RELATIONS = Object.keys(RELATION_KEYS) as HouseholdRelation[];
const GENDER_KEYS: Record<Gender, MessageKey> = { male: 'gender.male', female: 'gender.female' };
const GENDERS = Object.keys(GENDER_KEYS) as Gender[];

export function HouseholdDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const household = useApi<HouseholdDetail>(`/households/${encodeURIComponent(id)}`);
  const data = household.data;

  if (household.status === 'error' && household.error.status === 404) {
    return <NotFoundPage title="household.notFound" body="household.notFoundBody" back={{ to: '/households', label: 'household.back' }} />;
  }
  if (household.status === 'error' && !data) return <ApiErrorMessage error={household.error} onRetry={household.reload} />;
  if (!data) return <Loading />;

  const totalHa = data.plots.reduce((s, p) => s + p.areaHa, 0);

  return (
    <article className="household-detail">
      <p className="breadcrumb">
        <Link to="/households">← {t('household.back')}</Link>
      </p>
      <header className="page-header">
        <h1>{t('household.title', { name: data.headName })}</h1>
      </header>
      <dl className="facts">
        <div>
          <dt>{t('households.phone')}</dt>
          <dd>{data.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('households.address')}</dt>
          <dd>{data.address ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('plots.commune')}</dt>
          <dd>
            {data.communeName} <span className="muted">({data.communeCode})</span>
          </dd>
        </div>
        <div>
          <dt>{t('plots.organisation')}</dt>
          <dd>{data.organisationId ? <Link to={`/organisations/${encodeURIComponent(data.organisationId)}`}>{t('household.organisationLink')}</Link> : '—'}</dd>
        </div>
        <div>
          <dt>{t('household.totalArea')}</dt>
          <dd>{t('draw.ha', { value: fmt.number(totalHa, { fixed: 2 }) })}</dd>
        </div>
        <div>
          <dt>{t('plot.createdAt')}</dt>
          <dd>{fmt.dateTime(data.createdAt)}</dd>
        </div>
      </dl>

      <section aria-labelledby="household-members-heading">
        <h2 id="household-members-heading">{t('household.members')}</h2>
        {data.members.length === 0 ? (
          <p>{t('household.noMembers')}</p>
        ) : (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('member.fullName')}</th>
                  <th scope="col">{t('member.relation')}</th>
                  <th scope="col" className="num">{t('member.birthYear')}</th>
                  <th scope="col">{t('member.gender')}</th>
                  <th scope="col">{t('households.phone')}</th>
                </tr>
              </thead>
              <tbody>
                {data.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row" data-label={t('member.fullName')}>
                      {m.fullName}
                    </th>
                    <td data-label={t('member.relation')}>{t(RELATION_KEYS[m.relation])}</td>
                    <td data-label={t('member.birthYear')} className="num">
                      {m.birthYear ?? '—'}
                    </td>
                    <td data-label={t('member.gender')}>{m.gender ? t(GENDER_KEYS[m.gender]) : '—'}</td>
                    <td data-label={t('households.phone')}>{m.phone ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {can(user?.role, 'households:edit') ? <AddMember householdId={data.id} onAdded={household.reload} /> : null}
      </section>

      <section aria-labelledby="household-plots-heading">
        <div className="section-head">
          <h2 id="household-plots-heading">{t('household.plots')}</h2>
          {can(user?.role, 'plots:edit') ? (
            <Link to={withQuery('/plots/new', { householdId: data.id })} className="button button--secondary">
              + {t('plots.new')}
            </Link>
          ) : null}
        </div>
        {data.plots.length === 0 ? (
          <p>{t('household.noPlots')}</p>
        ) : (
          <TableScroll label={t('common.tableScroll')}>
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">{t('plots.code')}</th>
                  <th scope="col">{t('plots.name')}</th>
                  <th scope="col" className="num">{t('plots.area')}</th>
                </tr>
              </thead>
              <tbody>
                {data.plots.map((p) => (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('plots.code')}>
                      <Link to={`/plots/${encodeURIComponent(p.id)}`}>{p.code}</Link>
                    </th>
                    <td data-label={t('plots.name')}>{p.name}</td>
                    <td data-label={t('plots.area')} className="num">
                      {fmt.number(p.areaHa, { fixed: 2 })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </article>
  );
}

const MEMBER_FIELDS = ['fullName', 'relation', 'birthYear', 'gender', 'phone'] as const;
type MemberErrors = Partial<Record<(typeof MEMBER_FIELDS)[number] | 'form', string>>;

function AddMember({ householdId, onAdded }: { householdId: string; onAdded: () => void }) {
  const t = useT();
  const [fullName, setFullName] = useState('');
  const [relation, setRelation] = useState<HouseholdRelation>('child');
  const [birthYear, setBirthYear] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [phone, setPhone] = useState('');
  const [errors, setErrors] = useState<MemberErrors>({});
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found: MemberErrors = {};
    if (!fullName.trim()) found.fullName = t('member.nameMissing');
    const year = birthYear.trim() ? Number(birthYear.trim()) : null;
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear())) found.birthYear = t('member.birthYearInvalid', { max: String(new Date().getFullYear()) });
    const phoneDigits = parsePhone(phone);
    if (phoneDigits === null) found.phone = t('common.phoneInvalid');
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    const body: AddHouseholdMemberBody = {
      fullName: fullName.trim(),
      relation,
      ...(year !== null ? { birthYear: year } : {}),
      ...(gender ? { gender } : {}),
      ...(phoneDigits ? { phone: phoneDigits } : {}),
    };
    setBusy(true);
    setErrors({});
    try {
      await apiRequest<{ id: string }>(`/households/${encodeURIComponent(householdId)}/members`, { method: 'POST', json: body });
      setAdded(body.fullName);
      setFullName('');
      setBirthYear('');
      setGender('');
      setPhone('');
      onAdded();
    } catch (err) {
      const error = asApiError(err);
      const next: MemberErrors = {};
      for (const f of MEMBER_FIELDS) {
        const m = error.errorFor(f);
        if (m) next[f] = m;
      }
      if (Object.keys(next).length === 0) next.form = apiErrorText(error, t, 'write');
      setErrors(next);
    }
    setBusy(false);
  };

  return (
    <form className="card member-form" onSubmit={onSubmit} noValidate aria-labelledby="member-form-heading" aria-busy={busy}>
      <h3 id="member-form-heading">{t('member.add')}</h3>
      {added ? (
        <p className="alert alert--success" role="status">
          {t('member.added', { name: added })}
        </p>
      ) : null}
      {errors.form ? (
        <div className="alert alert--error" role="alert">
          <p>{errors.form}</p>
        </div>
      ) : null}
      <div className="field-row">
        <TextField id="member-fullName" label={t('member.fullName')} value={fullName} onValueChange={setFullName} error={errors.fullName} autoComplete="off" required />
        <SelectField id="member-relation" label={t('member.relation')} value={relation} options={RELATIONS} optionLabel={(r) => t(RELATION_KEYS[r])} onValueChange={setRelation} error={errors.relation} />
      </div>
      <div className="field-row">
        <TextField id="member-birthYear" label={t('member.birthYear')} value={birthYear} onValueChange={setBirthYear} error={errors.birthYear} inputMode="numeric" maxLength={4} autoComplete="off" />
        <SelectField<Gender | ''>
          id="member-gender"
          label={t('member.gender')}
          value={gender}
          options={['', ...GENDERS]}
          optionLabel={(g) => (g ? t(GENDER_KEYS[g]) : t('member.genderUnknown'))}
          onValueChange={setGender}
          error={errors.gender}
        />
        <TextField id="member-phone" label={t('households.phone')} value={phone} onValueChange={setPhone} error={errors.phone} type="tel" inputMode="tel" autoComplete="off" />
      </div>
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? t('common.saving') : t('member.submit')}
      </button>
    </form>
  );
}
