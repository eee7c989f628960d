import type { TemplateDefinedData } from '../events/templateEvents';
import type { Projection } from './projection';

export interface TemplateEntry extends TemplateDefinedData {
  version: number;
  definedAt: string;
}

export interface TemplateViewState {
  templates: Record<string, TemplateEntry>;
}

export const templateView: Projection<TemplateViewState> = {
  name: 'templates',
  initialState: () => ({ templates: {} }),
  evolve(state, event) {
    if (event.type === 'TemplateDefined') {
      state.templates[event.data.name] = { ...event.data, version: event.version, definedAt: event.recordedAt };
    }
    return state;
  },
};
