import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type SearchResultDto, searchQuerySchema } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { ValidQuery } from '../http/validation';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @CanRead('employers')
  search(
    @CurrentUser() caller: AuthUser,
    @ValidQuery(searchQuerySchema) query: z.output<typeof searchQuerySchema>,
  ): Promise<SearchResultDto> {
    return this.searchService.search(caller, query);
  }
}
