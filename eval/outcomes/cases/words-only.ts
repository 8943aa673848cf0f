import { family, person } from "../corpus-case";

// The candidate spoke but the agent's analysis is missing (no extraction: post-processing failed, or an agent
// without one). Callboard reads the candidate's words and proposes what they say; a person approves it, since
// nothing the candidate will receive (a confirmation, a cancellation) may rest on a phrase match alone.
export default family("words-only", [
  {
    name: "works-for-me",
    call: { answers: ["Yes, this is Rahul.", "Yes, that works for me.", "Thank you."], extraction: null },
    label: person("confirmed"),
  },
  {
    name: "ill-be-there",
    call: { answers: ["Yes.", "Sure, I'll be there on Monday.", "Bye."], extraction: null },
    label: person("confirmed"),
  },
  {
    name: "declines",
    call: {
      answers: ["Hello.", "Sorry, I accepted another offer, I am not interested any more.", "Bye."],
      extraction: null,
    },
    label: person("declined"),
  },
  {
    name: "asks-another-day",
    call: { answers: ["Yes.", "I have a conflict on Monday. Could we do a different day?", "Okay."], extraction: null },
    label: person("rescheduled"),
  },
  {
    name: "think-about-it",
    call: { answers: ["Yes.", "Let me think about it and I'll get back to you.", "Bye."], extraction: null },
    label: person("pending"),
  },
  {
    name: "hesitant",
    call: { answers: ["Yes?", "I don't think that works, I'm not sure.", "Okay."], extraction: null },
    label: person("pending"),
  },
  {
    name: "call-later",
    call: { answers: ["Hello?", "I'm in a meeting, please call me later.", "Bye."], extraction: null },
    label: person("pending"),
  },
  {
    name: "one-word-yes",
    call: { answers: ["Yes."], extraction: null },
    label: person("pending"),
  },
  {
    name: "only-pleasantries",
    call: { answers: ["Hello, good morning.", "Yes, tell me.", "Okay, thank you."], extraction: null },
    label: person("pending"),
  },
  {
    name: "agent-says-confirmed",
    call: {
      transcript: `
        A: Your interview is confirmed for Monday at 11. I'll be there to help. That works for me. See you then!
        U: Hmm.
        A: Great, I confirm your interview.`,
      extraction: null,
    },
    label: person("pending"),
  },
  {
    name: "no-transcript-but-seconds",
    call: { transcript: null, extraction: null, seconds: 42 },
    label: person("pending"),
  },
]);
