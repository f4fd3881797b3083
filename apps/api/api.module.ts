import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AlertsModule } from '#libs/alerts';
import { AssistanceModule } from '#libs/assistance';
import { AuthModule, JwtAuthGuard, RolesGuard } from '#libs/auth';
import { CalendarModule } from '#libs/calendar';
import { type Clock, ClockModule } from '#libs/common';
import { AppConfig, ConfigModule } from '#libs/config';
import { DatabaseModule } from '#libs/database';
import { EnforcementModule } from '#libs/enforcement';
import { EnterprisesModule } from '#libs/enterprises';
import { NotificationsModule } from '#libs/notifications';
import { OfficesUsersModule } from '#libs/offices-users';
import { QueueModule } from '#libs/queue';
import { StatsModule } from '#libs/stats';
import { TargetsModule } from '#libs/targets';
import { AlertsController } from './controllers/alerts.controller';
import { AssistanceRequestsController } from './controllers/assistance-requests.controller';
import { AuthController } from './controllers/auth.controller';
import { CalendarController } from './controllers/calendar.controller';
import { EnforcementCasesController } from './controllers/enforcement-cases.controller';
import { EnterprisesController } from './controllers/enterprises.controller';
import { HealthController } from './controllers/health.controller';
import { OfficesController } from './controllers/offices.controller';
import { StatsController } from './controllers/stats.controller';
import { QueueDashboardController } from './controllers/queue-dashboard.controller';
import { TargetsController } from './controllers/targets.controller';
import { UsersController } from './controllers/users.controller';
import { WebhooksController } from './controllers/webhooks.controller';
import { HealthService } from './health.service';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { InitialAdmin } from './initial-admin';

/** The HTTP application: controllers over the bounded contexts in libs/. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        QueueModule,
        AuthModule,
        OfficesUsersModule,
        EnterprisesModule,
        AssistanceModule,
        CalendarModule,
        EnforcementModule,
        StatsModule,
        NotificationsModule,
        AlertsModule,
        TargetsModule,
      ],
      controllers: [
        AuthController,
        OfficesController,
        UsersController,
        EnterprisesController,
        AssistanceRequestsController,
        CalendarController,
        EnforcementCasesController,
        StatsController,
        WebhooksController,
        TargetsController,
        AlertsController,
        QueueDashboardController,
        HealthController,
      ],
      providers: [
        HealthService,
        InitialAdmin,
        { provide: APP_GUARD, useExisting: JwtAuthGuard },
        { provide: APP_GUARD, useExisting: RolesGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
