import { allViews, apiKeyView, type ApiKeyViewState, type Projection, type Views } from '@sluice/domain';

/** Every view the scheduler keeps, plus the API keys the API authenticates against. */
export interface ApiViews extends Views {
  apiKeys: ApiKeyViewState;
}

export const API_VIEWS_NAME = 'apiViews';

/** One projection, so a single pass over the feed (and one checkpoint) serves reads, auth and scheduling. */
export function apiViews(options: { halfLifeSeconds?: number } = {}): Projection<ApiViews> {
  const views = allViews(options);
  return {
    name: API_VIEWS_NAME,
    initialState: () => ({ ...views.initialState(), apiKeys: apiKeyView.initialState() }),
    evolve(state, event) {
      views.evolve(state, event);
      state.apiKeys = apiKeyView.evolve(state.apiKeys, event);
      return state;
    },
  };
}
