import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#libs/auth';
import { HealthService, type HealthReport } from '../health.service';
import { ProblemView } from '../http/openapi';

class DependencyStatusView {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ required: false }) error?: string;
}

class HealthView {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: DependencyStatusView }) database!: DependencyStatusView;
  @ApiProperty({ type: DependencyStatusView }) queue!: DependencyStatusView;
  @ApiProperty({ enum: ['postgres', 'redis'] }) queueBackend!: string;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: HealthView })
  @ApiServiceUnavailableResponse({
    type: ProblemView,
    description: 'Database or queue backend down; the body says which',
  })
  check(): Promise<HealthReport> {
    return this.health.check();
  }
}
