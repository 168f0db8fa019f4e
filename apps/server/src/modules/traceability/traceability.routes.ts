/**
 * Traceability API: trade items, lots and their events, EPCIS 2.0 export and import, QR codes and the
 * printable QR sheet. Digital Links point at this server's public page (PUBLIC_BASE_URL + /p).
 */
import {
  AggregateLotsBody, CreateTradeItemBody, EpcisExportQuery, EpcisImportSummary, EventResultResponse, HarvestLotBody, IdParams, LotDetailResponse, LotPage,
  LotQuery, PackUnitsBody, QrFormat, QrSheetQuery, ReceiveBody, ShipBody, SplitLotBody, TradeItemResponse, TradePartnerList, TransformBody,
} from '@dongxanh/contracts';
import { elementString, parseDigitalLink } from '@dongxanh/gs1';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { requireActor } from '../../http/context.ts';
import type { Services } from '../../services.ts';
import { DomainError, fieldError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';
import { qrPng, qrSheetPdf, qrSvg } from './qr.ts';
import { digitalLinkOf } from './traceability.service.ts';

const tags = ['traceability'];
const PRODUCT_KIND_VI: Record<string, string> = { paddy: 'Lúa', milled_rice: 'Gạo trắng', broken_rice: 'Tấm', bran: 'Cám', husk: 'Trấu', other: 'Sản phẩm' };
const PRODUCT_KIND_EN: Record<string, string> = { paddy: 'Paddy', milled_rice: 'Milled rice', broken_rice: 'Broken rice', bran: 'Bran', husk: 'Husk', other: 'Product' };

export const traceabilityRoutes = ({ traceability, epcis }: Services, config: Config): FastifyPluginAsyncZod => async (app) => {
  // Digital Links point at PUBLIC_BASE_URL; when it is not configured (development, tests on an
  // ephemeral port) they point at the address the request came in on.
  const configured = config.http.publicBaseUrl !== `http://${config.http.host}:${config.http.port}`;
  const linkBaseOf = (request: FastifyRequest) => `${configured ? config.http.publicBaseUrl.replace(/\/+$/, '') : `${request.protocol}://${request.headers.host ?? `${config.http.host}:${config.http.port}`}`}/p`;
  // EPCIS documents are JSON-LD: accept application/ld+json bodies like JSON (this plugin only).
  app.addContentTypeParser('application/ld+json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch {
      done(new DomainError('invalid_input', message('trace.bodyNotJson'), { errors: [fieldError('(body)', message('trace.notJson'))] }), undefined);
    }
  });

  app.get('/trade-items', { schema: { tags, summary: 'GS1 trade items (GTINs) of the organisations visible to you', response: { 200: z.object({ items: z.array(TradeItemResponse) }) } } }, async (request) =>
    ({ items: await traceability.listTradeItems(requireActor(request)) }),
  );
  app.post('/trade-items', { schema: { tags, summary: 'Register a trade item: a GTIN under the organisation\'s GS1 company prefix (check digit verified or computed)', body: CreateTradeItemBody, response: { 201: TradeItemResponse } } }, async (request, reply) =>
    reply.code(201).send(await traceability.createTradeItem(requireActor(request), request.body)),
  );

  app.get('/trade-partners', { schema: { tags, summary: 'Cooperatives and enterprises lots can be shipped to (business names and GLNs)', response: { 200: TradePartnerList } } }, async (request) =>
    traceability.partners(requireActor(request)),
  );
  app.get('/lots', { schema: { tags, summary: 'Lots and units visible to you (and those in transit to you)', querystring: LotQuery, response: { 200: LotPage } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return traceability.list(requireActor(request), filter, page, pageSize, linkBaseOf(request));
  });
  app.get('/lots/:id', { schema: { tags, summary: 'A lot with its origins, mass balance, verification share and the whole chain of events', params: IdParams, response: { 200: LotDetailResponse } } }, async (request) =>
    traceability.detail(requireActor(request), request.params.id, linkBaseOf(request)),
  );

  const created = { 201: EventResultResponse };
  app.post('/lots/harvest', { schema: { tags, summary: 'A harvest lot from one or more plot-seasons (mass drawn from each; never more than the diary\'s harvest). EPCIS ObjectEvent ADD, commissioning', body: HarvestLotBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await traceability.harvest(requireActor(request), request.body, linkBaseOf(request))),
  );
  app.post('/lots/aggregate', { schema: { tags, summary: 'Several lots into one new lot (collection at the co-op). EPCIS TransformationEvent, commissioning', body: AggregateLotsBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await traceability.aggregate(requireActor(request), request.body, linkBaseOf(request))),
  );
  app.post('/lots/transform', { schema: { tags, summary: 'Processing (e.g. milling paddy into rice with bran and husk by-products); outputs never exceed inputs. EPCIS TransformationEvent', body: TransformBody, response: { 201: EventResultResponse.extend({ conversionRatio: z.number() }) } } }, async (request, reply) =>
    reply.code(201).send(await traceability.transform(requireActor(request), request.body, linkBaseOf(request))),
  );
  app.post('/lots/:id/split', { schema: { tags, summary: 'Split a lot into parts. EPCIS TransformationEvent', params: IdParams, body: SplitLotBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await traceability.split(requireActor(request), request.params.id, request.body, linkBaseOf(request))),
  );
  app.post('/lots/:id/pack', { schema: { tags, summary: 'Pack a lot into serialised units (GTIN + lot + serial) on an SSCC pallet. EPCIS TransformationEvent packing + AggregationEvent ADD', params: IdParams, body: PackUnitsBody, response: { 201: EventResultResponse.extend({ sscc: z.string() }) } } }, async (request, reply) =>
    reply.code(201).send(await traceability.pack(requireActor(request), request.params.id, request.body, linkBaseOf(request))),
  );
  app.post('/shipments', { schema: { tags, summary: 'Ship lots or units to another organisation. EPCIS TransactionEvent ADD, shipping, in_transit, with the despatch advice', body: ShipBody, response: { 201: EventResultResponse.extend({ totalKg: z.number() }) } } }, async (request, reply) =>
    reply.code(201).send(await traceability.ship(requireActor(request), request.body, linkBaseOf(request))),
  );
  app.post('/receipts', { schema: { tags, summary: 'Receive lots in transit to your organisation. EPCIS ObjectEvent OBSERVE, receiving', body: ReceiveBody, response: created } }, async (request, reply) =>
    reply.code(201).send(await traceability.receive(requireActor(request), request.body, linkBaseOf(request))),
  );

  app.get('/epcis/events', { schema: { tags, summary: 'EPCIS 2.0 JSON-LD document: a lot\'s whole chain (lotId) or your events in a time window; validates against GS1\'s EPCIS JSON Schema', querystring: EpcisExportQuery } }, async (request, reply) =>
    reply.type('application/ld+json; charset=utf-8').send(await epcis.exportDocument(requireActor(request), request.query)),
  );
  app.post('/epcis/import', { schema: { tags, summary: 'Import an EPCIS 2.0 JSON or JSON-LD document (EPCISDocument or EPCISQueryDocument), validated against GS1\'s schema; reports what it contained', querystring: z.object({ fileName: z.string().max(200).optional() }), response: { 201: EpcisImportSummary } } }, async (request, reply) =>
    reply.code(201).send(await epcis.importDocument(requireActor(request), request.body, request.query.fileName ?? null)),
  );

  app.get('/lots/:id/qr.:format', { schema: { tags, summary: 'The QR code of a lot or unit, encoding its GS1 Digital Link (PNG or SVG)', params: IdParams.extend({ format: QrFormat }) } }, async (request, reply) => {
    const lot = await traceability.findLotForQr(requireActor(request), request.params.id);
    const link = digitalLinkOf(lot, linkBaseOf(request));
    if (!link) throw new DomainError('rule_violated', message('trace.noGtin', { code: lot.code }));
    reply.header('cache-control', 'private, max-age=3600');
    if (request.params.format === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(await qrSvg(link));
    return reply.type('image/png').send(await qrPng(link));
  });

  app.get('/qr-sheet.pdf', { schema: { tags, summary: 'A printable A4 sheet of QR codes (12 per page): the given lots, or a lot and the units packed from it', querystring: QrSheetQuery } }, async (request, reply) => {
    const q = request.query;
    if (!q.lotIds && !q.parentLotId) throw new DomainError('invalid_input', message('trace.giveLots'), { errors: [fieldError('lotIds', message('field.required'))] });
    const lots = await traceability.lotsForSheet(requireActor(request), { ...(q.lotIds ? { lotIds: q.lotIds.split(',') } : {}), ...(q.parentLotId ? { parentLotId: q.parentLotId } : {}) });
    const names = q.lang === 'vi' ? PRODUCT_KIND_VI : PRODUCT_KIND_EN;
    const entries = lots.flatMap((l) => {
      const link = digitalLinkOf(l, linkBaseOf(request));
      if (!link) return [];
      const name = (q.lang === 'vi' ? l.productNameVi : l.productNameEn) ?? names[l.productKind] ?? l.productKind;
      const lines = [name, l.kind === 'unit' ? `${q.lang === 'vi' ? 'Lô' : 'Lot'} ${l.lotNumber} · ${q.lang === 'vi' ? 'Số' : 'No.'} ${l.code}` : `${q.lang === 'vi' ? 'Lô' : 'Lot'} ${l.code}`, elementString(parseDigitalLink(link))];
      return [{ digitalLink: link, lines }];
    });
    if (!entries.length) throw new DomainError('rule_violated', message('trace.noneHasGtin'));
    const title = q.lang === 'vi' ? `Tem QR truy xuất nguồn gốc — ${entries.length} mã` : `Traceability QR labels — ${entries.length} codes`;
    const pdf = await qrSheetPdf(title, entries, new Date());
    return reply.type('application/pdf').header('content-disposition', 'inline; filename="qr-sheet.pdf"').send(pdf);
  });
};

/** The public page at /p/<digital link path>, outside /api: no login, cached (public-page.ts). */
export const publicPageRoutes = ({ publicPages }: Services, config: Config): FastifyPluginAsyncZod => async (app) => {
  const base = `${config.http.publicBaseUrl.replace(/\/+$/, '')}/p`;
  app.get('/p/*', { schema: { hide: true } }, async (request, reply) => {
    const raw = request.url.slice(2);
    const q = raw.indexOf('?');
    const path = q < 0 ? raw : raw.slice(0, q);
    const lang = /[?&]lang=en(&|$)/.test(raw) ? 'en' : 'vi';
    const page = await publicPages.render(path, lang, base);
    reply.header('cache-control', 'public, no-cache').header('etag', page.etag).header('vary', 'accept-encoding').header('content-language', lang);
    if (request.headers['if-none-match'] === page.etag) return reply.code(304).send();
    return reply.code(page.status).type('text/html; charset=utf-8').send(page.html);
  });
};
