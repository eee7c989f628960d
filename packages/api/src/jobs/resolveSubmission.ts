import { DEFAULT_CLASSES, type JobSubmittedData, type TemplateEntry } from '@sluice/domain';
import { fail, type FieldError } from '../http/problem';
import { fieldErrorsOf } from '../http/zodErrors';
import type { ApiViews } from '@sluice/scheduler';
import { directSubmissionSchema, type JobSubmissionBody } from '../schemas/jobSchemas';

/**
 * Turns a validated request into the JobSubmitted payload: fills a template in, and looks the
 * priority value up in the policy's classes. A template's fields are copied now, so redefining
 * the template later never changes this job.
 */
export function resolveSubmission(body: JobSubmissionBody, views: ApiViews, jobId: string): JobSubmittedData {
  const { eventId: _eventId, waitForPools: _waitForPools, ...fields } =
    'template' in body ? fromTemplate(body, views) : body;
  const classes = views.policy.classes ?? DEFAULT_CLASSES;
  const priority = classes[fields.priorityClass];
  if (priority === undefined) {
    const field =
      'template' in body && body.overrides.priorityClass === undefined ? 'template' : 'priorityClass';
    fail('validation', `unknown priority class ${fields.priorityClass}`, [
      {
        field,
        reason: `unknown priority class ${fields.priorityClass}; the policy knows ${Object.keys(classes).join(', ')}`,
      },
    ]);
  }
  return { ...fields, jobId, priority, ...('template' in body ? { template: body.template } : {}) };
}

function fromTemplate(body: Extract<JobSubmissionBody, { template: string }>, views: ApiViews) {
  const template: TemplateEntry | undefined = views.templates.templates[body.template];
  if (!template)
    fail('validation', `no template named ${body.template}`, [
      { field: 'template', reason: 'no such template' },
    ]);
  const {
    name: _name,
    version: _version,
    definedAt: _definedAt,
    description: _description,
    ...defaults
  } = template;
  const merged = {
    ...defaults,
    ...body.overrides,
    spec: { ...defaults.spec, ...body.overrides.spec },
    ...(body.eventId ? { eventId: body.eventId } : {}),
  };
  const parsed = directSubmissionSchema.safeParse(merged);
  if (!parsed.success) {
    const errors: FieldError[] = fieldErrorsOf(parsed.error, 'overrides');
    fail('validation', `template ${body.template} with these overrides is not a complete job`, errors);
  }
  return parsed.data;
}
