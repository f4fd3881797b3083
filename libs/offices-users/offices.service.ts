import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { assertVersion, ConflictError, NotFoundError, type Page, type PageQueryDto } from '#libs/common';
import { translateUniqueViolation, pageNewestFirst } from '#libs/database';
import type { CreateOfficeDto, UpdateOfficeDto } from './dto/office.dto';
import { Office } from './office.entity';
import { OfficeView } from './views';

@Injectable()
export class OfficesService {
  constructor(
    @InjectRepository(Office) private readonly offices: Repository<Office>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(dto: CreateOfficeDto): Promise<Office> {
    return translateDuplicateCode(() => this.offices.save(this.offices.create(dto)));
  }

  list(page: PageQueryDto): Promise<Page<OfficeView>> {
    return pageNewestFirst(this.offices.createQueryBuilder('office'), page, OfficeView.of);
  }

  async get(id: string): Promise<Office> {
    const office = await this.offices.findOneBy({ id });
    if (office === null) throw new NotFoundError('Office');
    return office;
  }

  async exists(id: string): Promise<boolean> {
    return this.offices.existsBy({ id });
  }

  update(id: string, dto: UpdateOfficeDto): Promise<Office> {
    return translateDuplicateCode(() =>
      this.dataSource.transaction(async (manager) => {
        const office = await manager.findOne(Office, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (office === null) throw new NotFoundError('Office');
        assertVersion(office, dto.version, 'Office');
        const { version: _version, ...changes } = dto;
        return manager.save(Office, manager.merge(Office, office, changes));
      }),
    );
  }
}

function translateDuplicateCode<T>(work: () => Promise<T>): Promise<T> {
  return translateUniqueViolation(
    'offices_code_key',
    () => new ConflictError('duplicate-office-code', 'An office with this code already exists'),
    work,
  );
}
