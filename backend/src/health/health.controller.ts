import { Get, HttpException, HttpStatus } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Public } from '../auth';
import { ApiController } from '../http/routes';

export interface HealthDto {
  status: 'ok' | 'unavailable';
  database: 'up' | 'down';
}

const CHECK_TIMEOUT_MS = 2000;

@ApiController('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Public()
  async check(): Promise<HealthDto> {
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), CHECK_TIMEOUT_MS).unref()),
    ]);
    if (!up) {
      throw new HttpException(
        { status: 'unavailable', database: 'down' } satisfies HealthDto,
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return { status: 'ok', database: 'up' };
  }
}
