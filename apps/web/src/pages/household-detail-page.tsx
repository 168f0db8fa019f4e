/** One household: its head, address and commune, its members (with a form to add one) and its plots. */
import { useState, type FormEvent } from 'react';
import { apiRequest } from '../api/client.ts';
import type { AddHouseholdMemberBody, Gender, HouseholdDetail, HouseholdMember, HouseholdRelation } from '../api/contracts.ts';
import { useApi } from '../api/use-api.ts';
import { can } from '../auth/abilities.ts';
import { useSession } from '../auth/session.tsx';
import { DataTable, type Column } from '../components/data-table.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { FormError, formErrorsFrom, type FormErrors } from '../components/form-errors.tsx';
import { RecordHeader } from '../components/page-header.tsx';
import { Facts, RecordStates, type BackLink } from '../components/record-page.tsx';
import { parsePhone } from '../i18n/format.ts';
import { useFormat, useT, type MessageKey } from '../i18n/index.tsx';
import { Link, withQuery } from '../router/index.tsx';

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

type HouseholdPlot = HouseholdDetail['plots'][number];

const BACK: BackLink = { to: '/households', label: 'household.back' };

export function HouseholdDetailPage({ id }: { id: string }) {
  const t = useT();
  const fmt = useFormat();
  const { user } = useSession();
  const household = useApi<HouseholdDetail>(`/households/${encodeURIComponent(id)}`);
  const memberColumns: Column<HouseholdMember>[] = [
    { header: t('member.fullName'), cell: (m) => m.fullName },
    { header: t('member.relation'), cell: (m) => t(RELATION_KEYS[m.relation]) },
    { header: t('member.birthYear'), num: true, cell: (m) => m.birthYear ?? '—' },
    { header: t('member.gender'), cell: (m) => (m.gender ? t(GENDER_KEYS[m.gender]) : '—') },
    { header: t('households.phone'), cell: (m) => m.phone ?? '—' },
  ];
  const plotColumns: Column<HouseholdPlot>[] = [
    { header: t('plots.code'), cell: (p) => <Link to={`/plots/${encodeURIComponent(p.id)}`}>{p.code}</Link> },
    { header: t('plots.name'), cell: (p) => p.name },
    { header: t('plots.area'), num: true, cell: (p) => fmt.number(p.areaHa, { fixed: 2 }) },
  ];

  return (
    <RecordStates record={household} notFound={{ title: 'household.notFound', body: 'household.notFoundBody' }} back={BACK}>
      {(data) => (
        <article className="household-detail">
          <RecordHeader back={BACK} title={t('household.title', { name: data.headName })} />
          <Facts
            facts={[
              { label: t('households.phone'), value: data.phone ?? '—' },
              { label: t('households.address'), value: data.address ?? '—' },
              {
                label: t('plots.commune'),
                value: (
                  <>
                    {data.communeName} <span className="muted">({data.communeCode})</span>
                  </>
                ),
              },
              { label: t('plots.organisation'), value: data.organisationId ? <Link to={`/organisations/${encodeURIComponent(data.organisationId)}`}>{t('household.organisationLink')}</Link> : '—' },
              { label: t('household.totalArea'), value: t('draw.ha', { value: fmt.number(data.plots.reduce((s, p) => s + p.areaHa, 0), { fixed: 2 }) }) },
              { label: t('plot.createdAt'), value: fmt.dateTime(data.createdAt) },
            ]}
          />

          <section aria-labelledby="household-members-heading">
            <h2 id="household-members-heading">{t('household.members')}</h2>
            <DataTable columns={memberColumns} rows={data.members} rowKey={(m) => m.id} empty={t('household.noMembers')} />
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
            <DataTable columns={plotColumns} rows={data.plots} rowKey={(p) => p.id} empty={t('household.noPlots')} />
          </section>
        </article>
      )}
    </RecordStates>
  );
}

const MEMBER_FIELDS = ['fullName', 'relation', 'birthYear', 'gender', 'phone'] as const;
type MemberErrors = FormErrors<(typeof MEMBER_FIELDS)[number]>;

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
    // The last success no longer describes the form once the person tries again.
    setAdded(null);
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
      setErrors(formErrorsFrom(err, MEMBER_FIELDS, t));
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
      <FormError message={errors.form} />
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
