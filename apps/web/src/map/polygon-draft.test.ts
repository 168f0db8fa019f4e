import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  canFinish,
  canUndo,
  draftFromGeometry,
  historyAdd,
  historyClear,
  historyFinish,
  historyMove,
  historyUndo,
  selfIntersects,
  startHistory,
  toPolygon,
  type Vertex,
} from './polygon-draft.ts';

const A: Vertex = [105.55, 10.06];
const B: Vertex = [105.551, 10.06];
const C: Vertex = [105.551, 10.061];
const D: Vertex = [105.55, 10.061];

test('vertices are added in order, a repeated tap adds nothing, and three finish the ring', () => {
  let h = startHistory();
  h = historyAdd(h, A);
  h = historyAdd(h, A);
  h = historyAdd(h, B);
  assert.equal(h.present.vertices.length, 2);
  assert.equal(canFinish(h.present), false);
  assert.equal(historyFinish(h), h, 'finishing two vertices does nothing');
  h = historyAdd(h, C);
  h = historyFinish(h);
  assert.equal(h.present.closed, true);
  assert.deepEqual(historyAdd(h, D).present, h.present, 'a finished ring takes no more vertices');
});

test('undo steps back through finishing, adding and a whole drag; clear is undoable too', () => {
  let h = startHistory();
  for (const v of [A, B, C]) h = historyAdd(h, v);
  h = historyFinish(h);
  const beforeDrag = h.present;
  // A drag reports many positions; all of them are one step.
  h = historyMove(h, beforeDrag, 2, [105.5512, 10.0612]);
  h = historyMove(h, beforeDrag, 2, [105.5515, 10.0615]);
  assert.deepEqual(h.present.vertices[2], [105.5515, 10.0615]);
  h = historyUndo(h);
  assert.deepEqual(h.present, beforeDrag);
  h = historyUndo(h);
  assert.equal(h.present.closed, false);
  h = historyUndo(h);
  assert.deepEqual(h.present.vertices, [A, B]);
  h = historyClear(h);
  assert.deepEqual(h.present.vertices, []);
  h = historyUndo(h);
  assert.deepEqual(h.present.vertices, [A, B]);
  h = historyUndo(historyUndo(h));
  assert.equal(canUndo(h), false);
  assert.equal(historyUndo(h), h);
});

test('the polygon is closed and counter-clockwise whichever way it was drawn', () => {
  const clockwise = toPolygon({ vertices: [A, D, C, B], closed: true });
  const anticlockwise = toPolygon({ vertices: [A, B, C, D], closed: true });
  assert.deepEqual(anticlockwise, { type: 'Polygon', coordinates: [[A, B, C, D, A]] });
  assert.deepEqual(clockwise, { type: 'Polygon', coordinates: [[B, C, D, A, B]] });
  assert.equal(toPolygon({ vertices: [A, B], closed: false }), null);
});

test('a bow tie is detected, a square and a triangle are not', () => {
  assert.equal(selfIntersects([A, B, C, D]), false);
  assert.equal(selfIntersects([A, B, C]), false);
  assert.equal(selfIntersects([A, C, B, D]), true);
  // A vertex dragged onto the opposite edge touches it: also invalid for PostGIS.
  assert.equal(selfIntersects([A, B, C, D, [105.5505, 10.06]]), true);
});

test('an existing boundary becomes an editable closed draft; several parts or holes are reported', () => {
  const single = draftFromGeometry({ type: 'Polygon', coordinates: [[A, B, C, D, A]] });
  assert.deepEqual(single, { draft: { vertices: [A, B, C, D], closed: true }, simplified: false });
  const small: Vertex[] = [[105.6, 10.06], [105.6001, 10.06], [105.6001, 10.0601], [105.6, 10.06]];
  const multi = draftFromGeometry({ type: 'MultiPolygon', coordinates: [[small], [[A, B, C, D, A]]] });
  assert.deepEqual(multi.draft.vertices, [A, B, C, D], 'the largest part');
  assert.equal(multi.simplified, true);
  const withHole = draftFromGeometry({ type: 'Polygon', coordinates: [[A, B, C, D, A], small] });
  assert.equal(withHole.simplified, true);
});
