import { Module } from '@nestjs/common';
import { HistoryModule } from '#libs/history';
import { CaseworkChanges } from './casework-changes';

@Module({ imports: [HistoryModule], providers: [CaseworkChanges], exports: [CaseworkChanges, HistoryModule] })
export class CaseworkModule {}
