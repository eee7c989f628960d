/** Physical names carry the stage, so stages can share an account without colliding. */
export const physicalName = (stage: string, name: string): string => `sluice-${stage}-${name}`;
