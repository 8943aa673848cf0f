import { accepted, clear, family, movedTo, person, rejected } from "../corpus-case";

// One-word and one-turn answers. A short answer that says what the extraction says is an answer, not a doubt; a
// short answer that says nothing (a "hello?", a "hmm") or the opposite leaves the decision to a person.
export default family("short", [
  { name: "ill-be-there", call: { answers: ["Yes, I'll be there."], extraction: accepted() }, label: clear("confirmed") },
  { name: "yes", call: { answers: ["Yes."], extraction: accepted() }, label: clear("confirmed") },
  { name: "yeah-sure", call: { answers: ["Yeah, sure."], extraction: accepted() }, label: clear("confirmed") },
  { name: "ok", call: { answers: ["Okay."], extraction: accepted() }, label: clear("confirmed") },
  { name: "sure-ill-come", call: { answers: ["Sure, I'll come."], extraction: accepted() }, label: clear("confirmed") },
  { name: "fine", call: { answers: ["Fine, fine."], extraction: accepted() }, label: clear("confirmed") },
  { name: "yes-yes", call: { answers: ["Yes yes."], extraction: accepted(), seconds: 7 }, label: clear("confirmed") },
  { name: "haan", call: { answers: ["Haan."], extraction: accepted(), seconds: 4 }, label: clear("confirmed") },
  { name: "haan-ji", call: { answers: ["Haan ji."], extraction: accepted() }, label: clear("confirmed") },
  { name: "ji-sir", call: { answers: ["Ji sir."], extraction: accepted() }, label: clear("confirmed") },
  { name: "theek-hai", call: { answers: ["Theek hai."], extraction: accepted() }, label: clear("confirmed") },
  { name: "devanagari-haan", call: { answers: ["हाँ जी"], extraction: accepted() }, label: clear("confirmed") },
  { name: "tamil-sari", call: { answers: ["Sari sari."], extraction: accepted() }, label: clear("confirmed") },
  { name: "telugu-avunu", call: { answers: ["Avunu andi."], extraction: accepted() }, label: clear("confirmed") },
  {
    name: "retry-one-turn-yes",
    call: { answers: ["yes"], extraction: accepted(), retry: 1, seconds: 5 },
    label: clear("confirmed"),
  },
  {
    name: "retry-two-one-turn-ok",
    call: { answers: ["Ok, done."], extraction: accepted(), retry: 2 },
    label: clear("confirmed"),
  },
  {
    name: "one-turn-not-interested",
    call: { answers: ["No, I'm not interested."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "one-turn-took-another-job",
    call: { answers: ["I already took another job, sorry."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "one-turn-slot",
    call: { answers: ["Can we do Wednesday at 3 PM instead?"], extraction: movedTo("2031-03-05", "3:00 PM") },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  // A bare "no" or "I can't make it" to "can you attend?" does not say they are withdrawing: they may want another
  // time. A recruiter calls again.
  { name: "bare-no-rejected", call: { answers: ["No."], extraction: rejected() }, label: person("pending") },
  {
    name: "cant-make-it-rejected",
    call: { answers: ["I can't make it."], extraction: rejected() },
    label: person("pending"),
  },
  { name: "hello-accepted", call: { answers: ["Hello?"], extraction: accepted(), seconds: 6 }, label: person("pending") },
  { name: "hmm-accepted", call: { answers: ["Hmm."], extraction: accepted() }, label: person("pending") },
  { name: "who-is-this", call: { answers: ["Who is this?"], extraction: accepted() }, label: person("pending") },
  { name: "yes-rejected", call: { answers: ["Yes."], extraction: rejected() }, label: person("pending") },
  { name: "no-accepted", call: { answers: ["No."], extraction: accepted() }, label: person("pending") },
  {
    name: "yes-rescheduled-no-reason",
    call: { answers: ["Yes."], extraction: movedTo("2031-03-05", "3:00 PM") },
    label: person("pending"),
  },
  {
    name: "ill-call-back",
    call: { answers: ["I'm driving, I'll call you back."], extraction: accepted() },
    label: person("pending"),
  },
  {
    name: "two-words-two-turns",
    call: { answers: ["Hello?", "Yes okay."], extraction: accepted(), seconds: 9 },
    label: clear("confirmed"),
  },
]);
