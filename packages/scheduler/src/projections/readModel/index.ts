export { apiViews, API_VIEWS_NAME, type ApiViews } from './apiViews';
export { loadOnly } from './loadOnlyCheckpoints';
export { ProjectionReadModel, type ProjectionReadModelOptions } from './projectionReadModel';
export type { ReadModel } from './readModel';
