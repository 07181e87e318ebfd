export { WorkplaceLearningModule } from './workplace-learning.module';
export { WorkplaceLearningService } from './workplace-learning.service';
export { feedbackSurveysTable, workplaceLearningPeriodsTable } from './workplace-learning.table';
