/**
 * The diary over HTTP: validate with the contracts, call the diary service, answer with the contracts'
 * shapes. Creates answer 201 when they stored something and 200 when the request was a replay of one
 * already stored (the body is then the stored record); conflicts are 409 problem bodies carrying
 * `current`, the server's record.
 */
import {
  ActivityEnvelope,
  BulkActivityBody,
  BulkActivityResponse,
  CreateActivityBody,
  CreateCropBody,
  CreateFertiliserProductBody,
  CreatePesticideProductBody,
  CreateSeasonBody,
  CropList,
  CropResponse,
  DeleteActivityQuery,
  FertiliserProductList,
  FertiliserProductResponse,
  IdParams,
  PesticideProductList,
  PesticideProductResponse,
  PhotoEnvelope,
  PhotoQuery,
  PlotIdParams,
  Problem,
  RecordCompletenessQuery,
  RecordCompletenessResponse,
  RestrictedIngredientMatch,
  SeasonDetailResponse,
  SeasonEnvelope,
  SeasonFactsResponse,
  SeasonPage,
  SeasonQuery,
  SeasonResponse,
  SyncBody,
  SyncResponse,
  UpdateActivityBody,
  UpdateSeasonBody,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import { languageOf, localiseRefusal } from '../../http/problem.ts';
import type { Services } from '../../services.ts';
import { DomainError, fieldError } from '../../shared/errors.ts';
import { message } from '../../shared/messages.ts';

const tags = ['diary'];
const ConflictWith = <T extends z.ZodType>(current: T) => Problem.extend({ current: current.optional() });
const PesticideRefused = Problem.extend({ restrictedIngredients: z.array(RestrictedIngredientMatch).optional() });
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
type PhotoType = (typeof PHOTO_TYPES)[number];
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** The first bytes of each accepted image format, so a mislabelled body is refused. */
function looksLike(mime: PhotoType, b: Buffer) {
  if (mime === 'image/jpeg') return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
  if (mime === 'image/png') return b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return b.length > 12 && b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
}

export const diaryRoutes = ({ diary }: Services): FastifyPluginAsyncZod => async (app) => {
  // Photos arrive as raw image bodies (≤ 10 MB).
  app.addContentTypeParser([...PHOTO_TYPES], { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));

  // ------------------------------------------------------------------ catalogues
  app.get('/catalogues/crops', { schema: { tags, summary: 'Crops and their varieties (vi + en); family is used by the rotation rule', response: { 200: CropList } } }, async (request) =>
    diary.listCrops(requireActor(request)),
  );
  app.post('/catalogues/crops', { schema: { tags, summary: 'Add a crop (admins)', body: CreateCropBody, response: { 201: CropResponse } } }, async (request, reply) =>
    reply.code(201).send(await diary.createCrop(requireActor(request), request.body)),
  );
  app.get('/catalogues/fertilisers', { schema: { tags, summary: 'Fertiliser products with N, P2O5 and K2O mass fractions (vi + en)', response: { 200: FertiliserProductList } } }, async (request) =>
    diary.listFertilisers(requireActor(request)),
  );
  app.post('/catalogues/fertilisers', { schema: { tags, summary: 'Add a fertiliser product (admins)', body: CreateFertiliserProductBody, response: { 201: FertiliserProductResponse } } }, async (request, reply) =>
    reply.code(201).send(await diary.createFertiliser(requireActor(request), request.body)),
  );
  app.get('/catalogues/pesticides', { schema: { tags, summary: 'Pesticide products with active ingredients and default pre-harvest interval', response: { 200: PesticideProductList } } }, async (request) =>
    diary.listPesticides(requireActor(request)),
  );
  app.post('/catalogues/pesticides', { schema: { tags, summary: 'Add a pesticide product (admins); banned or withdrawn active ingredients are refused (422)', body: CreatePesticideProductBody, response: { 201: PesticideProductResponse, 422: PesticideRefused } } }, async (request, reply) =>
    reply.code(201).send(await diary.createPesticide(requireActor(request), request.body)),
  );

  // ------------------------------------------------------------------ seasons
  app.post(
    '/plots/:plotId/seasons',
    {
      schema: {
        tags,
        summary: 'Start a season (crop cycle) on a plot',
        description: 'With `clientId`, a replay answers 200 with the stored season. 409 when the plot already has this named season for the year (`current` is that season).',
        params: PlotIdParams,
        body: CreateSeasonBody,
        response: { 200: SeasonEnvelope, 201: SeasonEnvelope, 409: ConflictWith(SeasonResponse) },
      },
    },
    async (request, reply) => {
      const { status, record } = await diary.createSeason(requireActor(request), request.params.plotId, request.body);
      return reply.code(status === 'applied' ? 201 : 200).send({ season: record });
    },
  );
  app.get('/seasons', { schema: { tags, summary: 'Seasons visible to you, newest first', querystring: SeasonQuery, response: { 200: SeasonPage } } }, async (request) => {
    const { page, pageSize, ...filter } = request.query;
    return diary.listSeasons(requireActor(request), filter, page, pageSize);
  });
  app.get('/seasons/:id', { schema: { tags, summary: 'A season with its live activities, derived facts and open compliance flags', params: IdParams, response: { 200: SeasonDetailResponse } } }, async (request) =>
    diary.getSeason(requireActor(request), request.params.id),
  );
  app.patch(
    '/seasons/:id',
    {
      schema: {
        tags,
        summary: 'Change a season; 409 with `current` when baseVersion is not the server\'s version',
        params: IdParams,
        body: UpdateSeasonBody,
        response: { 200: SeasonEnvelope, 409: ConflictWith(SeasonResponse) },
      },
    },
    async (request) => ({ season: await diary.updateSeason(requireActor(request), request.params.id, request.body) }),
  );
  app.get(
    '/seasons/:id/facts',
    {
      schema: {
        tags,
        summary: 'Derived season facts with their source records, and the MRV engine\'s season input built from them',
        description: 'Each fact has `value`, `unit` and `sources: [{ activityId, type, occurredOn }]`. `mrvInput` is the calculation contract\'s season; `missing` lists what cannot be derived and why.',
        params: IdParams,
        response: { 200: SeasonFactsResponse },
      },
    },
    async (request) => diary.getFacts(requireActor(request), request.params.id),
  );

  // ------------------------------------------------------------------ activities
  app.post(
    '/seasons/:id/activities',
    {
      schema: {
        tags,
        summary: 'Record an activity (idempotent by clientId)',
        description: '201 when stored; 200 with the SAME stored activity when the clientId was already used with the same payload; 409 when it was used with a different one. `details` is validated by `type`. A banned or withdrawn pesticide is refused with 422 naming the active ingredient and its legal basis. `:id` may also be the clientId the season was created with.',
        params: IdParams,
        body: CreateActivityBody,
        response: { 200: ActivityEnvelope, 201: ActivityEnvelope, 409: ConflictWith(ActivityEnvelope.shape.activity), 422: PesticideRefused },
      },
    },
    async (request, reply) => {
      const { status, record } = await diary.recordActivity(requireActor(request), request.params.id, request.body);
      return reply.code(status === 'applied' ? 201 : 200).send({ activity: record });
    },
  );
  app.post(
    '/activities/bulk',
    {
      schema: {
        tags,
        summary: 'One activity on each of many seasons, all or nothing (a fertiliser round across 40 plots); idempotent by clientId',
        body: BulkActivityBody,
        response: { 200: BulkActivityResponse, 201: BulkActivityResponse, 422: PesticideRefused },
      },
    },
    async (request, reply) => {
      const { status, record } = await diary.recordBulk(requireActor(request), request.body);
      return reply.code(status === 'applied' ? 201 : 200).send(record);
    },
  );
  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change an activity\'s date or details; version + 1, or 409 with `current` when baseVersion is stale',
        description: '`details` replaces the whole details object and is validated against the activity\'s type. The superseded version is kept. With `clientId`, a replay of an applied change answers 200 with the current activity.',
        params: IdParams,
        body: UpdateActivityBody,
        response: { 200: ActivityEnvelope, 409: ConflictWith(ActivityEnvelope.shape.activity), 422: PesticideRefused },
      },
    },
    async (request) => ({ activity: (await diary.updateActivity(requireActor(request), request.params.id, request.body)).record }),
  );
  app.delete(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete an activity (soft: kept with deletedAt); 409 with `current` when baseVersion is stale',
        params: IdParams,
        querystring: DeleteActivityQuery,
        response: { 200: ActivityEnvelope, 409: ConflictWith(ActivityEnvelope.shape.activity) },
      },
    },
    async (request) => ({ activity: (await diary.deleteActivity(requireActor(request), request.params.id, request.query.baseVersion, request.query.clientId)).record }),
  );
  app.post(
    '/sync',
    {
      schema: {
        tags,
        summary: 'Flush the offline queue: mutations applied in order, each on its own',
        description: 'Each result is `applied`, `duplicate` (a replay: `record` is what is stored), `conflict` (`current` is the server\'s record, `error` says why) or `rejected` (`error` with the fields). One bad mutation does not block the others.',
        body: SyncBody,
        response: { 200: SyncResponse },
      },
    },
    async (request) => {
      const { results } = await diary.sync(requireActor(request), request.body.mutations);
      const lang = languageOf(request);
      return { results: results.map((r) => (r.error ? { ...r, error: localiseRefusal(lang, r.error) } : r)) };
    },
  );

  // ------------------------------------------------------------------ photos
  app.post(
    '/activities/:id/photos',
    {
      schema: {
        tags,
        summary: 'Attach a photo (the image bytes as the body: image/jpeg, image/png or image/webp, at most 10 MB)',
        description: 'Query: `capturedAt` (ISO instant), `lat` and `lon` (WGS 84). The photo is flagged for the reviewer when taken more than 200 m from the plot, more than 3 days from the activity date, or without a position. Uploading the same bytes again answers 200 with the stored photo.',
        consumes: [...PHOTO_TYPES],
        params: IdParams,
        querystring: PhotoQuery,
        response: { 200: PhotoEnvelope, 201: PhotoEnvelope },
      },
    },
    async (request, reply) => {
      const mime = String(request.headers['content-type'] ?? '').split(';')[0]!.trim() as PhotoType;
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new DomainError('invalid_input', message('diary.imageEmpty'), { errors: [fieldError('body', message('diary.empty'))] });
      if (!looksLike(mime, body)) throw new DomainError('invalid_input', message('diary.notAnImage', { mime }), { errors: [fieldError('body', message('diary.notAnImageField', { mime }))] });
      const { status, record } = await diary.addPhoto(requireActor(request), request.params.id, { bytes: body, mimeType: mime, ...request.query });
      return reply.code(status === 'applied' ? 201 : 200).send({ photo: record });
    },
  );
  app.get('/photos/:id', { schema: { tags, summary: 'A photo\'s bytes', params: IdParams } }, async (request, reply) => {
    const photo = await diary.getPhoto(requireActor(request), request.params.id);
    return reply.type(photo.mimeType).header('cache-control', 'private, max-age=86400').header('etag', `"${photo.sha256}"`).send(photo.bytes);
  });

  // ------------------------------------------------------------------ growing areas
  app.get(
    '/growing-areas/:id/record-completeness',
    {
      schema: {
        tags,
        summary: 'For each season of the area\'s plots, which required records (vn-standards.md §1.2, VietGAP diary groups) are present or missing',
        params: IdParams,
        querystring: RecordCompletenessQuery,
        response: { 200: RecordCompletenessResponse },
      },
    },
    async (request) => diary.recordCompleteness(requireActor(request), request.params.id, request.query),
  );
};
