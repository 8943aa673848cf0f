import type { Phrases } from "./signals";

// Hindi, in Latin letters as it is typed and transcribed in mixed calls ("haan ji, main aa jaunga"), and in
// Devanagari as Bolna's transcriber writes it for a Hindi agent. Devanagari has no \b in JavaScript, so its
// phrases are plain substrings; turns are normalised first (chandrabindu → anusvara, no nukta), so "हाँ" and
// "हां", "ज़रूर" and "जरूर" read the same. A negation just before a phrase ("nahi aaunga") cancels it.

export const HINDI_LATIN: Phrases = {
  coming: [
    /\b(?:aa|a) ?(?:jaunga|jaungi|jaaunga|jaaungi|jayenge|jaenge|jaayenge|jaunga)\b/,
    /\b(?:aaunga|aaungi|aunga|aungi|aaoonga|aaoongi|aayenge|aayunga)\b/,
    /\bpahunch (?:jaunga|jaungi|jaenge|jayenge)\b/,
  ],
  yes: [
    /\b(?:haan|haa|han|hanji|haanji|ji|jee|theek hai|thik hai|theek he|thik he|chalega|bilkul|accha|acha|sahi hai)\b/,
    /\bkoi (?:problem|dikkat|baat|issue|tension) nahi\b/,
  ],
  refuses: [
    /\bnahi (?:aana|aaunga|aaungi|aunga|aungi|aayenge)\b/,
    /\bmujhe (?:ab )?nahi (?:aana|chahiye|karna)\b/,
    /\binterest(?:ed)? nahi\b/,
    /\b(?:dusri|doosri|dusra|doosra|nayi|nai) (?:job|naukri|company|offer)\b/,
    /\b(?:yeh|ye|is) (?:job|naukri) (?:nahi|mein interest nahi)\b/,
    /\bcancel kar (?:do|dijiye|dena|dijie)\b/,
  ],
  cannotThen: [
    /\bnahi (?:aa|a) (?:paunga|paungi|paaunga|paaungi|sakta|sakti|payenge)\b/,
    /\bnahi ho (?:payega|paega|paayega|sakta)\b/,
    /\b(?:mushkil|muskil) (?:hai|he|hoga)\b/,
    /\b(?:thoda )?(?:problem|dikkat) (?:hai|he)\b/,
  ],
  anotherTime: [
    /\b(?:koi|kisi) (?:aur|or|dusre|doosre|dusra|doosra) (?:din|time|samay|slot|date|din)\b/,
    /\b(?:dusre|doosre) (?:din|time)\b/,
    /\bagle (?:hafte|week)\b/,
    /\btime change\b/,
  ],
  unsure: [
    /\bsoch (?:ke|kar) (?:bata|batata|batati|batunga|batungi|bataunga)\b/,
    /\bpakka nahi\b/,
    /\bdekhte hain\b/,
    /\bshayad\b/,
  ],
  callBack: [/\bbaad mein (?:call|phone|baat)\b/, /\babhi (?:main )?busy\b/, /\b(?:shaam|sham) ko (?:call|phone)\b/],
  someoneElse: [
    /\b(?:main|mai|mein) (?:uski|uska|unki|unka|iski|iska) (?:mummy|mumma|maa|mother|papa|pita|father|bhai|behen|bahan|didi|wife|biwi|patni|husband|pati|dost)\b/,
    /\b(?:wo|woh|vo|voh|ye|yeh) (?:abhi )?(?:ghar (?:pe|par|mein|me) )?nahi (?:hai|hain|he)\b/,
    /\b(?:wo|woh|vo|voh) (?:abhi )?(?:so rahe|so raha|so rahi|bahar|office|market|kaam par|kaam pe)\b/,
    /\b(?:unko|usko|use|unhe|inko) bata (?:dunga|dungi|doonga|doongi|denge|deti|deta)\b/,
  ],
  wrongNumber: [/\bgalat number\b/, /\b(?:yahan|yaha) koi \w+ nahi\b/],
  machine: [
    /\baap(?:ke)? (?:dwara|dvara) dial kiya (?:gaya|hua) number\b/,
    /\b(?:jis|jin) number (?:se|par) aap sampark\b/,
    /\b(?:uplabdh|upalabdh) nahi\b/,
    /\bpahunch (?:se )?bahar\b/,
    /\b(?:switch off|band) hai\b/,
    /\b(?:dabaiye|dabayen|dabaen)\b/,
    /\bkripya (?:thodi|kuch) der baad\b/,
  ],
};

const words = (...phrases: string[]) => phrases.map((phrase) => new RegExp(phrase));

export const HINDI_DEVANAGARI: Phrases = {
  coming: words("आ जाऊंगा", "आ जाऊंगी", "आऊंगा", "आऊंगी", "आ जाएंगे", "पहुंच जाऊंगा", "पहुंच जाऊंगी", "आ रहा हूं", "आ रही हूं"),
  yes: words("हां", "जी", "ठीक है", "बिल्कुल", "कोई दिक्कत नहीं", "कोई बात नहीं", "कोई समस्या नहीं", "अच्छा"),
  refuses: words("नहीं चाहिए", "दिलचस्पी नहीं", "इंटरेस्ट नहीं", "दूसरी नौकरी", "नहीं आना", "नहीं आऊंगा", "नहीं आऊंगी", "रद्द कर"),
  cannotThen: words("नहीं हो पाएगा", "नहीं आ पाऊंगा", "नहीं आ पाऊंगी", "मुश्किल है"),
  anotherTime: words("किसी और दिन", "कोई और दिन", "दूसरा समय", "दूसरे दिन", "कोई और समय", "कोई दूसरा समय", "अगले हफ्ते"),
  unsure: words("सोच कर बताऊंगा", "सोच के बताऊंगा", "पक्का नहीं", "शायद"),
  callBack: words("बाद में कॉल", "बाद में फोन", "बाद में बात"),
  someoneElse: words(
    "उसकी मां",
    "उसका भाई",
    "उसकी बहन",
    "उनकी पत्नी",
    "उनका भाई",
    "उनकी मां",
    "घर पर नहीं",
    "बता दूंगी",
    "बता दूंगा",
    "ऑफिस गए",
    "बाहर गए",
  ),
  wrongNumber: words("गलत नंबर", "रॉन्ग नंबर"),
  machine: words("डायल किया गया नंबर", "नंबर अभी उपलब्ध नहीं", "पहुंच से बाहर", "स्विच ऑफ", "कृपया कुछ देर बाद"),
};
