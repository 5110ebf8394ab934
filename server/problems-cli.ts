/** `npm run api:problems -- <show|get|put file.json|stats>`; see ./problems-command.ts. */
import { runProblemsCommand } from './problems-command';

runProblemsCommand(process.argv.slice(2), process.env, {
  fetch,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => process.exit(code));
