import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { EnterpriseSize, Industry } from './industry';

/** The city-wide registry of enterprises; readable by every role. */
@Entity('enterprises')
export class Enterprise {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'char', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar' })
  industry!: Industry;

  @Column({ type: 'varchar', nullable: true })
  size!: EnterpriseSize | null;

  @Column({ type: 'varchar', nullable: true })
  district!: string | null;

  @Column({ type: 'varchar', nullable: true })
  address!: string | null;

  @Column({ type: 'varchar', nullable: true })
  contactName!: string | null;

  @Column({ type: 'varchar', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'varchar', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
