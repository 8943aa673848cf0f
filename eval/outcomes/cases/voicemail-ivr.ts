import { accepted, clear, family, person, rejected } from "../corpus-case";

// Machines answering: Bolna's voicemail detection (the flag, the hang-up reason), and greetings, network
// announcements and IVRs that Bolna transcribes as the "user" when it does not detect them.
export default family("voicemail", [
  {
    name: "flag-with-accepted",
    call: {
      transcript: `
        A: Hello, am I speaking with Rahul?
        U: Hi, you've reached Rahul. Leave a message after the beep.`,
      extraction: accepted(),
      answeredByVoicemail: true,
      seconds: 9,
    },
    label: clear("no_answer"),
  },
  {
    name: "flag-no-transcript",
    call: { transcript: null, extraction: null, answeredByVoicemail: true, seconds: 4 },
    label: clear("no_answer"),
  },
  {
    name: "flag-as-text",
    call: {
      transcript: "U: Please leave your message for 98450 12345.",
      extraction: null,
      answeredByVoicemail: "true" as unknown as boolean,
      seconds: 5,
    },
    label: clear("no_answer"),
  },
  {
    name: "hangup-voicemail-detected",
    call: {
      transcript: "A: Hello, is this Priya?\nU: The person you are calling is not available.",
      extraction: accepted(),
      hangupBy: "Agent",
      hangupReason: "Voicemail detected",
      seconds: 8,
    },
    label: clear("no_answer"),
  },
  {
    name: "greeting-after-the-tone",
    call: {
      transcript: `
        A: Hello, this is Ava from Dharwin calling about your interview.
        U: The person you are calling is not available. Please leave a message after the tone.
        A: Hi, this is Ava from Dharwin. Please call us back about your interview on Monday.`,
      extraction: accepted("Left a message."),
      seconds: 18,
    },
    label: clear("no_answer"),
  },
  {
    name: "greeting-personal",
    call: {
      transcript: `
        A: Hello, am I speaking with Nikhil?
        U: Hey, this is Nikhil. I can't take your call right now, leave your message and I'll get back to you.
        U: Beep.
        A: Hi Nikhil, this is Ava from Dharwin, please call back.`,
      extraction: accepted(),
      seconds: 16,
    },
    label: clear("no_answer"),
  },
  {
    name: "mailbox-full",
    call: {
      transcript: "A: Hello?\nU: The mailbox of the number you have dialled is full. Goodbye.",
      extraction: rejected(),
      seconds: 7,
    },
    label: clear("no_answer"),
  },
  {
    name: "switched-off-english",
    call: {
      transcript: "A: Hello, is this Sanjay?\nU: The number you have dialled is currently switched off. Please try again later.",
      extraction: rejected("Candidate unavailable."),
      seconds: 8,
    },
    label: clear("no_answer"),
  },
  {
    name: "not-reachable-hindi",
    call: {
      transcript: "A: Hello?\nU: Aapke dwara dial kiya gaya number abhi uplabdh nahi hai, kripya thodi der baad prayas karein.",
      extraction: accepted(),
      seconds: 9,
    },
    label: clear("no_answer"),
  },
  {
    name: "not-reachable-devanagari",
    call: {
      transcript: "A: Hello?\nU: आपके द्वारा डायल किया गया नंबर अभी उपलब्ध नहीं है। कृपया कुछ देर बाद प्रयास करें।",
      extraction: accepted(),
      seconds: 9,
    },
    label: clear("no_answer"),
  },
  {
    name: "out-of-coverage",
    call: {
      transcript: "A: Hello?\nU: The subscriber you are trying to reach is out of coverage area.",
      extraction: null,
      seconds: 6,
    },
    label: clear("no_answer"),
  },
  {
    name: "ivr-press-one",
    call: {
      transcript: `
        A: Hello, am I speaking with Deepak?
        U: Thank you for calling. For English, press 1. Hindi ke liye 2 dabaiye.
        A: Hello?
        U: Please press a valid option.`,
      extraction: accepted(),
      seconds: 14,
    },
    label: clear("no_answer"),
  },
  {
    name: "ivr-call-being-forwarded",
    call: {
      transcript: "A: Hello?\nU: Your call is being forwarded to an automatic voice message system.",
      extraction: accepted(),
      seconds: 8,
    },
    label: clear("no_answer"),
  },
  {
    name: "call-screening",
    call: {
      transcript: `
        A: Hello, am I speaking with Fatima?
        U: Hi, the person you're calling is using a screening service and will get a copy of this conversation. Go ahead and say your name and why you're calling.
        A: This is Ava from Dharwin about an interview.
        U: Thanks, stay on the line.`,
      extraction: accepted(),
      seconds: 22,
    },
    label: clear("no_answer"),
  },
  {
    name: "no-extraction-greeting",
    call: {
      transcript: "A: Hello?\nU: Please leave a message after the beep.",
      extraction: null,
      seconds: 6,
    },
    label: clear("no_answer"),
  },
  {
    name: "greeting-then-candidate-picks-up",
    call: {
      transcript: `
        A: Hello, is this Karan?
        U: Please leave a message after the tone.
        A: Hi Karan, this is Ava from Dharwin.
        U: Hello, hello, sorry, I'm here! Yes, this is Karan.
        A: Your interview is on Monday at 11 AM. Does this work for you?
        U: Yes, that works, I will be there.`,
      extraction: accepted(),
      seconds: 40,
    },
    label: person("confirmed"),
  },
  {
    name: "candidate-mentions-voicemail",
    call: {
      answers: ["Yes, this is Ritu. Sorry, I saw your voicemail yesterday.", "Yes, Monday works, I'll be there.", "Bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
]);
