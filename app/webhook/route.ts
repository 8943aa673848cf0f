import { otherMethods } from "@/lib/http/other-methods";

// Callboard's own server answers these paths before Next (lib/webhook/webhook-endpoint.ts); see not-served-by-next.ts.
export { webhookNotServedByNext as POST } from "@/lib/webhook/not-served-by-next";
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
