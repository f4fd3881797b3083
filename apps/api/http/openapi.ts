import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  SwaggerModule,
} from '@nestjs/swagger';

export class FieldErrorView {
  @ApiProperty({ example: 'creditCode' }) field!: string;
  @ApiProperty({ example: 'creditCode has a wrong check character (18th character)' }) message!: string;
}

/** RFC 9457 problem details, as every error is returned. */
export class ProblemView {
  @ApiProperty({ example: 'https://ipr-case-management.example/problems/validation-failed' }) type!: string;
  @ApiProperty({ example: 'Bad Request' }) title!: string;
  @ApiProperty({ example: 400 }) status!: number;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ example: '/api/v1/enterprises' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldErrorView], description: 'Each refused field (validation problems)' })
  errors?: FieldErrorView[];
}

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'Invalid input; `errors` lists each field',
  401: 'Missing, invalid or ended access token',
  403: 'Your role may not do this',
  404: 'No such record (or not visible to you)',
  409: 'Conflict: duplicate, stale version or invalid transition',
  429: 'Too many attempts',
  503: 'A dependency is down',
};

/** Documents the problem responses a route can give. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ProblemView, content: undefined }),
    ),
  );
}

/** A route that needs an access token. */
export function ApiAuthenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(ApiBearerAuth(), ApiProblems(401));
}

export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('IPR assistance and enforcement case management')
      .setDescription(
        'Enterprises, assistance requests and administrative enforcement cases, with the annual targets of the ' +
          'Shenzhen IPR protection rules. Errors are RFC 9457 problem details (application/problem+json).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
