/**
 * Every error code Callboard answers with, and its HTTP status: route handlers, server actions and the webhook
 * all read the status from here, so a code never means two statuses. docs/api.md lists them for clients.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_payload: 400,
  invalid_encoding: 400,
  unauthorized: 401,
  invalid_secret: 401,
  bolna_insufficient_balance: 402,
  forbidden: 403,
  forbidden_origin: 403,
  forbidden_ip: 403,
  not_found: 404,
  bolna_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_resolved: 409,
  capacity_below_bookings: 409,
  linked_elsewhere: 409,
  batch_not_running: 409,
  call_in_progress: 409,
  last_admin: 409,
  slot_booked: 409,
  slot_full: 409,
  interview_passed: 409,
  call_not_stuck: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  invalid_csv: 422,
  delivery_unreadable: 422,
  bolna_invalid_number: 422,
  rate_limited: 429,
  internal_error: 500,
  bolna_error: 502,
  storage_unavailable: 503,
  webhook_unavailable: 503,
  bolna_unavailable: 503,
  bolna_not_configured: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
