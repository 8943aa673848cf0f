import { clear, family, movedTo, movedWithoutSlot, person } from "../corpus-case";

// Reschedules asked for many ways, with the slot the agent wrote down in the shapes agents write it, and without
// a slot anyone can read (then a person picks the time). The slot is read in the zone the agent spoke: the
// call's own `recipient_data.timezone`, else the candidate's zone.
const ASK = (words: string, choice: string) => `
  A: Hello, this is Ava from Dharwin. Your interview is on Monday at 11 AM. Does this time work for you?
  U: ${words}
  A: I can offer Wednesday the 5th at 3 PM, or Friday the 7th at 10 AM.
  U: ${choice}
  A: Thank you, I have noted that.`;

export default family("reschedule", [
  {
    name: "push-it",
    call: {
      transcript: ASK("Can we push it a bit? Monday is packed.", "Wednesday 3 PM."),
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "something-came-up",
    call: {
      transcript: ASK("Something came up on Monday, sorry. Is there another time?", "Friday at 10 is good."),
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "doctor-appointment",
    call: {
      transcript: ASK("I have a doctor's appointment then. Could we move it?", "The Wednesday one, please."),
      extraction: movedTo("2031-03-05", "15:00"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "later-in-week",
    call: {
      transcript: ASK("Later in the week would be better for me.", "Friday works."),
      extraction: movedTo("2031-03-07", "10 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "notice-period-lowercase-time",
    call: {
      transcript: ASK("I am serving notice, Monday won't work for me.", "Wednesday 3 o'clock."),
      extraction: movedTo("2031-03-05", "3:00 pm"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "prepone",
    call: {
      transcript: ASK("Can we prepone it? I'm free earlier.", "Actually Wednesday 3 PM is better."),
      extraction: movedTo("2031-03-05", "3 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "hinglish-time-change",
    call: {
      transcript: ASK("Monday ko thoda problem hai, time change ho sakta hai?", "Friday 10 baje theek hai."),
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "legacy-status-rescheduled",
    call: {
      transcript: ASK("Another day please, I'm travelling.", "Wednesday at 3."),
      extraction: { status: "rescheduled", final_slot: { date: "2031-03-05", time: "3:00 PM" } },
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "agent-spoke-kolkata-us-number",
    call: {
      transcript: ASK("Can we do another day?", "Wednesday at 3 PM."),
      extraction: movedTo("2031-03-05", "3:00 PM"),
      zone: "Asia/Kolkata",
    },
    candidate: { phone: "+12025550147", timeZone: null },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "agent-spoke-london",
    call: {
      transcript: ASK("Monday is tricky, any other day?", "Wednesday, 3 PM."),
      extraction: movedTo("2031-03-05", "3:00 PM"),
      zone: "Europe/London",
    },
    candidate: { phone: "+447911123456", timeZone: "Europe/London" },
    label: clear("rescheduled", "2031-03-05T15:00:00Z"),
  },
  {
    name: "no-zone-in-call-candidate-zone",
    call: {
      transcript: ASK("Could we do it another day?", "Wednesday at 3."),
      extraction: movedTo("2031-03-05", "3:00 PM"),
      zone: null,
    },
    candidate: { phone: "+6591234567", timeZone: "Asia/Singapore" },
    label: clear("rescheduled", "2031-03-05T07:00:00Z"),
  },
  {
    name: "unreadable-slot-words",
    call: {
      transcript: ASK("I need a different day.", "Sometime next week, I'll confirm later."),
      extraction: movedWithoutSlot("next week sometime"),
    },
    label: person("rescheduled"),
  },
  {
    name: "unreadable-slot-afternoon",
    call: {
      transcript: ASK("Not Monday please.", "Wednesday afternoon."),
      extraction: movedWithoutSlot({ date: "2031-03-05", time: "afternoon", day_of_week: "Wednesday" }),
    },
    label: person("rescheduled"),
  },
  {
    name: "unreadable-slot-spoken-date",
    call: {
      transcript: ASK("Different day?", "Wednesday the 5th at 3."),
      extraction: movedWithoutSlot({ date: "Wednesday, the 5th of March", time: "3:00 PM" }),
    },
    label: person("rescheduled"),
  },
  {
    name: "no-slots-offered",
    call: {
      transcript: `
        A: Your interview is on Monday at 11 AM. Does this time work for you?
        U: No, I have a conflict. Can we find another day?
        A: I'm sorry, I have no other times right now. The team will call you with new options.
        U: Okay, thank you.`,
      extraction: movedWithoutSlot(null, "Asked for another day; none offered."),
    },
    label: person("rescheduled"),
  },
  {
    name: "no-extraction-asks-another-day",
    call: {
      transcript: ASK("I have a conflict on Monday, can we do another day?", "Wednesday at 3 is good."),
      extraction: null,
    },
    label: person("rescheduled"),
  },
  {
    name: "devanagari-slot",
    call: {
      transcript: `
        A: आपका इंटरव्यू सोमवार 11 बजे है। क्या यह समय ठीक है?
        U: नहीं, सोमवार को मुश्किल है। कोई दूसरा समय मिल सकता है?
        A: शुक्रवार 7 तारीख़ सुबह 10 बजे?
        U: हाँ, शुक्रवार ठीक है।`,
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "telugu-slot",
    call: {
      transcript: ASK("Monday naaku kudaradu andi, inkoka roju ivvagalara?", "Wednesday 3 ki sare."),
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "tamil-slot",
    call: {
      transcript: ASK("Monday enakku mudiyadhu, vera time kidaikkuma?", "Friday 10 okay."),
      extraction: movedTo("2031-03-07", "10:00 AM"),
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
  {
    name: "disposition-rescheduled",
    call: {
      transcript: ASK("Is there a slot later in the week?", "Friday at 10."),
      extraction: {
        ...movedTo("2031-03-07", "10:00 AM"),
        call_outcome: undefined,
        interview: {
          interview_outcome: { objective: "RESCHEDULED", confidence: 0.91, confidence_label: "high", reasoning: "Chose Friday." },
        },
      },
    },
    label: clear("rescheduled", "2031-03-07T04:30:00Z"),
  },
]);
