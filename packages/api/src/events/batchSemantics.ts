/** The contract of `POST /v1/events`, stated once for the OpenAPI document and the README. */
export const BATCH_SEMANTICS = `**Event batches (POST /v1/events)** are validated whole and applied per item.
A batch (1-100 events) with any malformed item is rejected as a whole with 400 and field paths such as
\`events.3.data.jobId\`; nothing of it is appended. A well-formed batch is then applied item by item, in order:
each item is its own atomic append (a job's end and the release of its pool capacity go together), and
each gets its own status in the answer: 201 recorded, 200 already recorded (same \`eventId\` sent again),
404 unknown job or unregistered pool, 409 not allowed in the job's current state. Nothing is appended for
a refused item, and a refused item does not stop the ones after it. The answer is 200 when every item was
recorded or already recorded, and 207 (multi-status) otherwise.`;
