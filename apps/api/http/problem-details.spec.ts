import { BadRequestException, NotFoundException } from '@nestjs/common';
import {
  ConflictError,
  InvalidTransitionError,
  StaleVersionError,
  TooManyRequestsError,
  ValidationError,
} from '#libs/common';
import { PROBLEM_TYPE_BASE, toProblem } from './problem-details';

describe('problem details', () => {
  it('gives domain errors their own type, status and extension members', () => {
    const stale = toProblem(new StaleVersionError('Enterprise', 4));
    expect(stale).toMatchObject({
      status: 409,
      unexpected: false,
      body: { type: `${PROBLEM_TYPE_BASE}stale-version`, title: 'Conflict', status: 409, currentVersion: 4 },
    });
    expect(toProblem(new InvalidTransitionError('approve', 'draft')).body.type).toBe(
      `${PROBLEM_TYPE_BASE}invalid-transition`,
    );
    expect(toProblem(new ConflictError('duplicate-credit-code', 'taken')).body.detail).toBe('taken');
  });

  it('lists each refused field of a validation error', () => {
    const problem = toProblem(new ValidationError([{ field: 'creditCode', message: 'wrong check character' }]));
    expect(problem.status).toBe(400);
    expect(problem.body.errors).toEqual([{ field: 'creditCode', message: 'wrong check character' }]);
  });

  it('tells a throttled client when to come back', () => {
    expect(toProblem(new TooManyRequestsError('slow down', 42)).headers).toEqual({ 'retry-after': '42' });
  });

  it('maps framework exceptions and client errors raised by Fastify', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x')).body).toMatchObject({ status: 404, title: 'Not Found' });
    expect(toProblem(new BadRequestException(['a', 'b'])).body.detail).toBe('a; b');
    const tooLarge = Object.assign(new Error('Request body is too large'), { statusCode: 413 });
    expect(toProblem(tooLarge)).toMatchObject({ status: 413, unexpected: false });
  });

  it('hides the details of unexpected errors', () => {
    const problem = toProblem(new Error('connection string postgres://secret@db'));
    expect(problem).toMatchObject({ status: 500, unexpected: true });
    expect(JSON.stringify(problem.body)).not.toContain('secret');
  });
});
