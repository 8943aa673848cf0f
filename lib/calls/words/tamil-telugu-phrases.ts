import type { Phrases } from "./signals";

// Tamil and Telugu in Latin letters, mixed with English, as candidates in Chennai and Hyderabad answer an English
// agent. Spellings vary ("varen", "vaaren"); each phrase lists the common ones.

export const TAMIL: Phrases = {
  coming: [/\b(?:varen|vaaren|varuven|varuvaen|vandhuduven|vandhiduven|varein|varuvom)\b/],
  yes: [/\b(?:sari|seri|sariyaa|aama|aamaa|aamam|okay)\b/],
  refuses: [
    /\binterest (?:illa|illai|ille)\b/,
    /\bvara (?:maaten|matten|maatten|maatteen)\b/,
    /\b(?:venaam|vendaam|vendam)\b/,
    /\bvera (?:job|company|offer|velai)\b/,
    /\bcancel (?:pannunga|pannidunga)\b/,
  ],
  cannotThen: [/\b(?:mudiyadhu|mudiyathu|mudiyaadhu|mudiyala|mudiyaathu)\b/],
  anotherTime: [/\bvera (?:naal|time|day|date|slot|neram)\b/],
  callBack: [/\b(?:apram|aprama|appuram|apparam) (?:call|phone|pannunga|pesunga)\b/],
  someoneElse: [
    /\bveetla (?:illa|illai|ille)\b/,
    /\b(?:avanoda|avaloda|avarudaya|avanga) (?:amma|appa|wife|anna|thambi|akka|thangachi|friend|husband)\b/,
    /\b(?:avan|aval|avanga|avar) kitta (?:sollidren|solren|solluren|sollidaren)\b/,
  ],
  wrongNumber: [/\bthappana number\b/],
};

export const TELUGU: Phrases = {
  coming: [/\b(?:vastanu|vasthanu|vastha|vasta|vachestanu|vachestha|vastam)\b/],
  yes: [/\b(?:sare|sari|avunu|aunu|alage|ok andi)\b/],
  refuses: [
    /\binterest (?:ledu|ledhu|ledandi)\b/,
    /\b(?:raanu|ranu|raanandi)\b/,
    /\bvaddu\b/,
    /\bvere (?:job|company|offer|udyogam)\b/,
    /\bcancel (?:cheyyandi|cheseyandi)\b/,
  ],
  cannotThen: [/\b(?:kudaradu|kudaradhu|kudharadhu|raalenu|raaledu|avvadu)\b/],
  anotherTime: [/\b(?:vere|inkoka|inko|maro) (?:roju|time|date|day|slot)\b/],
  callBack: [/\b(?:taruvata|tarvata|tharuvatha|taruvatha) (?:call|phone|cheyyandi|matladandi)\b/],
  someoneElse: [
    /\bintlo (?:ledu|ledhu|leru|ledandi)\b/,
    /\b(?:vaalla|vaala|atani|aame|vaadi) (?:amma|nanna|wife|anna|tammudu|akka|chelli|friend|husband)\b/,
  ],
  wrongNumber: [/\bthappu number\b/],
};
