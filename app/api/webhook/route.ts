export { handleWebhook as POST } from "@/lib/webhook/handle-webhook";
