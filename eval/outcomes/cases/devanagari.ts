import { accepted, clear, family, movedTo, person, rejected } from "../corpus-case";

// Hindi in Devanagari: what Bolna's transcriber writes for an agent set to `hi` (reference §8, languages).
export default family("devanagari", [
  {
    name: "aa-jaunga",
    call: {
      transcript: `
        A: नमस्ते, मैं धारविन से अवा बोल रही हूँ। क्या मेरी बात राहुल शर्मा से हो रही है?
        U: हाँ जी, मैं राहुल बोल रहा हूँ।
        A: आपका इंटरव्यू सोमवार को सुबह 11 बजे है। क्या यह समय आपके लिए ठीक है?
        U: हाँ, ठीक है। मैं आ जाऊँगा।
        A: बहुत बढ़िया, आपका इंटरव्यू कन्फर्म हो गया है।
        U: धन्यवाद।`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "zaroor-aaungi",
    call: {
      transcript: `
        A: नमस्ते, क्या मैं प्रिया से बात कर रही हूँ?
        U: जी हाँ।
        A: आपका इंटरव्यू सोमवार सुबह 11 बजे है। क्या आप आ पाएँगी?
        U: जी, मैं ज़रूर आऊँगी।
        A: धन्यवाद, आपका समय पक्का हो गया है।`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "koi-dikkat-nahi",
    call: {
      transcript: `
        A: नमस्ते, क्या यह सुनील जी हैं?
        U: हाँ, बोलिए।
        A: आपका इंटरव्यू सोमवार को 11 बजे है। क्या यह समय ठीक रहेगा?
        U: हाँ, कोई दिक्कत नहीं है, मैं पहुँच जाऊँगा।
        A: बहुत अच्छा।`,
      extraction: accepted(),
    },
    label: clear("confirmed"),
  },
  {
    name: "nahi-aana",
    call: {
      transcript: `
        A: नमस्ते, क्या मेरी बात अंकित से हो रही है?
        U: हाँ।
        A: आपका इंटरव्यू सोमवार सुबह 11 बजे है। क्या यह समय ठीक है?
        U: नहीं, मुझे अब यह नौकरी नहीं चाहिए। मुझे दूसरी नौकरी मिल गई है।
        A: ठीक है, मैं आपका इंटरव्यू रद्द कर देती हूँ।
        U: हाँ, रद्द कर दीजिए।`,
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "dilchaspi-nahi",
    call: {
      transcript: `
        A: नमस्ते, क्या यह नेहा हैं?
        U: जी, बोलिए।
        A: आपके इंटरव्यू के बारे में कॉल किया है, सोमवार 11 बजे। क्या आप आएँगी?
        U: माफ़ कीजिए, मुझे अब इसमें दिलचस्पी नहीं है।
        A: कोई बात नहीं, धन्यवाद।`,
      extraction: rejected(),
    },
    label: clear("declined"),
  },
  {
    name: "kisi-aur-din",
    call: {
      transcript: `
        A: नमस्ते, क्या मैं विकास से बात कर रही हूँ?
        U: हाँ जी।
        A: आपका इंटरव्यू सोमवार सुबह 11 बजे है। क्या यह समय ठीक है?
        U: सोमवार को नहीं हो पाएगा। क्या किसी और दिन रख सकते हैं?
        A: बुधवार 5 तारीख़ को दोपहर 3 बजे का समय है।
        U: हाँ, बुधवार 3 बजे ठीक है।
        A: आपका इंटरव्यू बुधवार दोपहर 3 बजे कर दिया गया है।`,
      extraction: movedTo("2031-03-05", "3:00 PM"),
    },
    label: clear("rescheduled", "2031-03-05T09:30:00Z"),
  },
  {
    name: "relative-mother",
    call: {
      transcript: `
        A: नमस्ते, क्या मेरी बात राहुल से हो रही है?
        U: नहीं, मैं उसकी माँ बोल रही हूँ। वो अभी घर पर नहीं है।
        A: उनका इंटरव्यू सोमवार 11 बजे है। क्या वो आ पाएँगे?
        U: हाँ हाँ, मैं उसको बता दूँगी, वो आ जाएगा।`,
      extraction: accepted(),
    },
    label: person("pending"),
  },
  {
    name: "relative-no-extraction",
    call: {
      transcript: `
        A: नमस्ते, क्या यह सुरेश जी का नंबर है?
        U: जी, मैं उनकी पत्नी बोल रही हूँ। वो ऑफिस गए हैं।
        A: ठीक है, मैं बाद में कॉल करूँगी।
        U: ठीक है।`,
      extraction: null,
    },
    label: person("pending"),
  },
  {
    name: "no-extraction-aaunga",
    call: {
      transcript: `
        A: नमस्ते, क्या यह मोहित हैं?
        U: हाँ जी।
        A: आपका इंटरव्यू सोमवार 11 बजे है, क्या आप आएँगे?
        U: हाँ, मैं ज़रूर आऊँगा।`,
      extraction: null,
    },
    label: person("confirmed"),
  },
  {
    name: "one-word-theek-hai",
    call: { answers: ["ठीक है।"], extraction: accepted() },
    label: clear("confirmed"),
  },
  {
    name: "rejected-but-aaunga",
    call: {
      transcript: `
        A: नमस्ते, क्या यह अमन हैं?
        U: हाँ, बोलिए।
        A: आपका इंटरव्यू सोमवार 11 बजे है। क्या यह समय ठीक है?
        U: हाँ बिल्कुल, मैं आ जाऊँगा।
        A: धन्यवाद।`,
      extraction: rejected(),
    },
    label: person("confirmed"),
  },
  {
    name: "baad-mein-call",
    call: {
      transcript: `
        A: नमस्ते, क्या यह रवि हैं?
        U: हाँ, पर अभी मैं गाड़ी चला रहा हूँ। बाद में कॉल कीजिए।
        A: ठीक है, धन्यवाद।`,
      extraction: null,
    },
    label: person("pending"),
  },
]);
