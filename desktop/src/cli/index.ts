import { runCli } from './sidecoach.js';

void runCli(process.argv.slice(2), process.env, process.platform).then(({ code, message }) => {
  if (message) (code === 0 ? process.stdout : process.stderr).write(`${message}\n`);
  process.exitCode = code;
});
