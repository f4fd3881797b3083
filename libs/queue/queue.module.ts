import { type DynamicModule, Global, Module, type ModuleMetadata, type Type } from '@nestjs/common';
import { QueueFactory } from './queue-factory';
import type { QueueProcessor } from './queue-processor';
import { QUEUE_PROCESSORS, WorkerHost } from './worker-host';

/** Producers: inject {@link QueueFactory} anywhere. */
@Global()
@Module({ providers: [QueueFactory], exports: [QueueFactory] })
export class QueueModule {
  /**
   * Consumers: runs the given processors (used by the worker app only); `imports` are the
   * modules whose providers they inject.
   */
  static withProcessors(
    processors: Type<QueueProcessor>[],
    imports: NonNullable<ModuleMetadata['imports']> = [],
  ): DynamicModule {
    return {
      module: QueueModule,
      imports,
      providers: [
        QueueFactory,
        ...processors,
        { provide: QUEUE_PROCESSORS, useFactory: (...instances: QueueProcessor[]) => instances, inject: processors },
        WorkerHost,
      ],
      exports: [QueueFactory],
    };
  }
}
