import { otherMethods } from "@/lib/http/other-methods";

// The prototype's guide documented the singular path; integrations written against it keep working.
export { PUT } from "../../../candidates/[id]/status/route";

export const { GET, POST, PATCH, DELETE, OPTIONS } = otherMethods("PUT");
