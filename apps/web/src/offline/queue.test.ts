import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { afterNoAnswer, applyResult, edit, heldBy, keepMine, markSending, nextBatch, recover, retarget, summarise, toMutation, type QueueItem } from './queue.ts';

const SEASON = '11111111-1111-4111-8111-111111111111';
let n = 0;
/** A queue item with a readable clientId (c1, c2, …) and increasing seq. */
function item(fields: Partial<QueueItem> & Pick<QueueItem, 'kind'>): QueueItem {
  n += 1;
  return { clientId: `c${n}`, seq: n, userId: 'u1', state: 'pending', payload: {}, recordedAt: '2026-05-10T08:00:00+07:00', attempts: 0, ...fields };
}

describe('the server answer moves an item', () => {
  const reading = item({ kind: 'createActivity', seasonRef: SEASON, payload: { type: 'water_level', occurredOn: '2026-05-10', details: { tubeId: 'ONG-1', levelCm: -12 } } });

  test('applied and duplicate remove it: the server holds it', () => {
    const record = { id: 'a1', version: 1 };
    assert.deepEqual(applyResult(markSending(reading), { status: 'applied', record }), { done: true, record });
    // A replay of something stored before (the answer to the first flush was lost) is just as final.
    assert.deepEqual(applyResult(markSending(reading), { status: 'duplicate', record }), { done: true, record });
  });

  test('a conflict keeps it, with the server version to show', () => {
    const current = { id: 'a1', version: 2, occurredOn: '2026-05-10', details: { tubeId: 'ONG-1', levelCm: -5 } };
    const out = applyResult(markSending(reading), { status: 'conflict', current, error: { code: 'conflict', detail: 'changed on the server' } });
    assert.equal(out.done, false);
    if (!out.done) {
      assert.equal(out.item.state, 'conflict');
      assert.deepEqual(out.item.current, current);
      assert.equal(out.item.error?.detail, 'changed on the server');
      assert.deepEqual(out.item.payload, reading.payload, 'the person’s version is kept as it was');
    }
  });

  test('a refusal keeps it with the reason, so the person can correct or drop it', () => {
    const error = { code: 'rule_violated', detail: 'Active ingredient "Carbofuran" is banned', errors: [{ path: 'payload.details.activeIngredients[0].name', message: 'banned' }] };
    const out = applyResult(markSending(reading), { status: 'rejected', error });
    assert.equal(out.done, false);
    if (!out.done) {
      assert.equal(out.item.state, 'rejected');
      assert.deepEqual(out.item.error, error);
    }
  });

  test('no answer puts it back to pending and counts the attempt', () => {
    const back = afterNoAnswer(markSending(reading));
    assert.equal(back.state, 'pending');
    assert.equal(back.attempts, 1);
    assert.equal(back.clientId, reading.clientId, 'the same clientId is replayed, so the server cannot store it twice');
  });

  test('after a restart, items caught mid-flush are pending again', () => {
    const [a, b] = recover([markSending(reading), { ...reading, state: 'conflict' }]);
    assert.equal(a?.state, 'pending');
    assert.equal(b?.state, 'conflict');
  });
});

describe('what a flush sends', () => {
  test('sync items go together in recording order, before bulk requests and photos', () => {
    const season = item({ kind: 'createSeason', plotId: 'p1', payload: { cropCode: 'rice', seasonName: 'he_thu', year: 2026, plannedStartOn: '2026-05-01' } });
    const photo = item({ kind: 'photo', activityRef: 'a-on-server' });
    const sowing = item({ kind: 'createActivity', seasonRef: season.clientId, payload: { type: 'sowing' } });
    const bulk = item({ kind: 'bulkActivity', payload: {} });
    const batch = nextBatch([bulk, sowing, photo, season]);
    assert.deepEqual(batch?.kind === 'sync' && batch.items.map((i) => i.clientId), [season.clientId, sowing.clientId]);
    assert.equal(nextBatch([bulk, photo])?.kind, 'bulk');
    assert.equal(nextBatch([photo])?.kind, 'photo');
    assert.equal(nextBatch([]), null);
  });

  test('at most MAX_BATCH mutations per request, the oldest first', () => {
    const many = Array.from({ length: 5 }, () => item({ kind: 'createActivity', seasonRef: SEASON }));
    const batch = nextBatch(many, 3);
    assert.deepEqual(batch?.kind === 'sync' && batch.items.map((i) => i.seq), many.slice(0, 3).map((i) => i.seq));
  });

  test('entries of a season in conflict wait; others still go', () => {
    const season = { ...item({ kind: 'createSeason', plotId: 'p1' }), state: 'conflict' as const };
    const sowing = item({ kind: 'createActivity', seasonRef: season.clientId });
    const elsewhere = item({ kind: 'createActivity', seasonRef: SEASON });
    assert.equal(heldBy(sowing, [season, sowing, elsewhere]), season);
    const batch = nextBatch([season, sowing, elsewhere]);
    assert.deepEqual(batch?.kind === 'sync' && batch.items.map((i) => i.clientId), [elsewhere.clientId]);
  });

  test('a change to a refused entry waits for the correction', () => {
    const create = { ...item({ kind: 'createActivity', seasonRef: SEASON }), state: 'rejected' as const };
    const change = item({ kind: 'updateActivity', activityRef: create.clientId, baseVersion: 1 });
    assert.equal(nextBatch([create, change]), null);
  });

  test('a photo waits until its activity is on the server', () => {
    const create = item({ kind: 'createActivity', seasonRef: SEASON });
    const photo = item({ kind: 'photo', activityRef: create.clientId });
    assert.deepEqual(nextBatch([create, photo])?.kind, 'sync');
    assert.equal(heldBy(photo, [create, photo]), create);
    // Once the create is answered it leaves the queue, and the photo goes.
    assert.equal(nextBatch([photo])?.kind, 'photo');
  });

  test('items already being sent, in conflict or refused are not sent again by a second flush', () => {
    const sending = markSending(item({ kind: 'createActivity', seasonRef: SEASON }));
    const conflict = { ...item({ kind: 'updateActivity', activityRef: 'a1', baseVersion: 1 }), state: 'conflict' as const };
    assert.equal(nextBatch([sending, conflict]), null);
  });

  test('mutations carry what the server needs', () => {
    const season = item({ kind: 'createSeason', plotId: 'p1', payload: { cropCode: 'rice' } });
    assert.deepEqual(toMutation(season), { clientId: season.clientId, kind: 'createSeason', payload: { cropCode: 'rice', plotId: 'p1' } });
    const update = item({ kind: 'updateActivity', activityRef: 'a1', baseVersion: 3, payload: { occurredOn: '2026-05-02' } });
    assert.deepEqual(toMutation(update), { clientId: update.clientId, kind: 'updateActivity', activityId: 'a1', baseVersion: 3, payload: { occurredOn: '2026-05-02' } });
    const del = item({ kind: 'deleteActivity', activityRef: 'a1', baseVersion: 3, payload: { ignored: true } });
    assert.deepEqual(toMutation(del).payload, {});
    assert.throws(() => toMutation(item({ kind: 'photo' })));
  });
});

