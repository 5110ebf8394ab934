/** `npm run api:status -- <show|normal|peak|incident> [message] [--until <ISO>]`; see ./status-command.ts. */
import { runStatusCommand } from './status-command';

runStatusCommand(process.argv.slice(2), process.env, {
  fetch,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then((code) => process.exit(code));
