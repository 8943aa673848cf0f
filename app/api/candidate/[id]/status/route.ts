// The prototype's guide documented the singular path; integrations written against it keep working.
export { PUT } from "../../../candidates/[id]/status/route";
