import { type DynamicModule, Module } from '@nestjs/common';
import { AlertsModule, AlertsProcessor } from '#libs/alerts';
import { type Clock, ClockModule } from '#libs/common';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { NotificationsModule, NotificationsProcessor } from '#libs/notifications';
import { QueueModule } from '#libs/queue';
import { HeartbeatProcessor } from '#libs/system';
import { TargetsModule, TargetsProcessor } from '#libs/targets';

/** The worker application: queue processors and their job schedulers; no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        QueueModule.withProcessors(
          [HeartbeatProcessor, TargetsProcessor, AlertsProcessor, NotificationsProcessor],
          [TargetsModule, AlertsModule, NotificationsModule],
        ),
      ],
    };
  }
}
