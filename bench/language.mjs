#!/usr/bin/env node
// How long the constructive-language analyzer takes on a 1,000-character note, per language
// (target: median under 1 ms, so it can run on every keystroke). Baseline in the same run:
// one regular-expression scan of the same note for a contrast word, the least any checker does.
import { analyze } from '../shared/dist/index.js';
import { percentile } from './lib.mjs';

const SAMPLES = {
  en: 'You greeted the customer warmly and used their name, but you forgot to verify the identity before discussing the account. You should always check the date of birth first. Good job on the hold etiquette! Why didn\'t you summarise before closing? How do you feel that call went? Next time, try confirming the address before you book. The customer said "you should have called me back", which we need to look at as a team. ',
  'zh-CN':
    '你开场时很有礼貌，也报了公司名称，但是没有核实客户的身份。你应该先核实身份再讨论账户。做得好！你为什么不在结束前总结一下？你觉得这通电话怎么样？下次可以先确认地址再预约。客户说“你们应该早点通知我”，这一点我们团队一起看看。',
  'zh-TW':
    '你開場時很有禮貌，也報了公司名稱，但是沒有核實客戶的身分。你應該先核實身分再討論帳戶。做得好！你為什麼不在結束前總結一下？你覺得這通電話怎麼樣？下次可以先確認地址再預約。客戶說「你們應該早點通知我」，這一點我們團隊一起看看。',
  lv: 'Tu klientu sveici ļoti laipni un uzrunāji vārdā, bet tu aizmirsi pārbaudīt identitāti pirms konta apspriešanas. Tev vajadzētu vienmēr vispirms pārbaudīt dzimšanas datumu. Labs darbs! Kāpēc tu neapkopoji sarunu pirms noslēguma? Kā tev šķiet, kā gāja šī saruna? Nākamreiz pamēģini apstiprināt adresi pirms rezervēšanas. Klients teica: "jums vajadzēja man atzvanīt", to apspriedīsim komandā. ',
};
const ROUNDS = 2_000;

/** @param {string} sample */
const note = (sample) => sample.repeat(Math.ceil(1000 / sample.length)).slice(0, 1000);

/** @param {() => unknown} fn */
function time(fn) {
  for (let i = 0; i < 200; i++) fn(); // warm up the JIT
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

console.log(
  `analyze() on a 1,000-character note, ${ROUNDS} runs per language (node ${process.version})\n`,
);
console.log('language   findings   median ms   p95 ms   p99 ms   baseline median ms   ratio');
let worst = 0;
for (const [lang, sample] of Object.entries(SAMPLES)) {
  const text = note(sample);
  const findings = analyze(text, lang).length;
  const t = time(() => analyze(text, lang));
  const contrast = /but|但是|bet/gu;
  const b = time(() => [...text.matchAll(contrast)].length);
  const median = percentile(t, 50);
  worst = Math.max(worst, median);
  console.log(
    `${lang.padEnd(10)} ${String(findings).padStart(8)}   ${median.toFixed(3).padStart(9)}   ${percentile(t, 95).toFixed(3).padStart(6)}   ${percentile(t, 99).toFixed(3).padStart(6)}   ${percentile(b, 50).toFixed(4).padStart(18)}   ${(median / percentile(b, 50)).toFixed(0).padStart(5)}x`,
  );
}
console.log(
  `\ntarget: median under 1 ms in every language: ${worst < 1 ? 'met' : 'MISSED'} (worst ${worst.toFixed(3)} ms)`,
);
