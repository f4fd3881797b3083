/** A field-level reason a request was refused. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/**
 * Errors that services throw and one HTTP filter turns into RFC 9457 problem details.
 * `type` is the stable, documented slug of the problem (e.g. `stale-version`).
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  /** Extension members added to the problem document. */
  readonly extensions: Readonly<Record<string, unknown>> = {};
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Not Found';
  constructor(resource: string) {
    super(`${resource} was not found`);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Forbidden';
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly type = 'unauthorized';
  readonly title = 'Unauthorized';
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
  constructor(
    readonly type: string,
    detail: string,
  ) {
    super(detail);
  }
}

export class StaleVersionError extends ConflictError {
  override readonly extensions: Readonly<Record<string, unknown>>;
  constructor(resource: string, currentVersion: number) {
    super('stale-version', `${resource} was changed by someone else; reload it (current version ${currentVersion})`);
    this.extensions = { currentVersion };
  }
}

export class InvalidTransitionError extends ConflictError {
  constructor(action: string, status: string) {
    super('invalid-transition', `Action "${action}" is not allowed while the record is ${status}`);
  }
}

export class ValidationError extends DomainError {
  readonly status = 400;
  readonly type = 'validation-failed';
  readonly title = 'Bad Request';
  override readonly extensions: Readonly<Record<string, unknown>>;
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((error) => `${error.field}: ${error.message}`).join('; '));
    this.extensions = { errors };
  }

  static of(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }]);
  }
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly type = 'too-many-requests';
  readonly title = 'Too Many Requests';
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(detail);
  }
}
