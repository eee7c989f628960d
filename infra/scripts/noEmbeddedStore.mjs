// Stands in for better-sqlite3 in Lambda bundles, where only the DynamoDB store runs.
export default function Database() {
  throw new Error('the embedded SQLite store is not available in this bundle');
}
