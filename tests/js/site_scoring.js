// Runs the site's own scoring (tools/peerpath/static/quiz.js) outside the browser: reads
// {"keys": [question key, ...], "score": [[key number, answer], ...], "summarize": [[scores, passMark], ...]}
// on stdin (keys as the quiz page embeds them), prints the results.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const source = fs.readFileSync(path.join(__dirname, "..", "..", "tools", "peerpath", "static", "quiz.js"), "utf8");
const page = { readyState: "complete", querySelectorAll: () => [], addEventListener: () => {} };
const context = { document: page };
context.window = context;
vm.runInNewContext(source, context);
const quiz = context.PeerPathQuiz;

let input = "";
process.stdin.on("data", (chunk) => (input += chunk)).on("end", () => {
  const cases = JSON.parse(input);
  const out = {
    score: (cases.score || []).map(([key, answer]) => quiz.score(cases.keys[key], answer)),
    summarize: (cases.summarize || []).map(([scores, passMark]) => JSON.parse(JSON.stringify(quiz.summarize(scores, passMark)))),
  };
  process.stdout.write(JSON.stringify(out));
});
