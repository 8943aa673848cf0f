// The prototype's guide names both paths; Bolna agents configured for either keep working.
export { handleWebhook as POST } from "@/lib/webhook/handle-webhook";
