/** Programme management: the plans' tasks and notes, training events and coverage, land consolidation. */
import {
  AddTaskNoteBody, CreateLandConsolidationBody, CreateTaskBody, CreateTrainingEventBody, IdParams, LandConsolidationList, LandConsolidationQuery, SetTrainingTargetBody,
  TaskList, TaskNotes, TaskQuery, TrainingCoverage, TrainingEventList, TrainingEventQuery,
} from '@dongxanh/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../http/context.ts';
import type { ProgrammeService } from './programme.service.ts';

const Created = z.object({ id: z.uuid() });
const tags = ['programme'];

export const programmeRoutes = ({ programme }: { programme: ProgrammeService }): FastifyPluginAsyncZod => async (app) => {
  app.get('/plans/:id/tasks', { schema: { tags, summary: 'The plan\'s tasks (lead agency, partners, expected result, deadline, status, latest progress note); ?overdue=true for the overdue ones', params: IdParams, querystring: TaskQuery, response: { 200: TaskList } } }, async (request) =>
    programme.listTasks(requireActor(request), request.params.id, request.query),
  );
  app.post('/plans/:id/tasks', { schema: { tags, summary: 'Add a task to the plan', params: IdParams, body: CreateTaskBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await programme.addTask(requireActor(request), request.params.id, request.body)),
  );
  app.get('/tasks/:id/notes', { schema: { tags, summary: 'A task\'s progress notes, newest first', params: IdParams, response: { 200: TaskNotes } } }, async (request) =>
    programme.notes(requireActor(request), request.params.id),
  );
  app.post('/tasks/:id/notes', { schema: { tags, summary: 'Record progress on a task and its status', params: IdParams, body: AddTaskNoteBody, response: { 204: z.null() } } }, async (request, reply) => {
    await programme.addNote(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });

  app.get('/training-events', { schema: { tags, summary: 'Training events in your unit', querystring: TrainingEventQuery, response: { 200: TrainingEventList } } }, async (request) =>
    programme.listTrainingEvents(requireActor(request), request.query),
  );
  app.post('/training-events', { schema: { tags, summary: 'Record a training event with its attendees by role', body: CreateTrainingEventBody, response: { 201: Created } } }, async (request, reply) =>
    reply.code(201).send(await programme.createTrainingEvent(requireActor(request), request.body)),
  );
  app.put('/plans/:id/training-targets', { schema: { tags, summary: 'How many people of a role the plan must train, and the target share', params: IdParams, body: SetTrainingTargetBody, response: { 204: z.null() } } }, async (request, reply) => {
    await programme.setTrainingTarget(requireActor(request), request.params.id, request.body);
    return reply.code(204).send(null);
  });
  app.get('/plans/:id/training-coverage', { schema: { tags, summary: 'Attendance by role against the plan\'s training targets', params: IdParams, response: { 200: TrainingCoverage } } }, async (request) =>
    programme.trainingCoverage(requireActor(request), request.params.id),
  );

  app.get('/land-consolidations', { schema: { tags, summary: 'Land consolidation records (lease, transfer, capital contribution) in your unit', querystring: LandConsolidationQuery, response: { 200: LandConsolidationList } } }, async (request) =>
    programme.listLandConsolidations(requireActor(request), request.query),
  );
  app.post('/land-consolidations', { schema: { tags, summary: 'Record a land consolidation; with plots, their PostGIS area is its area', body: CreateLandConsolidationBody, response: { 201: z.object({ id: z.uuid(), areaHa: z.number() }) } } }, async (request, reply) =>
    reply.code(201).send(await programme.createLandConsolidation(requireActor(request), request.body)),
  );
};
