import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '#libs/notifications';
import { Alert } from './alert.entity';
import { AlertNotifications } from './alert-notifications';
import { AlertsService } from './alerts.service';
import { DeadlineAlertsService } from './deadline-alerts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Alert]), NotificationsModule],
  providers: [AlertNotifications, AlertsService, DeadlineAlertsService],
  exports: [AlertsService, DeadlineAlertsService],
})
export class AlertsModule {}
