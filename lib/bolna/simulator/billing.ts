/** How far a call's bill has got: nothing before it connects, the conversation at hang-up, everything after. */
export type BillingStage = "none" | "talked" | "processed";

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

const openai = (model: string, input: number, output: number) => ({
  input,
  model,
  output,
  provider: "openai",
  provider_connected: false,
});

/**
 * `usage_breakdown`, `cost_breakdown` and `total_cost` in the shape of Bolna's bodies. The rates are plausible,
 * not Bolna's price list; what matters is that the parts add up and that post-call work (extraction, summary,
 * network, platform fee) appears only once the call is processed, as it does in real bodies.
 */
export function billing(seconds: number, synthesizerCharacters: number, stage: BillingStage) {
  const talked = stage !== "none";
  const processed = stage === "processed";
  const tokensIn = talked ? Math.round(seconds * 57) : 0;
  const tokensOut = talked ? Math.round(seconds * 2.2) : 0;
  const conversationLlm = round(tokensIn * 0.00004 + tokensOut * 0.0001, 3);
  const extractionLlm = processed ? 0.006 : 0;
  const summaryLlm = processed ? 0.005 : 0;
  const llm = round(conversationLlm + extractionLlm + summaryLlm, 3);
  const synthesizer = round(synthesizerCharacters * 0.0069, 2);
  const transcriber = round(seconds * 0.0275, 2);
  const network = processed ? round(seconds * 0.096, 1) : 0;
  const platform = processed ? 4 : 0;
  return {
    total_cost: round(llm + synthesizer + transcriber + network + platform, 2),
    usage_breakdown: {
      llmModel: {
        "gpt-4.1-mini": { input: tokensIn, output: tokensOut },
        ...(processed ? { "gpt-4o-mini": { input: 612, output: 148 } } : {}),
      },
      llmTokens: 0,
      synthesizer_model: "eleven_turbo_v2_5",
      transcriber_model: "nova-2",
      llm_usage_breakdown: {
        hangup: null,
        analytics: null,
        extraction: processed ? openai("gpt-4o-mini", 612, 96) : null,
        conversation: openai("gpt-4.1-mini", tokensIn, tokensOut),
        summarization: processed ? openai("gpt-4o-mini", 612, 52) : null,
      },
      synthesizer_provider: "elevenlabs",
      transcriber_duration: talked ? round(seconds - 0.08, 2) : 0,
      transcriber_provider: "deepgram",
      synthesizer_characters: synthesizerCharacters,
    },
    cost_breakdown: {
      llm,
      network,
      platform,
      synthesizer,
      transcriber,
      llm_breakdown: {
        hangup: 0,
        analytics: 0,
        extraction: extractionLlm,
        conversation: conversationLlm,
        summarization: summaryLlm,
      },
      synthesizer_breakdown: { conversation: synthesizer, welcome_message: 0 },
      transcriber_breakdown: { analytics: 0, conversation: transcriber },
    },
  };
}
