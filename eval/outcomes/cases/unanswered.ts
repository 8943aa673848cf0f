import { accepted, clear, family, person } from "../corpus-case";

// Completed calls in which nobody spoke, and calls that never connected: Bolna's own status decides, whatever an
// extraction says. A conversation of some length in which the candidate said nothing is for a person.
export default family("unanswered", [
  { name: "no-answer", call: { status: "no-answer", transcript: null, extraction: null, seconds: 0 }, label: clear("no_answer") },
  {
    name: "no-answer-retry",
    call: { status: "no-answer", transcript: null, extraction: null, seconds: 0, retry: 2 },
    label: clear("no_answer"),
  },
  { name: "busy", call: { status: "busy", transcript: null, extraction: null, seconds: 0 }, label: clear("pending") },
  { name: "failed", call: { status: "failed", transcript: null, extraction: null, seconds: 0 }, label: clear("pending") },
  {
    name: "completed-zero-seconds",
    call: { transcript: null, extraction: null, seconds: 0, hangupBy: "Callee", hangupReason: "Call recipient hungup" },
    label: clear("pending"),
  },
  {
    name: "completed-zero-seconds-hallucinated-extraction",
    call: { transcript: "", extraction: accepted(), seconds: 0 },
    label: clear("pending"),
  },
  {
    name: "completed-zero-seconds-agent-only",
    call: { transcript: "A: Hello? Hello, am I audible?", extraction: null, seconds: 0 },
    label: clear("pending"),
  },
  {
    name: "silent-line-agent-only",
    call: {
      transcript: `
        A: Hello, this is Ava from Dharwin. Am I speaking with Rahul?
        A: Hello? Can you hear me?
        A: I'm unable to hear you. I will call back later. Goodbye.`,
      extraction: accepted(),
      seconds: 21,
    },
    label: person("pending"),
  },
  {
    name: "silent-line-no-extraction",
    call: { transcript: "A: Hello?\nA: Hello, can you hear me?\nA: Goodbye.", extraction: null, seconds: 15 },
    label: person("pending"),
  },
  {
    name: "dropped-after-hello",
    call: {
      transcript: "A: Hello, this is Ava from Dharwin. Am I speaking with Sunita?\nU: Hello? Hello? Aawaz nahi aa rahi.",
      extraction: null,
      seconds: 11,
    },
    label: person("pending"),
  },
]);
