/**
 * EPCIS 2.0 / CBV 2.0 events for the chain (docs/vn-standards.md §2.5), built as the JSON-LD the
 * export sends, and the reading of imported documents. Pure: no database, no clock.
 *
 * Which event records which operation (our design on the CBV vocabulary):
 * | operation                      | EPCIS event                          | bizStep / disposition       |
 * | harvest lot from plot-seasons  | ObjectEvent ADD, quantityList, ilmd  | commissioning / active      |
 * | aggregation (lots → one lot)   | TransformationEvent (commingling: the inputs lose their identity in a new lot — EPCIS 2.0 §7.4.6) | commissioning / active |
 * | milling and other processing   | TransformationEvent, by-products as outputs | dx milling URI (CBV has no milling step; a non-CBV URI is allowed) / active |
 * | split into parts               | TransformationEvent                  | commissioning / active      |
 * | packing a lot into units       | TransformationEvent (lot → unit SGTINs) and AggregationEvent ADD (units onto an SSCC pallet) | packing / in_progress |
 * | shipping to another organisation | TransactionEvent ADD with the despatch advice, source/destination parties and locations | shipping / in_transit |
 * | receiving                      | ObjectEvent OBSERVE with the same despatch advice | receiving / in_progress |
 *
 * Identifiers: lots as LGTIN (urn:epc:class:lgtin), units as SGTIN, pallets as SSCC, locations as
 * SGLN and parties as PGLN, all split at the trade item's or organisation's GS1 company prefix (EPC
 * Tag Data Standard); a lot without a GTIN or an organisation without a GLN gets a platform URN.
 */
import { lgtinUrn, parseEpcUri, pglnUrn, sglnUrn, sgtinUrn, ssccUrn } from '@dongxanh/gs1';

export const EPCIS_CONTEXT_URL = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
export const DX_NAMESPACE = 'https://dongxanh.vn/epcis/';
export const EPCIS_CONTEXT = [EPCIS_CONTEXT_URL, { dx: DX_NAMESPACE }];
export const MILLING_BIZ_STEP = `${DX_NAMESPACE}bizstep/milling`;
export const VIETNAM_OFFSET = '+07:00';

export type EpcisEvent = Record<string, unknown> & { type: string; eventID: string; eventTime: string; eventTimeZoneOffset: string };

export interface LotIdentity {
  id: string;
  kind: 'lot' | 'unit';
  code: string;
  lotNumber: string | null;
  gtin: string | null;
  companyPrefix: string | null;
}
export interface Party {
  id: string;
  gln: string | null;
  companyPrefix: string | null;
}

/** Company-prefix length for URNs: the known prefix, else 7 digits (GS1 Vietnam's 893 + 4), UNCONFIRMED. */
const prefixLength = (key: string, companyPrefix: string | null) => (companyPrefix && key.slice(0, companyPrefix.length) === companyPrefix ? companyPrefix.length : 7);

/** The class of a lot (LGTIN) — used with a quantity in kg. */
export function lotClassUri(lot: LotIdentity): string {
  if (lot.gtin && lot.kind === 'lot') return lgtinUrn(lot.gtin, lot.code, prefixLength(lot.gtin.slice(1), lot.companyPrefix));
  return `urn:dongxanh:lot:${lot.id}`;
}
/** An individual unit (SGTIN). */
export function unitUri(unit: LotIdentity): string {
  if (unit.gtin) return sgtinUrn(unit.gtin, unit.code, prefixLength(unit.gtin.slice(1), unit.companyPrefix));
  return `urn:dongxanh:unit:${unit.id}`;
}
export const locationUri = (p: Party) => (p.gln ? sglnUrn(p.gln, prefixLength(p.gln, p.companyPrefix)) : `urn:dongxanh:location:${p.id}`);
export const partyUri = (p: Party) => (p.gln ? pglnUrn(p.gln, prefixLength(p.gln, p.companyPrefix)) : `urn:dongxanh:party:${p.id}`);
export const palletUri = (sscc: string, companyPrefix: string | null) => ssccUrn(sscc, prefixLength(sscc.slice(1), companyPrefix));

/** ISO 8601 in Vietnam time with its offset, e.g. 2026-03-05T08:00:00.000+07:00. */
export function vietnamTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + 7 * 3600_000).toISOString();
  return `${shifted.slice(0, -1)}${VIETNAM_OFFSET}`;
}

