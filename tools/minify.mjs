// Takes the comments and the white space out of the page's scripts, which halves what a server
// sends of them (their comments are for the people who work on them; the sources in web/ keep
// them). Nothing else changes: names, strings and line breaks stay. A line break is kept
// wherever the source had one between two tokens, so that automatic semicolon insertion reads
// the result as it read the source, and the result is proven to hold the source's tokens, in
// order and unchanged, or the build stops.
// Tokens come from a full parse (Debian's node-acorn, which Emscripten needs anyway), so a '/' is
// told apart as division or the start of a regular expression by the grammar, not by a guess.
// Usage: node tools/minify.mjs FILE.js... (in place; each read as a module, whose grammar a
// classic script such as start-worker.js also meets, or the build stops)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const acorn = require('/usr/share/nodejs/acorn');  // Debian's node-acorn (build.sh installs it)

const PARSE = { ecmaVersion: 'latest', allowHashBang: true };
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function tokens(source, sourceType) {
  const list = [];
  acorn.parse(source, { ...PARSE, sourceType, onToken: list });
  return list.filter((token) => token.type !== acorn.tokTypes.eof);
}

// Two tokens written side by side must not read as one ("a b", "1 .x", "+ +", "/ /", "< !--").
function needsSpace(before, after) {
  const last = before[before.length - 1];
  const first = after[0];
  if (/[\w$\\\u0080-\uffff]/.test(last) && /[\w$\\\u0080-\uffff]/.test(first)) return true;
  if (/[0-9]/.test(last) && first === '.') return true;
  return (last === '+' || last === '-' || last === '/' || last === '<' || last === '!') &&
    (first === last || first === '=' || (last === '<' && first === '!') || (last === '-' && first === '>') ||
      (last === '/' && first === '*'));
}

// sourceType: 'module', or 'script' for a classic script (a module's stricter grammar refuses some).
export function minifyJs(source, { name = 'script', sourceType = 'module' } = {}) {
  const original = tokens(source, sourceType);
  let out = '';
  let end = 0;
  for (const token of original) {
    const gap = source.slice(end, token.start);  // white space and comments only
    const text = source.slice(token.start, token.end);
    // A comment that spans lines counts as a line break too, as it does in the source.
    if (out && LINE_BREAK.test(gap)) out += '\n';
    else if (out && gap && needsSpace(out, text)) out += ' ';
    out += text;
    end = token.end;
  }
  out += '\n';
  const result = tokens(out, sourceType);
  const same = original.length === result.length && original.every((t, i) => t.type === result[i].type &&
    source.slice(t.start, t.end) === out.slice(result[i].start, result[i].end));
  if (!same) throw new Error(`${name}: minifying changed its tokens`);
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let before = 0;
  let after = 0;
  for (const file of process.argv.slice(2)) {
    const source = readFileSync(file, 'utf8');
    const result = minifyJs(source, { name: file });
    before += source.length;
    after += result.length;
    writeFileSync(file, result);
  }
  console.log(`minified ${process.argv.length - 2} scripts: ${before} -> ${after} bytes`);
}
