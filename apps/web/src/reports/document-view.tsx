/**
 * A report document (the same model the XLSX, CSV and PDF files are made from) as HTML: its facts
 * and each table, numbers and dates in the reader's language (1.234,5; dd/mm/yyyy).
 */
import { TableScroll } from '../components/feedback.tsx';
import { useFormat, useLang, useT } from '../i18n/index.tsx';
import type { ReportCell, ReportColumn, ReportDocument } from '../plans/types.ts';

function useCellText() {
  const fmt = useFormat();
  const { lang } = useLang();
  return (column: ReportColumn, cell: ReportCell | undefined): string => {
    if (cell === null || cell === undefined) return '';
    if (typeof cell === 'object' && 'vi' in cell) return cell[lang];
    if (typeof cell === 'object' && 'date' in cell) return fmt.date(cell.date);
    if (typeof cell === 'number') {
      const digits = column.digits ?? (column.kind === 'integer' ? 0 : column.kind === 'percent' ? 1 : 2);
      if (column.kind === 'percent') return fmt.percent(cell, digits);
      if (column.kind === 'text') return String(cell);
      return fmt.number(cell, { fixed: digits });
    }
    return column.kind === 'date' ? fmt.date(cell) : cell;
  };
}

export function DocumentView({ doc, headingLevel = 2 }: { doc: ReportDocument; headingLevel?: 2 | 3 }) {
  const t = useT();
  const { lang } = useLang();
  const cellText = useCellText();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const H2 = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <article className="report-document" lang={lang}>
      <H className="report-document__title">{doc.title[lang]}</H>
      <p className="lead">{doc.subtitle[lang]}</p>
      <dl className="meta meta--inline">
        {doc.meta.map((m) => (
          <div key={m.label.vi}>
            <dt>{m.label[lang]}</dt>
            <dd>{cellText({ key: 'v', label: m.label, kind: typeof m.value === 'object' && m.value !== null && 'date' in m.value ? 'date' : typeof m.value === 'number' ? 'integer' : 'text' }, m.value)}</dd>
          </div>
        ))}
      </dl>
      {doc.sections.map((s) => (
        <section key={s.id} aria-labelledby={`doc-${s.id}`} className="report-section">
          <H2 id={`doc-${s.id}`}>{s.title[lang]}</H2>
          {s.note ? <p className="muted small">{s.note[lang]}</p> : null}
          {s.rows.length === 0 ? (
            <p className="muted">{t('reports.noRows')}</p>
          ) : (
            <TableScroll label={t('common.tableScroll')}>
              <table className="table table--cards table--report">
                <thead>
                  <tr>
                    {s.columns.map((c) => (
                      <th key={c.key} scope="col" className={c.kind === 'text' || c.kind === 'date' ? undefined : 'num'}>
                        {c.label[lang]}
                        {c.kind === 'percent' && !c.label[lang].includes('%') ? ' (%)' : ''}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r, i) => (
                    <tr key={i}>
                      {s.columns.map((c, j) =>
                        j === 0 ? (
                          <th key={c.key} scope="row" data-label={c.label[lang]}>{cellText(c, r[c.key]) || '—'}</th>
                        ) : (
                          <td key={c.key} data-label={c.label[lang]} className={c.kind === 'text' || c.kind === 'date' ? undefined : 'num'}>
                            {cellText(c, r[c.key]) || '—'}
                          </td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ))}
    </article>
  );
}
