// The Lambda tests share the adapters' DynamoDB Local setup (and its `dynamoEndpoint` typing).
export { default } from '../../adapters/test/globalSetup';