describe('the person resolves', () => {
  const mine = { occurredOn: '2026-05-10', details: { tubeId: 'ONG-1', levelCm: -15 } };
  const conflict: QueueItem = {
    ...item({ kind: 'updateActivity', activityRef: 'client-of-a1', baseVersion: 1, payload: mine }),
    state: 'conflict',
    current: { id: 'a1', version: 2, occurredOn: '2026-05-10', details: { tubeId: 'ONG-1', levelCm: -4 } },
    error: { code: 'conflict', detail: 'changed' },
  };

  test('keep mine: the same change on the server’s version, under a new clientId, same place in the queue', () => {
    const again = keepMine(conflict, 'new-client-id');
    assert.equal(again.state, 'pending');
    assert.equal(again.clientId, 'new-client-id');
    assert.equal(again.activityRef, 'a1');
    assert.equal(again.baseVersion, 2);
    assert.deepEqual(again.payload, mine);
    assert.equal(again.seq, conflict.seq);
    assert.equal(again.current, undefined);
    assert.equal(again.error, undefined);
  });

  test('keep mine on a delete deletes the server’s version', () => {
    const del = { ...conflict, kind: 'deleteActivity' as const, payload: {} };
    const again = keepMine(del, 'x');
    assert.equal(again.kind, 'deleteActivity');
    assert.equal(again.baseVersion, 2);
  });

  test('only a conflict can be kept, and a season clash cannot', () => {
    assert.throws(() => keepMine({ ...conflict, state: 'pending' }, 'x'));
    assert.throws(() => keepMine({ ...conflict, kind: 'createSeason' }, 'x'));
    assert.throws(() => keepMine({ ...conflict, current: null }, 'x'), /no server version/);
  });

  test('using the server’s season moves the entries recorded for mine', () => {
    const sowing = item({ kind: 'createActivity', seasonRef: 'my-season' });
    const other = item({ kind: 'createActivity', seasonRef: SEASON });
    const [moved, untouched] = retarget([sowing, other], 'my-season', 'server-season');
    assert.equal(moved?.seasonRef, 'server-season');
    assert.equal(untouched?.seasonRef, SEASON);
  });

  test('editing a refused entry sends it again; an entry in flight or in conflict cannot be edited in place', () => {
    const refused: QueueItem = { ...item({ kind: 'createActivity', seasonRef: SEASON }), state: 'rejected', error: { code: 'rule_violated', detail: 'banned' } };
    const fixed = edit(refused, { type: 'pesticide' });
    assert.equal(fixed.state, 'pending');
    assert.equal(fixed.error, undefined);
    assert.deepEqual(fixed.payload, { type: 'pesticide' });
    assert.equal(fixed.clientId, refused.clientId, 'nothing was stored under it, so the same clientId is safe');
    assert.throws(() => edit(markSending(refused), {}));
    assert.throws(() => edit(conflict, {}));
  });

  test('the status line counts waiting, conflicts and refusals', () => {
    const list = [item({ kind: 'createActivity' }), markSending(item({ kind: 'createActivity' })), conflict, { ...item({ kind: 'photo' }), state: 'rejected' as const }];
    assert.deepEqual(summarise(list), { waiting: 2, conflicts: 1, rejected: 1, total: 4 });
  });
});
