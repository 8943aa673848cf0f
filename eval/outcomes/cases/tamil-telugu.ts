import { accepted, clear, family, movedTo, person, rejected } from "../corpus-case";

// Tamil and Telugu mixed with English, in Latin letters, as candidates in Chennai and Hyderabad answer an English
// agent ("Tanglish", "Tenglish").
export default family("tamil-telugu", [
  {
    name: "ta-kandippa-varen",
    call: { answers: ["Aama, naan thaan.", "Sari madam, naan kandippa varen.", "Thank you."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "ta-varuven-no-problem",
    call: { answers: ["Yes, Karthik speaking.", "No problem, Monday 11 ku varuven.", "Okay, bye."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "ta-seri-ok",
    call: { answers: ["Haan, sollunga.", "Seri, okay, time correct.", "Sari, thanks."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "ta-interest-illa",
    call: {
      answers: ["Yes, sollunga.", "Sorry madam, enakku interest illa. Vera job kedaichiduchu.", "Okay, cancel pannunga."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "ta-vara-maaten",
    call: { answers: ["Aama.", "Naan vara maaten, venaam.", "Bye."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "ta-vera-naal",
    call: {
      transcript: `
        A: Hello, am I speaking with Lakshmi?
        U: Aama, sollunga.
        A: Your interview is on Monday at 11 AM. Does this time work for you?
        U: Monday mudiyadhu madam. Vera naal irukka?
        A: Thursday the 6th at 10 AM is available.
        U: Thursday 10 sari, adhu okay.
        A: Great, rescheduled to Thursday at 10 AM.`,
      extraction: movedTo("2031-03-06", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-06T04:30:00Z"),
  },
  {
    name: "ta-relative-amma",
    call: {
      answers: ["Hello, yaaru?", "Avan veetla illa. Naan avanoda amma.", "Sari, naan avan kitta sollidren."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "ta-no-extraction-varen",
    call: { answers: ["Aama.", "Sari, naan kandippa varen.", "Thanks."], extraction: null },
    label: person("confirmed"),
  },
  {
    name: "ta-accepted-but-vara-maaten",
    call: { answers: ["Aama.", "Illa madam, naan vara maaten, interest illa.", "Bye."], extraction: accepted() },
    label: person("declined"),
  },
  {
    name: "ta-one-word-seri",
    call: { answers: ["Seri."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "te-vastanu",
    call: { answers: ["Avunu, nene.", "Sare andi, nenu vastanu.", "Thank you andi."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "te-tappakunda",
    call: {
      answers: ["Haa cheppandi.", "Monday 11 ki tappakunda vastanu, no problem.", "Okay bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "te-interest-ledu",
    call: {
      answers: ["Cheppandi.", "Sorry andi, naaku interest ledu. Vere job vachindi.", "Vaddu, cancel cheyyandi."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "te-nenu-raanu",
    call: { answers: ["Avunu.", "Nenu raanu andi, vaddu.", "Bye."], extraction: rejected() },
    label: clear("declined"),
  },
  {
    name: "te-vere-roju",
    call: {
      transcript: `
        A: Hello, is this Srinivas?
        U: Avunu, cheppandi.
        A: Your interview is on Monday at 11 in the morning. Does that work?
        U: Monday kudaradu andi. Vere roju cheyyagalara?
        A: Friday the 7th at 10 AM?
        U: Friday 10 ki sare.
        A: Done, your interview is on Friday at 10 AM.`,
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "te-relative-intlo-ledu",
    call: {
      answers: ["Hello, evaru?", "Atanu intlo ledu andi. Nenu vaalla amma ni.", "Sare, nenu cheptanu."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "te-no-extraction-raanu",
    call: { answers: ["Avunu.", "Ledu andi, nenu raanu. Interest ledu.", "Bye."], extraction: null },
    label: person("declined"),
  },
  {
    name: "te-rejected-but-vastanu",
    call: { answers: ["Avunu andi.", "Sare, nenu tappakunda vastanu.", "Thank you."], extraction: rejected() },
    label: person("confirmed"),
  },
  {
    name: "te-one-word-sare",
    call: { answers: ["Sare andi."], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "te-taruvata-call",
    call: { answers: ["Hello?", "Ippudu busy andi, taruvata call cheyyandi.", "Okay."], extraction: null },
    label: person("pending"),
  },
]);
