import { askingNotToBeCalled, family, person } from "../corpus-case";

// "Stop calling me", in each language Callboard speaks (English, Hindi in Latin letters and in Devanagari): the
// candidate is marked do-not-call whatever the interview outcome, and that outcome is a person's to decide (it
// says nothing about the interview). A condition ("not at work"), a negation ("don't stop calling") or the agent's
// own promise not to call again marks nobody.
export default family("stop-calling", [
  {
    name: "english-plain",
    call: { answers: ["Yes.", "Please stop calling me.", "Bye."], extraction: null },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "english-again",
    call: { answers: ["Hello?", "Don't call me again, I am not looking for a job.", "Bye."], extraction: null },
    label: askingNotToBeCalled(person("declined")),
  },
  {
    name: "english-list",
    call: { answers: ["Who is this?", "Take me off your list, please.", "Okay."], extraction: null },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "hinglish",
    call: { answers: ["Haan?", "Mujhe call mat karo please.", "Bye."], extraction: null },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "devanagari",
    call: { answers: ["हाँ?", "कृपया मुझे दोबारा कॉल मत कीजिए।", "धन्यवाद।"], extraction: null },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "devanagari-band",
    call: { answers: ["हाँ बोलिए।", "ये कॉल करना बंद करो।", "ठीक है।"], extraction: null },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "extraction-says-so",
    call: {
      answers: ["Yes.", "I don't want these calls.", "Bye."],
      extraction: { call_outcome: "DO_NOT_CALL", notes: "Asked not to be called again." },
    },
    label: askingNotToBeCalled(person("pending")),
  },
  {
    name: "not-at-work",
    call: {
      answers: ["Yes, this is Rahul.", "Don't call me at work, call after six. Monday works for me.", "Bye."],
      extraction: null,
    },
    label: person("confirmed"),
  },
  {
    name: "dont-stop",
    call: {
      answers: ["Yes.", "Please don't stop calling, I want this job. That time works for me.", "Thanks."],
      extraction: null,
    },
    label: person("confirmed"),
  },
]);
