// Copies the server jar built by Maven into the extension (server/vault-ls.jar), so that the
// .vsix carries it, and the repository's LICENSE and CHANGELOG.md, which vsce takes from the
// extension's folder, and the .vault-ls.json schema (contributed as jsonValidation). VAULT_LS_JAR names another jar to copy.
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = resolve(process.env.VAULT_LS_JAR || resolve(here, '../../server/target/vault-ls.jar'));
const target = resolve(here, '../server/vault-ls.jar');
if (!existsSync(source)) {
  console.error(`copy-server: ${source} does not exist; build the server first (mvn -B package -DskipTests in the repo root)`);
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(source, target);
console.log(`copy-server: ${source} -> server/vault-ls.jar (${Math.round(statSync(target).size / 1024)} KiB)`);
mkdirSync(resolve(here, '../schemas'), { recursive: true });
for (const name of ['LICENSE', 'CHANGELOG.md', 'schemas/vault-ls.schema.json']) {
  copyFileSync(resolve(here, '../..', name), resolve(here, '..', name));
}