const quantity = (lot: LotIdentity, kg: number) => ({ epcClass: lotClassUri(lot), quantity: Math.round(kg * 1000) / 1000, uom: 'KGM' });
const base = (type: string, eventId: string, at: Date) => ({ type, eventTime: vietnamTime(at), eventTimeZoneOffset: VIETNAM_OFFSET, eventID: `urn:uuid:${eventId}` });
const place = (p: Party) => ({ readPoint: { id: locationUri(p) }, bizLocation: { id: locationUri(p) } });

export function harvestEvent(e: { eventId: string; at: Date; lot: LotIdentity; massKg: number; owner: Party; harvestDates: string[]; growingAreaCodes: string[]; moisturePct: number | null; seasons: number }): EpcisEvent {
  return {
    ...base('ObjectEvent', e.eventId, e.at),
    action: 'ADD',
    epcList: [],
    quantityList: [quantity(e.lot, e.massKg)],
    bizStep: 'commissioning',
    disposition: 'active',
    ...place(e.owner),
    ilmd: {
      'dx:harvestDates': e.harvestDates,
      'dx:growingAreaCodes': e.growingAreaCodes,
      'dx:sourcePlotSeasons': e.seasons,
      ...(e.moisturePct !== null ? { 'dx:moisturePct': e.moisturePct } : {}),
    },
  };
}

export function transformationEvent(e: {
  eventId: string; at: Date; bizStep: string; owner: Party;
  inputs: Array<{ lot: LotIdentity; massKg: number }>;
  outputs: Array<{ lot: LotIdentity; massKg: number; byProduct: boolean }>;
  outputUnits?: LotIdentity[];
  extensions?: Record<string, unknown>;
}): EpcisEvent {
  return {
    ...base('TransformationEvent', e.eventId, e.at),
    inputQuantityList: e.inputs.map((i) => quantity(i.lot, i.massKg)),
    ...(e.outputs.length ? { outputQuantityList: e.outputs.map((o) => quantity(o.lot, o.massKg)) } : {}),
    ...(e.outputUnits?.length ? { outputEPCList: e.outputUnits.map(unitUri) } : {}),
    transformationID: `urn:uuid:${e.eventId}`,
    bizStep: e.bizStep,
    disposition: 'active',
    ...place(e.owner),
    ...(e.outputs.some((o) => o.byProduct) ? { 'dx:byProducts': e.outputs.filter((o) => o.byProduct).map((o) => lotClassUri(o.lot)) } : {}),
    ...e.extensions,
  };
}

export function palletisingEvent(e: { eventId: string; at: Date; owner: Party; palletUri: string; units: LotIdentity[] }): EpcisEvent {
  return {
    ...base('AggregationEvent', e.eventId, e.at),
    action: 'ADD',
    parentID: e.palletUri,
    childEPCs: e.units.map(unitUri),
    bizStep: 'packing',
    disposition: 'in_progress',
    ...place(e.owner),
  };
}

function shipped(lots: Array<{ lot: LotIdentity; massKg: number }>) {
  const units = lots.filter((l) => l.lot.kind === 'unit').map((l) => unitUri(l.lot));
  const bulk = lots.filter((l) => l.lot.kind === 'lot').map((l) => quantity(l.lot, l.massKg));
  return { epcList: units, ...(bulk.length ? { quantityList: bulk } : {}) };
}

export function shippingEvent(e: { eventId: string; at: Date; from: Party; to: Party; lots: Array<{ lot: LotIdentity; massKg: number }>; despatchAdvice: string }): EpcisEvent {
  return {
    ...base('TransactionEvent', e.eventId, e.at),
    action: 'ADD',
    bizTransactionList: [{ type: 'desadv', bizTransaction: despatchAdviceUri(e.from, e.despatchAdvice) }],
    ...shipped(e.lots),
    bizStep: 'shipping',
    disposition: 'in_transit',
    readPoint: { id: locationUri(e.from) },
    sourceList: [{ type: 'owning_party', source: partyUri(e.from) }, { type: 'location', source: locationUri(e.from) }],
    destinationList: [{ type: 'owning_party', destination: partyUri(e.to) }, { type: 'location', destination: locationUri(e.to) }],
  };
}

