import { accepted, clear, family, movedTo, person, rejected } from "../corpus-case";

// Written after the rules, in phrasings the rules were not written against, and kept as they were labelled: how
// the engine does on words it has not seen.
export default family("held-out", [
  {
    name: "swing-by",
    call: { answers: ["Yeah, hi.", "Yeah that's cool, I'll swing by at 11.", "Cheers."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "wouldnt-miss-it",
    call: { answers: ["Speaking.", "Absolutely, wouldn't miss it.", "Thanks, bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "have-to-decline",
    call: {
      answers: ["Yes.", "I'm afraid I have to decline, I got a counter offer from my current employer.", "Thank you."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "thursday-instead-of-monday",
    call: {
      transcript: `
        A: Hi, your interview is on Monday at 11 AM. Does that work for you?
        U: Can I come on Thursday instead of Monday?
        A: Thursday the 6th at 10 AM is open.
        U: Thursday 10 works.
        A: Done.`,
      extraction: movedTo("2031-03-06", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-06T04:30:00Z"),
  },
  {
    name: "not-looking-to-switch",
    call: { answers: ["Yeah?", "Nah, I'm good, not looking to switch right now.", "Bye."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "put-me-down",
    call: { answers: ["Hello.", "Hmm, Monday... yeah okay, put me down for it.", "Bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "oh-the-interview",
    call: {
      answers: ["Who's calling?", "Oh the interview, right, yes I remember. Sure, I'll attend.", "Thank you."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  { name: "one-word-definitely", call: { answers: ["Definitely."], extraction: accepted() }, label: clear("confirmed") },
  { name: "yes-please", call: { answers: ["Yes please."], extraction: accepted() }, label: clear("confirmed") },
  { name: "yep", call: { answers: ["Yep."], extraction: accepted(), seconds: 5 }, label: clear("confirmed") },
  {
    name: "not-interested-one-turn",
    call: { answers: ["Not interested."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "sister-answers",
    call: {
      answers: ["Hello, Ramesh's phone.", "He stepped out, I'm his sister.", "Okay, yes, I'll pass it on."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "front-desk-on-leave",
    call: {
      answers: ["Hello, reception.", "This phone is with the front desk, the person you want is on leave this week.", "Okay."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "hinglish-aa-raha-hoon",
    call: { answers: ["Haan bolo.", "Haan bhai, aa raha hoon Monday ko.", "Chal theek hai."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "hinglish-mann-nahi",
    call: { answers: ["Haan.", "Nahi yaar, mera mann nahi hai is job ke liye.", "Bye."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "hinglish-thursday-rakh-lo",
    call: {
      transcript: `
        A: Your interview is on Monday at 11 AM. Does that work?
        U: Monday ko nahi ho payega, Thursday rakh lo.
        A: Thursday the 6th at 10 AM?
        U: Haan, Thursday 10 baje.`,
      extraction: movedTo("2031-03-06", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-06T04:30:00Z"),
  },
  {
    name: "hinglish-bhaiya-bahar",
    call: {
      answers: ["Hello?", "Bhaiya bahar gaye hain, aap baad mein call kar lijiye.", "Okay."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "tamil-no-worries",
    call: { answers: ["Sollunga.", "Kandippa varuven madam, no worries.", "Thanks."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "telugu-job-vaddu",
    call: { answers: ["Cheppandi.", "Ledu andi, aa job naaku vaddu.", "Bye."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "devanagari-kahin-aur",
    call: {
      transcript: `
        A: नमस्ते, क्या यह दीपक हैं?
        U: हाँ।
        A: आपका इंटरव्यू सोमवार 11 बजे है। क्या आप आ पाएँगे?
        U: माफ़ कीजिए, मैं नहीं आ सकूँगा, मैंने कहीं और जॉइन कर लिया है।`,
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "operator-number-busy",
    call: {
      transcript: "A: Hello?\nU: Welcome to Airtel. The number you are trying to call is busy. Please call after some time.",
      extraction: accepted(),
      seconds: 9,
    },
    label: clear("no_answer"),
  },
  {
    name: "accepted-changed-mind-not-going",
    call: {
      answers: ["Yes.", "No, I've changed my mind, I'm not going to attend.", "Bye."],
      extraction: accepted(),
    },
    label: person("declined"),
  },
  {
    name: "rejected-of-course-coming",
    call: { answers: ["Yes?", "Of course I'm coming, why would I cancel?", "Okay."], extraction: rejected() },
    label: person("confirmed"),
  },
  {
    name: "words-only-sure-thing",
    call: { answers: ["Hi.", "Sure thing, I'll be there Monday.", "Bye."], extraction: null },
    label: person("confirmed"),
  },
  {
    name: "no-transcript-legacy-rescheduled",
    call: {
      transcript: null,
      extraction: { status: "Rescheduled", final_slot: { date: "2031-03-07", time: "10:00 AM" } },
      seconds: 52,
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "status-with-spaces",
    call: { answers: ["Yes.", "Fine, I'll come.", "Bye."], extraction: { status: " CONFIRMED " } },
    label: clear("confirmed"),
  },
  {
    name: "confirms-asks-address",
    call: { answers: ["Yes.", "I'll be there, but can you send me the address?", "Thanks."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "sorry-who-done",
    call: { answers: ["Sorry, who?", "Oh yes yes, Monday 11, done.", "Bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
]);
