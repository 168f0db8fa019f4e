/**
 * The sentence shown for each refusal the set-wise SQL checks find (the `reason` code stays beside it
 * for the web app to translate). Numbers are written the Vietnamese way (1.234,5).
 */
import type { SqlRefusal } from './import-scope.ts';
import type { Refusal } from './rows.ts';

const formatNumber = (value: number, digits: number) => value.toLocaleString('vi-VN', { maximumFractionDigits: digits });
/** An area as Vietnamese users write it (1.234,5): m² below 100 m², hectares above. */
const formatArea = (m2: number) => (m2 < 100 ? `${formatNumber(m2, 1)} m²` : `${formatNumber(m2 / 10_000, 4)} ha`);

/** The sentence a refusal found in SQL is shown as. */
export function refusalFromSql(r: SqlRefusal): Refusal {
  const message = (() => {
    switch (r.reason) {
      case 'invalid_geometry':
        return `the polygon is not valid (PostGIS: ${r.text})`;
      case 'too_small':
        return `the polygon's area is under 1 m² (${formatNumber(r.amount ?? 0, 2)} m²)`;
      case 'household_not_found':
        return r.field === 'household_id' ? `no household ${r.text} in your scope` : `no household with phone ${r.text} in your scope (import the households first)`;
      case 'household_ambiguous':
        return `${r.amount} households in your scope have the phone ${r.text}; give household_id instead`;
      case 'commune_required':
        return 'commune_code is required: the row names no commune and neither its household nor the organisation has one';
      case 'unknown_commune':
        return `unknown commune code ${r.text} (use the 5-digit codes of the 2025 list)`;
      case 'outside_scope':
        return `commune ${r.text} or its organisation is outside your scope`;
      case 'organisation_not_found':
        return `no organisation ${r.text} in your scope`;
      case 'duplicate_in_file':
        return `${r.field === 'phone' ? 'phone' : 'code'} ${r.text} is already used on row ${r.otherRow} of this file`;
      case 'code_exists':
        return `a plot with code ${r.text} already exists in this province`;
      case 'phone_exists':
        return `a household with phone ${r.text} is already registered (${r.otherCode})`;
      case 'overlaps_row':
        return `overlaps row ${r.otherRow} (${r.otherCode}) by ${formatArea(r.amount ?? 0)}`;
      case 'overlaps_plot':
        return `overlaps ${r.otherCode ? `plot ${r.otherCode}` : 'a plot of another organisation'} by ${formatArea(r.amount ?? 0)}`;
      default:
        return r.reason;
    }
  })();
  return { row: r.rowNo, field: r.field, reason: r.reason, message };
}
