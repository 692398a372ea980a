/**
 * Best-effort word timings: Flite reports phone segments (with pauses) but not which word each phone
 * belongs to, so phones are shared out to the words in order, in proportion to each word's estimated
 * phone count, phrase by phrase where the pauses line up with the punctuation.
 */
export interface WordTiming {
  text: string;
  start: number;
  end: number;
}

interface Token {
  text: string;
  weight: number;
  phraseEnd: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9']+$/g, "");
    if (!/[A-Za-z0-9]/.test(word)) {
      if (out.length && /[,.;:!?]/.test(raw)) out[out.length - 1].phraseEnd = true;
      continue;
    }
    const letters = (word.match(/[A-Za-z]/g) ?? []).length;
    const digits = (word.match(/[0-9]/g) ?? []).length;
    out.push({ text: word, weight: Math.max(1, letters * 0.85 + digits * 3.5), phraseEnd: /[,.;:!?]["')]*$/.test(raw) });
  }
  return out;
}

function share(words: Token[], phones: { start: number; end: number }[], out: WordTiming[]): void {
  const P = phones.length;
  const n = words.length;
  if (n === 0 || P === 0) return;
  const total = words.reduce((sum, w) => sum + w.weight, 0);
  let acc = 0;
  let prev = 0;
  words.forEach((w, i) => {
    acc += w.weight;
    let end = i === n - 1 ? P : Math.round((acc / total) * P);
    end = Math.min(Math.max(end, prev + 1), P - (n - 1 - i));
    end = Math.max(end, Math.min(prev + 1, P));
    const first = Math.min(prev, P - 1);
    out.push({ text: w.text, start: phones[first].start, end: phones[Math.max(end - 1, first)].end });
    prev = Math.max(prev, end);
  });
}

export function wordTimings(text: string, segments: { phone: string; end: number }[]): WordTiming[] {
  const words = tokens(text);
  const groups: { start: number; end: number }[][] = [];
  let current: { start: number; end: number }[] = [];
  let prevEnd = 0;
  for (const seg of segments) {
    if (seg.phone === "pau" || seg.phone === "sil") {
      if (current.length) groups.push(current);
      current = [];
    } else current.push({ start: prevEnd, end: seg.end });
    prevEnd = seg.end;
  }
  if (current.length) groups.push(current);
  const phrases: Token[][] = [[]];
  words.forEach((w, i) => {
    phrases[phrases.length - 1].push(w);
    if (w.phraseEnd && i < words.length - 1) phrases.push([]);
  });
  const out: WordTiming[] = [];
  if (phrases.length === groups.length) phrases.forEach((p, i) => share(p, groups[i], out));
  else share(words, groups.flat(), out);
  return out;
}
