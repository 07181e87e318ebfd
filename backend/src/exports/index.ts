export { ExportsModule } from './exports.module';
export type { ExportDefinition } from './export-definitions';
export { type ExportColumn, type ExportFormat, finnishDay, finnishInstant } from './export-writers';
export { FormatPipe } from './exports.controller';
export { ExportsService } from './exports.service';
