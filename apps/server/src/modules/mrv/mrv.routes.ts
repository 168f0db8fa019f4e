/**
 * The calculator over HTTP: the same document and the same pure function as the CLI
 * (docs/mrv-calculation-contract.md). Invalid input is a 422 whose problem body carries the contract's
 * error document (`error`, `message`) beside the problem fields.
 */
import { listFactors, METHOD_VERSION, FACTOR_TABLE_VERSION, tryCalculate } from '@dongxanh/methodology';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendProblem } from '../../http/problem.ts';

export const mrvRoutes = (): FastifyPluginAsyncZod => async (app) => {
  app.post(
    '/mrv/calculate',
    {
      schema: {
        tags: ['mrv'],
        summary: 'Compute a scenario, a baseline/project comparison or a crediting document (calculation contract)',
        description: 'Body: a scenario (`area_ha`, `seasons`, …), a comparison (`baseline`, `project`) or a crediting document (`baseline`, `project`, `crediting`). 422 with `error: INVALID_INPUT` and a message naming the key on invalid input.',
        security: [],
        body: z.unknown(),
      },
    },
    async (request, reply) => {
      const outcome = tryCalculate(request.body);
      if (!outcome.ok) return sendProblem(reply, 422, 'invalid_input', outcome.error.message, { ...outcome.error, errors: [{ path: outcome.error.field, message: outcome.error.message }] });
      return outcome.result;
    },
  );

  app.get('/mrv/factors', { schema: { tags: ['mrv'], summary: 'The factor table with sources and ranges', security: [] } }, async () => ({
    methodVersion: METHOD_VERSION,
    factorTableVersion: FACTOR_TABLE_VERSION,
    factors: listFactors(),
  }));
};
