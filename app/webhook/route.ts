// The prototype's guide named this path; it is the same route handler as /api/webhook.
export { POST, GET, PUT, PATCH, DELETE, OPTIONS } from "@/app/api/webhook/route";
