/**
 * The checks every new or changed activity passes, whichever way it arrives (API, bulk, sync, CLI
 * import): its date against the clock and its season, catalogue products that exist, and no banned
 * or withdrawn pesticide. Returns the details to store: a catalogue pesticide gets its name, active
 * ingredients and PHI written in, so the record stands on its own.
 */
import type { TypedActivityDetails } from '@dongxanh/contracts';
import { DomainError, fieldError, type ErrorText } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { addDays } from './calendar.ts';
import type { PesticideProduct } from './catalogues.repository.ts';
import { findRestrictedIngredients, restrictionMessage, type RestrictedIngredient } from './compliance-pesticides.ts';

/** An activity may be dated from 180 days before the season's planned start (pre-season flooding, straw) to a year after it. */
export const DAYS_BEFORE_SEASON = 180;
export const DAYS_AFTER_SEASON_START = 365;

export interface Catalogues {
  fertilisers: ReadonlyMap<string, unknown>;
  pesticides: ReadonlyMap<string, PesticideProduct>;
}

export const ruleViolated = (path: string, text: ErrorText, extra: Record<string, unknown> = {}) => new DomainError('rule_violated', text, { errors: [fieldError(path, text)], ...extra });

export function createActivityRules({ restricted, today }: { restricted: readonly RestrictedIngredient[]; today: () => string }) {
  /** Refuses an application of a banned or withdrawn active ingredient, naming it and the legal basis. */
  function assertPesticideAllowed(ingredients: readonly string[], productName: string | undefined, usedOn: string, path: string) {
    const matches = findRestrictedIngredients({ ingredients, productName }, usedOn, restricted);
    if (matches.length === 0) return;
    throw new DomainError('rule_violated', message('common.joined', { items: { list: matches.map(restrictionMessage), separator: '; ' } }), {
      errors: matches.map((m) => {
        const index = ingredients.indexOf(m.ingredient);
        const at = index >= 0 ? `activeIngredients[${index}].name` : 'productName';
        return fieldError(path ? `${path}.${at}` : at, restrictionMessage(m));
      }),
      restrictedIngredients: matches,
    });
  }

  function prepareDetails(season: { plannedStartOn: string }, input: TypedActivityDetails & { occurredOn: string }, catalogues: Catalogues): TypedActivityDetails['details'] {
    const { occurredOn } = input;
    if (occurredOn > addDays(today(), 1)) throw ruleViolated('occurredOn', message('diary.occurredInFuture', { date: { date: occurredOn } }));
    const earliest = addDays(season.plannedStartOn, -DAYS_BEFORE_SEASON);
    const latest = addDays(season.plannedStartOn, DAYS_AFTER_SEASON_START);
    if (occurredOn < earliest || occurredOn > latest) {
      throw ruleViolated('occurredOn', message('diary.occurredOutsideSeason', { date: { date: occurredOn }, start: { date: season.plannedStartOn }, earliest: { date: earliest }, latest: { date: latest } }));
    }
    switch (input.type) {
      case 'fertiliser': {
        const code = input.details.productCode;
        if (code && !catalogues.fertilisers.has(code)) throw ruleViolated('details.productCode', message('diary.unknownFertiliser', { code }));
        return input.details;
      }
      case 'pesticide': {
        const d = input.details;
        const product = d.productCode ? catalogues.pesticides.get(d.productCode) : undefined;
        if (d.productCode && !product) throw ruleViolated('details.productCode', message('diary.unknownPesticide', { code: d.productCode }));
        const activeIngredients = d.activeIngredients ?? product?.activeIngredients ?? [];
        const productName = d.productName ?? product?.name;
        assertPesticideAllowed(activeIngredients.map((i) => i.name), productName, occurredOn, 'details');
        return { ...d, productName, activeIngredients, phiDays: d.phiDays ?? product?.defaultPhiDays ?? 0 };
      }
      default:
        return input.details;
    }
  }

  return { assertPesticideAllowed, prepareDetails };
}
export type ActivityRules = ReturnType<typeof createActivityRules>;
