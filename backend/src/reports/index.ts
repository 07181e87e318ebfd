export { ReportsModule } from './reports.module';
export { foldReportCounts, reportCountsSql } from './report-counts';
