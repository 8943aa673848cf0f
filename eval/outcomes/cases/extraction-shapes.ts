import { accepted, clear, disposition, family, person, rejected } from "../corpus-case";

// What agents put in `extracted_data`: the prototype's call_outcome, older agents' free-form keys, a JSON string
// instead of an object, Bolna's dispositions with their own confidence (reference §7), and calls that come with
// an extraction but no transcript — the prototype applied those, and so does Callboard.
export default family("extraction", [
  {
    name: "guide-example-status-confirmed",
    call: { guideShape: true, transcript: null, extraction: { status: "confirmed" } },
    label: clear("confirmed"),
  },
  {
    name: "guide-example-with-user-interested",
    call: { guideShape: true, transcript: null, extraction: { status: "confirmed", user_interested: true } },
    label: clear("confirmed"),
  },
  {
    name: "no-transcript-accepted",
    call: { transcript: null, extraction: accepted(), seconds: 64 },
    label: clear("confirmed"),
  },
  {
    name: "no-transcript-rejected",
    call: { transcript: null, extraction: rejected(), seconds: 48 },
    label: clear("declined"),
  },
  {
    name: "no-transcript-status-declined",
    call: { transcript: null, extraction: { status: "declined" }, seconds: 30 },
    label: clear("declined"),
  },
  {
    name: "legacy-user-interested-false",
    call: {
      answers: ["Yes, this is Manoj.", "No, I'm not interested in this role anymore.", "Bye."],
      extraction: { user_interested: false, callback_user: false },
    },
    label: clear("declined"),
  },
  {
    name: "legacy-user-interested-false-no-transcript",
    call: { transcript: null, extraction: { user_interested: false }, seconds: 35 },
    label: clear("declined"),
  },
  {
    name: "legacy-user-interested-true",
    call: {
      answers: ["Yes.", "Yes, the time works, I'll come.", "Thanks."],
      extraction: { user_interested: true, callback_user: false },
    },
    label: clear("confirmed"),
  },
  {
    name: "legacy-status-not-interested",
    call: {
      answers: ["Speaking.", "I'm not interested, thank you.", "Bye."],
      extraction: { status: "Not Interested" },
    },
    label: clear("declined"),
  },
  {
    name: "legacy-callback-user",
    call: {
      answers: ["Hello?", "I'm in a meeting, can you call me back in the evening?", "Okay."],
      extraction: { user_interested: null, callback_user: true },
    },
    label: person("pending"),
  },
  {
    name: "json-string-accepted",
    call: {
      answers: ["Yes.", "Yes, Monday at 11 is fine.", "Thank you."],
      extraction: JSON.stringify(accepted()),
    },
    label: clear("confirmed"),
  },
  {
    name: "json-string-rejected",
    call: {
      answers: ["Yes.", "Sorry, I've taken up another offer, I won't be joining. Please cancel.", "Bye."],
      extraction: JSON.stringify(rejected()),
    },
    label: clear("declined"),
  },
  {
    name: "json-string-legacy",
    call: { transcript: null, extraction: JSON.stringify({ status: "confirmed" }), seconds: 40 },
    label: clear("confirmed"),
  },
  {
    name: "json-string-broken",
    call: { answers: ["Yes.", "Yes, I'll be there.", "Bye."], extraction: '{"call_outcome": "ACCEPTED"' },
    label: person("confirmed"),
  },
  {
    name: "unknown-call-outcome",
    call: { answers: ["Hello.", "Let me think about it and get back to you.", "Bye."], extraction: { call_outcome: "MAYBE" } },
    label: person("pending"),
  },
  {
    name: "null-call-outcome",
    call: { answers: ["Yes.", "Yes, I'll be there on Monday.", "Bye."], extraction: { call_outcome: null, notes: "" } },
    label: person("confirmed"),
  },
  {
    name: "lowercase-accepted",
    call: { answers: ["Yes.", "Sure, that's fine.", "Bye."], extraction: { call_outcome: "accepted" } },
    label: clear("confirmed"),
  },
  {
    name: "disposition-high",
    call: {
      answers: ["Yes, this is Rahul.", "Yes, that works for me.", "Thank you."],
      extraction: disposition("ACCEPTED", { confidence: 0.94, confidence_label: "high", reasoning: "Said it works." }),
    },
    label: clear("confirmed"),
  },
  {
    name: "disposition-percentage",
    call: {
      answers: ["Yes.", "I'll be there, thanks.", "Bye."],
      extraction: disposition("ACCEPTED", { confidence: 88 }),
    },
    label: clear("confirmed"),
  },
  {
    name: "disposition-label-high",
    call: {
      answers: ["Yes.", "Okay, Monday is fine.", "Bye."],
      extraction: disposition("Accepted", { confidence_label: "high" }),
    },
    label: clear("confirmed"),
  },
  {
    name: "disposition-no-confidence",
    call: { answers: ["Yes.", "Yes, I will attend.", "Bye."], extraction: disposition("ACCEPTED") },
    label: clear("confirmed"),
  },
  {
    name: "disposition-low",
    call: {
      answers: ["Hmm, yes?", "Okay, maybe, I'll see.", "Bye."],
      extraction: disposition("ACCEPTED", { confidence: 0.41, confidence_label: "low", reasoning: "Vague answer." }),
    },
    label: person("pending"),
  },
  {
    name: "disposition-medium",
    call: {
      answers: ["Yes.", "I think I can come, most probably.", "Bye."],
      extraction: disposition("ACCEPTED", { confidence: 0.62, confidence_label: "medium" }),
    },
    label: person("confirmed"),
  },
  {
    name: "disposition-label-low",
    call: {
      answers: ["Yes.", "Let's see, I'll try.", "Bye."],
      extraction: disposition("ACCEPTED", { confidence_label: "low" }),
    },
    label: person("pending"),
  },
  {
    name: "disposition-decline-high",
    call: {
      answers: ["Yes.", "No, I don't want to continue with this application.", "Bye."],
      extraction: disposition("REJECTED", { confidence: 0.93, confidence_label: "high" }),
    },
    label: clear("declined"),
  },
  {
    name: "disposition-decline-medium",
    call: {
      answers: ["Yes.", "I don't think I'll come, maybe not.", "Bye."],
      extraction: disposition("REJECTED", { confidence: 0.74, confidence_label: "medium" }),
    },
    label: person("declined"),
  },
  {
    name: "disposition-string-confidence",
    call: {
      answers: ["Yes.", "Yes, I will come.", "Bye."],
      extraction: disposition("ACCEPTED", { confidence: "0.9" }),
    },
    label: clear("confirmed"),
  },
  {
    name: "call-outcome-beats-disposition",
    call: {
      answers: ["Yes.", "Yes, Monday works.", "Thanks."],
      extraction: { ...accepted(), ...disposition("REJECTED", { confidence: 0.99 }) },
    },
    label: clear("confirmed"),
  },
  {
    name: "empty-extraction-object",
    call: { answers: ["Yes.", "Yes, I'll come on Monday.", "Bye."], extraction: {} },
    label: person("confirmed"),
  },
  {
    name: "no-transcript-no-seconds-no-extraction",
    call: { guideShape: true, transcript: null, extraction: null },
    label: clear("pending"),
  },
]);
