import { accepted, clear, family, person, rejected } from "../corpus-case";

// Someone other than the candidate answers: a relative, a colleague, a stranger with a recycled number. Whatever
// the extraction says, the candidate has not answered: a person decides (most likely, call again). The last cases
// are candidates who only talk about other people.
export default family("someone-else", [
  {
    name: "mother-not-home",
    call: {
      answers: ["Hello? Who is this?", "He is not at home right now.", "Okay, I'll tell him. Yes, fine."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "mother-not-home-no-extraction",
    call: { answers: ["Hello?", "She is not at home, she went to the market.", "I'll tell her."], extraction: null },
    label: person("pending"),
  },
  {
    name: "brother-sleeping",
    call: {
      answers: ["Hello.", "This is his brother, he's sleeping.", "Yes yes, fine, he'll be there."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "wife-takes-message",
    call: {
      answers: ["Hello, yes?", "This is his wife. He's at work. Can I take a message?", "Sure, I will inform him."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "father-says-not-interested",
    call: {
      answers: ["Yes, who?", "I am his father. He has joined another company, he won't come.", "Okay."],
      extraction: rejected(),
    },
    label: person("pending"),
  },
  {
    name: "colleague-in-meeting",
    call: {
      answers: ["Hello, this is Suresh's desk.", "He's in a meeting right now, I'm his colleague.", "I'll let him know."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "colleague-no-extraction",
    call: {
      answers: ["Hello?", "She's not available, she is in a meeting. I'm her colleague.", "Please call after 5."],
      extraction: null,
    },
    label: person("pending"),
  },
  {
    name: "not-available-at-the-moment",
    call: { answers: ["He is not available at the moment.", "Okay."], extraction: accepted() },
    label: person("pending"),
  },
  {
    name: "she-will-call-back",
    call: { answers: ["Hello?", "She is driving. She will call you back.", "Bye."], extraction: accepted() },
    label: person("pending"),
  },
  {
    name: "wrong-number",
    call: { answers: ["Hello?", "Sorry, wrong number. There is no Rahul here.", "No."], extraction: rejected() },
    label: person("pending"),
  },
  {
    name: "wrong-number-no-extraction",
    call: { answers: ["Who?", "You have the wrong number.", "Bye."], extraction: null },
    label: person("pending"),
  },
  {
    name: "no-one-by-that-name",
    call: {
      answers: ["Yes?", "There's no one by that name here. This is a new number, I got it last month.", "Okay."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "hinglish-mummy",
    call: {
      answers: ["Haan, kaun?", "Main uski mummy bol rahi hoon. Woh ghar pe nahi hai.", "Theek hai, main unko bata dungi."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "hinglish-office-gaye",
    call: { answers: ["Hello, haan?", "Woh abhi office gaye hain.", "Shaam ko call karna."], extraction: null },
    label: person("pending"),
  },
  {
    name: "hinglish-galat-number",
    call: { answers: ["Kaun?", "Galat number hai, yahan koi Rahul nahi hai.", "Nahi."], extraction: rejected() },
    label: person("pending"),
  },
  {
    name: "roommate",
    call: {
      answers: ["Hey.", "I'm his roommate, he forgot his phone at home.", "Yeah, I'll tell him when he's back."],
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "talks-about-sister",
    call: {
      answers: ["Yes, this is Anjali.", "Yes, I will come. My sister is getting married that week, but Monday is fine.", "Bye."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "mentions-he-boss",
    call: {
      answers: ["Yes, it's me.", "My boss said he is okay with me taking leave, so yes, I'll be there.", "Thanks."],
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "candidate-tells-family",
    call: {
      answers: ["Yes, speaking.", "Sorry, I'm not interested anymore. I'll tell my family too.", "Bye."],
      extraction: rejected(),
    },
    label: clear("declined"),
  },
]);
