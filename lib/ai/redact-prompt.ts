/**
 * Takes the text of a prompt out of a string that is shown to a person (a server's error that echoes the
 * request, say): every run of `minRun` or more characters that also appears in the prompt becomes "[…]".
 */
export function redactPrompt(text: string, prompt: string, minRun = 24): string {
  if (!prompt || text.length < minRun) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    if (i + minRun <= text.length && prompt.includes(text.slice(i, i + minRun))) {
      let j = i + minRun;
      while (j < text.length && prompt.includes(text.slice(i, j + 1))) j++;
      out += "[…]";
      i = j;
    } else out += text[i++];
  }
  return out;
}