export function receivingEvent(e: { eventId: string; at: Date; from: Party; to: Party; lots: Array<{ lot: LotIdentity; massKg: number }>; despatchAdvice: string | null }): EpcisEvent {
  return {
    ...base('ObjectEvent', e.eventId, e.at),
    action: 'OBSERVE',
    ...shipped(e.lots),
    bizStep: 'receiving',
    disposition: 'in_progress',
    ...place(e.to),
    ...(e.despatchAdvice ? { bizTransactionList: [{ type: 'desadv', bizTransaction: e.despatchAdvice }] } : {}),
    sourceList: [{ type: 'owning_party', source: partyUri(e.from) }],
    destinationList: [{ type: 'owning_party', destination: partyUri(e.to) }],
  };
}

/** A despatch advice number as a CBV business-transaction URI (urn:epcglobal:cbv:bt:<GLN>:<id>, CBV §8.5). */
export const despatchAdviceUri = (from: Party, number: string) =>
  from.gln ? `urn:epcglobal:cbv:bt:${from.gln}:${encodeURIComponent(number)}` : `urn:dongxanh:desadv:${from.id}:${encodeURIComponent(number)}`;

export function epcisDocument(events: readonly EpcisEvent[], createdAt: Date, id?: string) {
  return {
    '@context': EPCIS_CONTEXT,
    ...(id ? { id } : {}),
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: vietnamTime(createdAt),
    epcisBody: { eventList: events },
  };
}

// ---------------------------------------------------------------------------------- reading documents

export interface EpcisSummary {
  documentType: string;
  eventCount: number;
  eventsByType: Record<string, number>;
  bizSteps: Record<string, number>;
  epcs: string[];
  epcClasses: string[];
  /** GS1 keys found in the EPCs (SGTIN/LGTIN → GTIN, SGLN → GLN, SSCC). */
  gs1Keys: string[];
}

/** The event list of an EPCIS document or query document (its shape already validated). */
export function eventsOf(document: Record<string, unknown>): Array<Record<string, unknown>> {
  const body = document.epcisBody as Record<string, unknown> | undefined;
  if (!body) return document.type && String(document.type).endsWith('Event') ? [document] : [];
  if (Array.isArray(body.eventList)) return body.eventList as Array<Record<string, unknown>>;
  const results = (body.queryResults as { resultsBody?: { eventList?: unknown[] } } | undefined)?.resultsBody?.eventList;
  return (results ?? []) as Array<Record<string, unknown>>;
}

/** CBV short names for the bizStep URIs of both vocabularies (urn:epcglobal:cbv:bizstep:…, https://ref.gs1.org/cbv/BizStep-…). */
export function bizStepName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return value.replace(/^urn:epcglobal:cbv:bizstep:/, '').replace(/^https?:\/\/ref\.gs1\.org\/cbv\/BizStep-/, '');
}

export function summarise(document: Record<string, unknown>): EpcisSummary {
  const events = eventsOf(document);
  const eventsByType: Record<string, number> = {};
  const bizSteps: Record<string, number> = {};
  const epcs = new Set<string>();
  const classes = new Set<string>();
  for (const e of events) {
    const type = String(e.type);
    eventsByType[type] = (eventsByType[type] ?? 0) + 1;
    const step = bizStepName(e.bizStep);
    if (step) bizSteps[step] = (bizSteps[step] ?? 0) + 1;
    for (const key of ['epcList', 'childEPCs', 'inputEPCList', 'outputEPCList']) {
      for (const epc of (e[key] as unknown[] | undefined) ?? []) if (typeof epc === 'string') epcs.add(epc);
    }
    if (typeof e.parentID === 'string') epcs.add(e.parentID);
    for (const key of ['quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList']) {
      for (const q of (e[key] as Array<{ epcClass?: unknown }> | undefined) ?? []) if (typeof q.epcClass === 'string') classes.add(q.epcClass);
    }
  }
  const gs1Keys = new Set<string>();
  for (const uri of [...epcs, ...classes]) {
    const parsed = parseEpcUri(uri);
    if (parsed.scheme === 'sgtin' || parsed.scheme === 'lgtin') gs1Keys.add(`01:${parsed.gtin}`);
    else if (parsed.scheme === 'sgln' || parsed.scheme === 'pgln') gs1Keys.add(`414:${parsed.gln}`);
    else if (parsed.scheme === 'sscc') gs1Keys.add(`00:${parsed.sscc}`);
  }
  return { documentType: String(document.type), eventCount: events.length, eventsByType, bizSteps, epcs: [...epcs], epcClasses: [...classes], gs1Keys: [...gs1Keys].sort() };
}
