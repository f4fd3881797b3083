import { type DynamicModule, Module } from '@nestjs/common';
import { ClockModule } from '#libs/common';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { QueueModule } from '#libs/queue';
import { HeartbeatProcessor } from '#libs/system';

/** The worker application: queue processors and their job schedulers; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        QueueModule.withProcessors([HeartbeatProcessor]),
      ],
    };
  }
}
