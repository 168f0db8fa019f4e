import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SubmissionState } from '../../db/schema.ts';
import { DomainError } from '../../shared/errors.ts';
import { canTransition, dutyConflict, nextState, permissionFor, type WorkflowAction } from './workflow.ts';

describe('submission workflow', () => {
  const table: Array<[SubmissionState, WorkflowAction, SubmissionState | null]> = [
    ['draft', 'submit', 'submitted'],
    ['draft', 'review', null],
    ['draft', 'return', null],
    ['submitted', 'review', 'reviewed'],
    ['submitted', 'return', 'returned'],
    ['submitted', 'verify', null],
    ['reviewed', 'verify', 'verified'],
    ['reviewed', 'return', 'returned'],
    ['reviewed', 'submit', null],
    ['returned', 'submit', 'submitted'],
    ['returned', 'verify', null],
    ['verified', 'return', null],
    ['verified', 'submit', null],
  ];
  for (const [from, action, to] of table) {
    it(`${from} --${action}--> ${to ?? 'refused'}`, () => {
      assert.equal(canTransition(from, action), to !== null);
      if (to) assert.equal(nextState(from, action), to);
      else assert.throws(() => nextState(from, action), (e: unknown) => e instanceof DomainError && e.code === 'conflict');
    });
  }

  it('gives returning to whoever holds the submission', () => {
    assert.equal(permissionFor('return', 'submitted'), 'submissions:review');
    assert.equal(permissionFor('return', 'reviewed'), 'submissions:verify');
  });
});

describe('separation of duties', () => {
  const duties = { submittedBy: 'coop', reviewedBy: 'officer', recorders: new Set(['recorder', 'coop']) };
  it('refuses the submitter and the recorders as reviewers', () => {
    assert.match(dutyConflict('coop', 'review', 'submitted', duties)!, /submitted this data/);
    assert.match(dutyConflict('recorder', 'review', 'submitted', duties)!, /recorded diary entries/);
    assert.match(dutyConflict('recorder', 'return', 'submitted', duties)!, /recorded diary entries/);
    assert.equal(dutyConflict('officer', 'review', 'submitted', duties), null);
  });
  it('refuses the reviewer as verifier', () => {
    assert.match(dutyConflict('officer', 'verify', 'reviewed', duties)!, /independent verifier/);
    assert.match(dutyConflict('officer', 'return', 'reviewed', duties)!, /independent verifier/);
    assert.equal(dutyConflict('verifier', 'verify', 'reviewed', duties), null);
  });
  it('lets the cooperative submit its own data', () => {
    assert.equal(dutyConflict('coop', 'submit', 'draft', duties), null);
  });
});
