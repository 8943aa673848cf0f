import { accepted, clear, family, movedTo, movedWithoutSlot, person, rejected } from "../corpus-case";

// Hindi written in Latin letters, mixed with English, the way Indian candidates answer an English-speaking agent.
export default family("hinglish", [
  {
    name: "aa-jaunga-koi-problem-nahi",
    call: {
      answers: ["Haan ji, boliye.", "Haan ji, main aa jaunga, koi problem nahi.", "Thank you."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "pakka-aaunga",
    call: { answers: ["Ji haan, main hi hoon.", "Haan pakka aaunga, time pe.", "Nahi, bas itna hi."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "aa-jaungi",
    call: { answers: ["Haan, bol rahi hoon.", "Monday chalega, main aa jaungi.", "Okay, bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "bilkul-theek",
    call: { answers: ["Ji.", "Bilkul, 11 baje theek hai. Main pahunch jaunga.", "Dhanyavaad."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "chalega-sir",
    call: { answers: ["Haan sir.", "Chalega sir, koi dikkat nahi hai.", "Okay sir."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "hindi-agent-confirm",
    call: {
      transcript: `
        A: Namaste, main Dharwin se Ava bol rahi hoon. Kya meri baat Rahul Sharma se ho rahi hai?
        U: Haan ji, main Rahul bol raha hoon.
        A: Aapka interview Monday ko subah 11 baje hai. Kya yeh time aapke liye theek hai?
        U: Haan, theek hai. Main aa jaunga.
        A: Bahut badhiya, aapka interview confirm ho gaya hai.
        U: Thank you ji.`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "nahi-aana",
    call: {
      answers: ["Haan, bolo.", "Nahi, mujhe nahi aana. Dusri job mil gayi hai.", "Haan, cancel kar do."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "interest-nahi",
    call: {
      answers: ["Ji bol raha hoon.", "Sorry, ab mujhe is job mein interest nahi hai.", "Nahi, thank you."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "nahi-aa-paunga-kabhi",
    call: {
      answers: ["Haan ji.", "Main yeh job nahi kar paunga, maine dusri company join kar li hai.", "Ji, bye."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "kal-3-baje",
    call: {
      transcript: `
        A: Hello, am I speaking with Amit?
        U: Haan ji.
        A: Your interview is on Monday at 11 AM. Does this time work for you?
        U: Monday mushkil hai. Koi aur din ho sakta hai?
        A: I can offer Tuesday the 4th at 3 PM.
        U: Theek hai, Tuesday 3 baje.
        A: Great, rescheduled to Tuesday at 3 PM.`,
      extraction: movedTo("2031-03-04", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-04T09:30:00Z"),
  },
  {
    name: "monday-nahi-aa-paunga-wednesday",
    call: {
      transcript: `
        A: Hi Pooja, your interview is on Monday at 11 in the morning. Does that work?
        U: Monday ko main nahi aa paungi, mera exam hai. Wednesday ho sakta hai?
        A: Wednesday the 5th at 3 PM is available.
        U: Haan, Wednesday 3 baje theek hai.
        A: Done, your interview is now on Wednesday at 3 PM.`,
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "agle-hafte-no-slot",
    call: {
      answers: ["Haan ji.", "Is hafte nahi ho payega, agle hafte rakh sakte hain?", "Theek hai, aap batana."],
      extraction: movedWithoutSlot(null, "Asked for next week; no slot fixed."),
    },
    label: person("rescheduled"),
  },
  {
    name: "haan-main-hi-hoon-only",
    call: { answers: ["Haan main hi hoon.", "Accha.", "Theek hai."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "no-extraction-aa-jaunga",
    call: { answers: ["Haan ji, boliye.", "Haan ji, main aa jaunga, koi problem nahi.", "Thank you."], extraction: null },
    label: person("confirmed"),
  },
  {
    name: "no-extraction-nahi-aana",
    call: { answers: ["Haan.", "Nahi, mujhe ab nahi aana hai.", "Bye."], extraction: null },
    label: person("declined"),
  },
  {
    name: "no-extraction-baad-mein-call",
    call: { answers: ["Haan?", "Abhi main busy hoon, baad mein call karna.", "Okay."], extraction: null },
    label: person("pending"),
  },
  {
    name: "sochke-batata-hoon",
    call: { answers: ["Haan ji.", "Main soch ke batata hoon, abhi pakka nahi keh sakta.", "Okay."], extraction: null },
    label: person("pending"),
  },
  {
    name: "accepted-but-nahi-aaunga",
    call: {
      answers: ["Haan ji.", "Nahi sir, main nahi aaunga, mujhe interest nahi hai.", "Bye."],
      extraction: accepted("Candidate confirmed."),
    },
    label: person("declined"),
  },
  {
    name: "rejected-but-aa-jaunga",
    call: {
      answers: ["Haan ji, boliye.", "Haan haan, main aa jaunga, pakka.", "Okay, thank you."],
      extraction: rejected("Candidate declined."),
    },
    label: person("confirmed"),
  },
  {
    name: "koi-baat-nahi-confirm",
    call: { answers: ["Ji.", "Koi baat nahi, main time pe aa jaunga.", "Ok."], extraction: accepted() },
    label: clear("confirmed"),
  },
]);
