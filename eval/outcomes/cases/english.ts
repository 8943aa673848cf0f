import { accepted, clear, family, movedTo, rejected } from "../corpus-case";

// Ordinary English calls where the candidate answers for themselves and the agent's extraction says what they said.
// The agent's own words ("confirmed", "another time", "reschedule") are in most of them on purpose.
export default family("english", [
  {
    name: "works-for-me",
    call: {
      answers: ["Yes, this is Rahul.", "Yes, that works for me.", "No, that's all. Thank you."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "definitely-there",
    call: {
      answers: ["Speaking.", "Yes, absolutely, I'll definitely be there.", "No, thanks."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "agent-says-reschedule",
    call: {
      transcript: `
        A: Hello, this is Ava from Dharwin. Am I speaking with Priya Nair?
        U: Yes.
        A: Your interview is on Monday at 11 in the morning. If this does not work we can reschedule to another time. Does it work?
        U: Monday at 11 is fine, I can make it.
        A: Wonderful, your interview is confirmed. See you then!
        U: Thank you, bye.`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "see-you-monday",
    call: { answers: ["Hi, yes.", "Sure, see you on Monday.", "Bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "looking-forward",
    call: {
      answers: ["Yes, hello.", "Yes, I'm available at that time. Looking forward to it.", "Nothing else, thanks."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "asks-address-then-confirms",
    call: {
      transcript: `
        A: Hello, am I speaking with Arjun Mehta?
        U: Yes, speaking.
        A: I'm calling about your interview for Data Analyst on Monday at 11 in the morning. Does this time work for you?
        U: Yes. Is it at the Whitefield office?
        A: Yes, the Whitefield office, third floor.
        U: Okay, great. I will be there on time.
        A: Your slot is confirmed. Have a good day.`,
      extraction: accepted("Confirmed; asked for the address."),
    },
    label: clear("confirmed"),
  },
  {
    name: "no-problem-at-all",
    call: { answers: ["Yes.", "No problem at all, I'll attend.", "Okay, bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "count-me-in",
    call: { answers: ["That's me.", "Yep, count me in.", "Thanks!"], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "confirmed-mentions-mother",
    call: {
      answers: ["Yes, this is Kavya.", "Yes, I'll come. My mother will drop me at the office.", "No, thank you."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "confirmed-mentions-manager",
    call: {
      answers: ["Yes, it's me.", "That works. I already told my manager I'd take the morning off.", "Bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "confirmed-no-identity-question",
    call: {
      transcript: `
        A: Hi Sneha, this is Ava from Dharwin. Your interview for UX Designer is on Monday at 11 AM. Can you make it?
        U: Oh hi! Yes, I can make it.
        A: Great, it's confirmed.
        U: Thanks a lot.`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "not-interested-offer",
    call: {
      answers: ["Yes.", "Sorry, I have accepted another offer. I'm not interested anymore.", "Yes, please withdraw it."],
      extraction: rejected("Accepted another offer."),
    },
    label: clear("declined"),
  },
  {
    name: "withdraw-application",
    call: {
      answers: ["Hello, yes.", "Actually I would like to withdraw my application.", "Thank you."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "no-longer-looking",
    call: {
      answers: ["Speaking.", "I'm no longer looking for a job, I decided to stay with my current company.", "Bye."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "wont-come-at-all",
    call: {
      answers: ["Yes, it's me.", "I won't be coming at all, please cancel the interview.", "No, thanks."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "relocating",
    call: {
      answers: ["Yes.", "I'm relocating to another city next month, so I can't take this job. Please cancel it.", "Thanks."],
      extraction: rejected("Relocating."),
    },
    label: clear("declined"),
  },
  {
    name: "salary-not-enough",
    call: {
      answers: ["Yes this is Vikram.", "Honestly the salary range is too low for me, I don't want to go ahead.", "Okay bye."],
      extraction: rejected("Salary expectations."),
    },
    label: clear("declined"),
  },
  {
    name: "decline-agent-confirms-words",
    call: {
      transcript: `
        A: Hello, is this Meera?
        U: Yes.
        A: Your interview is on Monday at 11 AM. Does this time work for you?
        U: No, I'm not interested in the position anymore.
        A: Just to confirm, you would like to cancel the interview?
        U: Yes, cancel it please.
        A: I have cancelled it. Thank you.`,
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "conflict-different-day",
    call: {
      transcript: `
        A: Hello, this is Ava from Dharwin. Am I speaking with Rohan?
        U: Yes.
        A: Your interview is on Monday at 11 AM. Does this work for you?
        U: No, I have a conflict then. Can we do a different day?
        A: I can offer Wednesday the 5th at 3 PM, or Friday the 7th at 10 AM.
        U: Wednesday at 3 works.
        A: Perfect, I have rescheduled your interview to Wednesday at 3 PM.`,
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "exam-that-day",
    call: {
      transcript: `
        A: Hi, is this Divya?
        U: Yes, hi.
        A: Your interview is on Monday at 11 in the morning. Does that time work for you?
        U: I have an exam that morning. Is there any other slot?
        A: Yes, Friday the 7th at 10 in the morning.
        U: Friday is perfect, let's do that.
        A: Done, your interview is now on Friday at 10 AM.`,
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "travelling-next-week",
    call: {
      transcript: `
        A: Hello, may I speak with Anand?
        U: Speaking.
        A: Your interview is on Monday at 11 AM. Does this time work?
        U: I'm travelling that week. Could we push it to the week after?
        A: I have Monday the 10th at 2 PM.
        U: Yes, the 10th at 2 is good.
        A: Great, rescheduled to Monday the 10th at 2 PM.`,
      extraction: movedTo("2031-03-10", "2:00 PM"),
    },
    label: clear("rescheduled", "2031-03-10T08:30:00Z"),
  },
  {
    name: "afternoon-instead",
    call: {
      transcript: `
        A: Hi Farhan, your interview is on Monday at 11 in the morning. Does that work?
        U: Mornings are hard for me. Do you have something in the afternoon?
        A: Tuesday the 4th at 4 in the afternoon?
        U: Yes, 4 PM Tuesday works for me.
        A: Rescheduled. Thank you!`,
      extraction: movedTo("2031-03-04", "4:00 PM"),
    },
    label: clear("rescheduled", "2031-03-04T10:30:00Z"),
  },
  {
    name: "confirms-after-question",
    call: {
      answers: ["Yes, who is this?", "Oh, right. What time was it again?", "Okay, 11 works. I'll be there."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "busy-now-but-confirms",
    call: {
      answers: ["Yes, but I'm a little busy right now.", "Okay, quickly: yes, Monday is fine, I will come.", "Bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
]);
