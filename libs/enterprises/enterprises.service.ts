import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { assertVersion, ConflictError, NotFoundError, type Page } from '#libs/common';
import { escapeLike, translateUniqueViolation, pageNewestFirst } from '#libs/database';
import type { CreateEnterpriseDto, ListEnterprisesQueryDto, UpdateEnterpriseDto } from './dto/enterprise.dto';
import { Enterprise } from './enterprise.entity';
import { EnterpriseView } from './views';

@Injectable()
export class EnterprisesService {
  constructor(
    @InjectRepository(Enterprise) private readonly enterprises: Repository<Enterprise>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  create(createdById: string, dto: CreateEnterpriseDto): Promise<Enterprise> {
    return translateDuplicateCode(() => this.enterprises.save(this.enterprises.create({ ...dto, createdById })));
  }

  list(query: ListEnterprisesQueryDto): Promise<Page<EnterpriseView>> {
    const enterprises = this.enterprises.createQueryBuilder('enterprise');
    if (query.industry !== undefined)
      enterprises.andWhere('enterprise.industry = :industry', { industry: query.industry });
    if (query.size !== undefined) enterprises.andWhere('enterprise.size = :size', { size: query.size });
    if (query.district !== undefined)
      enterprises.andWhere('enterprise.district = :district', { district: query.district });
    if (query.q !== undefined) {
      const text = escapeLike(query.q);
      enterprises.andWhere('(enterprise.name ILIKE :contains OR enterprise.credit_code LIKE :prefix)', {
        contains: `%${text}%`,
        prefix: `${text.toUpperCase()}%`,
      });
    }
    return pageNewestFirst(enterprises, query, EnterpriseView.of);
  }

  async get(id: string): Promise<Enterprise> {
    const enterprise = await this.enterprises.findOneBy({ id });
    if (enterprise === null) throw new NotFoundError('Enterprise');
    return enterprise;
  }

  update(id: string, dto: UpdateEnterpriseDto): Promise<Enterprise> {
    return translateDuplicateCode(() =>
      this.dataSource.transaction(async (manager) => {
        const enterprise = await manager.findOne(Enterprise, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (enterprise === null) throw new NotFoundError('Enterprise');
        assertVersion(enterprise, dto.version, 'Enterprise');
        const { version: _version, ...changes } = dto;
        return manager.save(Enterprise, manager.merge(Enterprise, enterprise, changes));
      }),
    );
  }
}

function translateDuplicateCode<T>(work: () => Promise<T>): Promise<T> {
  return translateUniqueViolation(
    'enterprises_credit_code_key',
    () => new ConflictError('duplicate-credit-code', 'An enterprise with this credit code is already registered'),
    work,
  );
}
