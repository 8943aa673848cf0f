import { apiError } from "@/lib/http/api-error";

// Unknown API paths answer in the contract's JSON shape, never with Next's HTML 404 page.
const notFound = () => apiError("not_found", "There is no such API endpoint.");

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
