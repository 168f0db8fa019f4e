import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { QueueItem } from '../offline/queue.ts';
import { buildTimeline, countByType, foldActivity } from './timeline.ts';
import type { Activity, SeasonDetail } from './types.ts';

const season = { id: 's-server', clientId: 's-client' };

function activity(id: string, occurredOn: string, fields: Partial<Activity> = {}): Activity {
  return {
    id, clientId: `client-${id}`, seasonId: season.id, occurredOn, version: 1, deletedAt: null, recordedBy: 'u1', recordedAt: `${occurredOn}T08:00:00Z`,
    recordedOnBehalf: true, batchId: null, updatedBy: null, updatedAt: null, photos: [], type: 'water_level', details: { tubeId: 'ONG-1', levelCm: 3 }, ...fields,
  } as Activity;
}

let seq = 0;
function queued(fields: Partial<QueueItem> & Pick<QueueItem, 'kind'>): QueueItem {
  seq += 1;
  return { clientId: `q${seq}`, seq, userId: 'u1', state: 'pending', payload: {}, recordedAt: `2026-06-0${seq}T09:00:00Z`, attempts: 0, ...fields };
}

test('server entries are synced; a queued one shows at once as waiting, newest first', () => {
  const sowing = activity('a1', '2026-05-05', { type: 'sowing', details: { method: 'direct_seeding_drum', seedRateKgPerHa: 90 } });
  const reading = queued({ kind: 'createActivity', seasonRef: season.clientId, payload: { type: 'water_level', occurredOn: '2026-05-20', details: { tubeId: 'ONG-1', levelCm: -12 } } });
  const elsewhere = queued({ kind: 'createActivity', seasonRef: 'other-season', payload: { type: 'harvest', occurredOn: '2026-08-01', details: {} } });
  const timeline = buildTimeline(season, [sowing], [reading, elsewhere]);
  assert.deepEqual(timeline.map((e) => [e.key, e.type, e.sync]), [
    [reading.clientId, 'water_level', 'pending'],
    ['a1', 'sowing', 'synced'],
  ]);
  assert.deepEqual(timeline[0]?.details, { tubeId: 'ONG-1', levelCm: -12 });
});

test('a create the server already answered is shown once, as the server’s', () => {
  const stored = activity('a2', '2026-05-20', { clientId: 'q-stored' });
  const stillQueued: QueueItem = { ...queued({ kind: 'createActivity', seasonRef: season.id, payload: { type: 'water_level', occurredOn: '2026-05-20', details: {} } }), clientId: 'q-stored' };
  const timeline = buildTimeline(season, [stored], [stillQueued]);
  assert.equal(timeline.length, 1);
  assert.equal(timeline[0]?.sync, 'synced');
});

test('a queued change shows the person’s version with its state; a conflict and a refusal say so', () => {
  const a = activity('a3', '2026-05-10');
  const change = queued({ kind: 'updateActivity', activityRef: 'a3', baseVersion: 1, payload: { occurredOn: '2026-05-11', details: { tubeId: 'ONG-1', levelCm: -15 } } });
  let [entry] = buildTimeline(season, [a], [change]);
  assert.equal(entry?.sync, 'pending');
  assert.equal(entry?.occurredOn, '2026-05-11');
  assert.deepEqual(entry?.details, { tubeId: 'ONG-1', levelCm: -15 });
  assert.equal(entry?.server?.details && (entry.server.details as { levelCm: number }).levelCm, 3, 'the server’s version stays beside it');

  [entry] = buildTimeline(season, [a], [{ ...change, state: 'conflict', current: a }]);
  assert.equal(entry?.sync, 'conflict');
  [entry] = buildTimeline(season, [a], [{ ...change, state: 'rejected', error: { code: 'rule_violated', detail: 'x' } }]);
  assert.equal(entry?.sync, 'rejected');
});

test('changes can point at the clientId an activity was created with', () => {
  const a = activity('a4', '2026-05-10');
  const del = queued({ kind: 'deleteActivity', activityRef: a.clientId, baseVersion: 1 });
  const photo = queued({ kind: 'photo', activityRef: a.clientId });
  const [entry] = buildTimeline(season, [a], [del, photo]);
  assert.equal(entry?.deleting, true);
  assert.equal(entry?.queuedPhotos.length, 1);
  assert.deepEqual(countByType(buildTimeline(season, [a], [del])), {});
});

test('deleted server entries are not shown; counts are by type', () => {
  const gone = activity('a5', '2026-05-10', { deletedAt: '2026-05-12T00:00:00Z' });
  const fert = activity('a6', '2026-05-15', { type: 'fertiliser', details: { productCode: 'urea', amount: 50, amountUnit: 'kg_per_ha' } });
  const fert2 = queued({ kind: 'createActivity', seasonRef: season.id, payload: { type: 'fertiliser', occurredOn: '2026-05-25', details: {} } });
  assert.deepEqual(countByType(buildTimeline(season, [gone, fert], [fert2])), { fertiliser: 2 });
});

test('an answer folds into the cached season: replaced, added, or removed when deleted', () => {
  const detail = { activities: [activity('a7', '2026-05-10')] } as unknown as SeasonDetail;
  const changed = foldActivity(detail, activity('a7', '2026-05-10', { version: 2, details: { tubeId: 'ONG-1', levelCm: -4 } }));
  assert.equal(changed.activities.length, 1);
  assert.equal(changed.activities[0]?.version, 2);
  assert.equal(foldActivity(changed, activity('a8', '2026-05-11')).activities.length, 2);
  assert.equal(foldActivity(changed, activity('a7', '2026-05-10', { deletedAt: '2026-05-12T00:00:00Z' })).activities.length, 0);
});
