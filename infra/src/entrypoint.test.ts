import * as pulumi from '@pulumi/pulumi';
import * as settings from '@pulumi/pulumi/runtime/settings.js';
import { expect, it } from 'vitest';
import { ACCOUNT, REGION } from './testing/pulumiMocks';

it('runs the program entry point against the stack config Pulumi provides', async () => {
  const types: string[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        types.push(args.type);
        return {
          id: `${args.name}-id`,
          state: { ...args.inputs, arn: `arn:aws:mock:${REGION}:${ACCOUNT}:${args.name}` },
        };
      },
      call: (args) =>
        args.token === 'aws:index/getCallerIdentity:getCallerIdentity'
          ? { accountId: ACCOUNT }
          : args.token === 'aws:index/getRegion:getRegion'
            ? { region: REGION, name: REGION }
            : { partition: 'aws' },
    },
    'sluice',
    'prod',
  );
  pulumi.runtime.setAllConfig({
    'sluice:logRetentionDays': '90',
    'sluice:pools': '[]',
    'aws:region': REGION,
  });
  const program = await import('./index');
  await (settings as unknown as { waitForRPCs: () => Promise<void> }).waitForRPCs();
  expect(types.filter((type) => type === 'aws:lambda/function:Function')).toHaveLength(11);
  expect(types).not.toContain('aws:lambda/invocation:Invocation');
  expect(await new Promise((resolve) => program.eventStoreTableName.apply(resolve))).toBe(
    'sluice-prod-events',
  );
});
