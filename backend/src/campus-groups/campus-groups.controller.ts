import { campusGroupListQuerySchema, createCampusGroupSchema, updateCampusGroupSchema } from '@tyoelama/shared';
import { CanRead, ResourceRoutes, Roles } from '../auth';
import { ApiController } from '../http/routes';
import { CampusGroupsService } from './campus-groups.service';

@ApiController('campus-groups')
export class CampusGroupsController extends ResourceRoutes(CampusGroupsService, {
  rights: { read: CanRead('campusGroups'), create: Roles('admin'), update: Roles('admin') },
  schemas: { list: campusGroupListQuerySchema, create: createCampusGroupSchema, update: updateCampusGroupSchema },
}) {}
