import { accepted, clear, family, movedTo, person, rejected } from "../corpus-case";

// The extraction and the candidate's own words disagree, in both directions: the agent's post-call analysis is
// an LLM reading the same words, and it is sometimes wrong. A person decides; the label is what the words mean.
// The last cases only look like contradictions.
export default family("contradictions", [
  {
    name: "rejected-but-definitely-come",
    call: {
      answers: ["Yes, this is Arun.", "Yes, I will definitely come, see you on Sunday.", "Thank you."],
      extraction: rejected("Candidate declined."),
    },
    label: person("confirmed"),
  },
  {
    name: "rejected-but-works-for-me",
    call: {
      answers: ["Yes.", "Yes, that works for me. I'll be there at 11.", "No, that's all."],
      extraction: rejected(),
    },
    label: person("confirmed"),
  },
  {
    name: "rejected-but-asks-another-day",
    call: {
      answers: ["Yes, speaking.", "Monday is difficult. Can we do another day, maybe Thursday?", "Okay, let me know."],
      extraction: rejected(),
    },
    label: person("rescheduled"),
  },
  {
    name: "accepted-but-not-interested",
    call: {
      answers: ["Hello.", "Sorry, I accepted another offer, I am not interested any more.", "Bye."],
      extraction: accepted(),
    },
    label: person("declined"),
  },
  {
    name: "accepted-but-withdraw",
    call: { answers: ["Yes.", "Please withdraw my application, I'm not coming.", "Bye."], extraction: accepted() },
    label: person("declined"),
  },
  {
    name: "accepted-but-cancel",
    call: {
      answers: ["Yes it's me.", "I want to cancel the interview, I'm no longer interested.", "Thank you."],
      extraction: accepted(),
    },
    label: person("declined"),
  },
  {
    name: "rescheduled-but-not-interested",
    call: {
      answers: ["Hello?", "No, I don't want this job anymore, I'm not interested.", "Bye."],
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: person("declined"),
  },
  {
    name: "accepted-but-cant-come-monday",
    call: {
      answers: ["Yes.", "I can't come on Monday, I'm out of town. Please find another day.", "Okay, bye."],
      extraction: accepted(),
    },
    label: person("rescheduled"),
  },
  {
    name: "rejected-but-see-you-then",
    call: {
      transcript: `
        A: Hello, is this Sana?
        U: Yes.
        A: Your interview is on Monday at 11 AM. Would you like to cancel it?
        U: No no, I don't want to cancel. I'll come. See you then.
        A: Alright, thank you.`,
      extraction: rejected(),
    },
    label: person("confirmed"),
  },
  {
    name: "accepted-but-hesitant",
    call: {
      answers: ["Yes.", "I'm not sure I can make it, I'll have to check with my family.", "I'll let you know."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "accepted-then-changes-mind",
    call: {
      answers: ["Yes.", "Yes, I'll come. Actually wait, no, I won't be able to attend at all. Sorry.", "Bye."],
      extraction: accepted(),
    },
    label: person("declined"),
  },
  {
    name: "declined-then-changes-mind",
    call: {
      answers: ["Hello.", "I'm not interested. Oh wait, this is the Dharwin job? Then yes, I will come, sorry.", "Bye."],
      extraction: rejected(),
    },
    label: person("confirmed"),
  },
  // Not contradictions: words that look like the other answer but mean this one.
  {
    name: "not-interested-in-other-slots",
    call: {
      answers: ["Yes.", "No, I'm not interested in another slot, Monday is perfect. I'll be there.", "Bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "no-need-to-reschedule",
    call: { answers: ["Yes.", "No need to reschedule, the time works for me.", "Thanks."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "wont-be-late",
    call: { answers: ["Speaking.", "Yes, I will come, I won't be late.", "Okay, thank you."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "thanks-but-no-thanks",
    call: {
      answers: ["Yes.", "Thanks for calling, but no thanks. I'm not interested, I'll pass.", "Bye."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "cant-make-it-so-reschedule",
    call: {
      transcript: `
        A: Hi Imran, your interview is on Monday at 11 AM. Can you attend?
        U: I can't make it on Monday. Can we reschedule?
        A: I have Wednesday the 5th at 3 PM.
        U: Yes, Wednesday at 3 is fine.
        A: Rescheduled to Wednesday at 3 PM.`,
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "no-thats-all-after-decline",
    call: {
      answers: ["Yes.", "I have decided not to go ahead with the interview.", "No, that's all. Thank you."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
]);
