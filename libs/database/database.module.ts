import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '#libs/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/**
 * The application's TypeORM connection. Entities register themselves through
 * `TypeOrmModule.forFeature` in their own context; the schema comes only from migrations.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (config.databaseUrl === undefined) {
          throw new Error('DATABASE_URL must be resolved (embedded PostgreSQL started) before the module starts');
        }
        return {
          type: 'postgres' as const,
          url: config.databaseUrl,
          namingStrategy: new SnakeNamingStrategy(),
          autoLoadEntities: true,
          synchronize: false,
          migrationsRun: false,
          logging: false,
          extra: { max: 10 },
        };
      },
    }),
  ],
})
export class DatabaseModule {}
