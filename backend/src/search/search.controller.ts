import { Get } from '@nestjs/common';
import { type SearchResultDto, searchQuerySchema } from '@tyoelama/shared';
import type { z } from 'zod/mini';
import type { AuthUser } from '../auth';
import { CanRead, CurrentUser } from '../auth';
import { ApiController } from '../http/routes';
import { ValidQuery } from '../http/validation';
import { SearchService } from './search.service';

@ApiController('search')
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
