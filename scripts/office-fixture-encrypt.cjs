// Password-protects a DOCX the way Word does (ECMA-376 agile encryption, an OLE container with
// EncryptedPackage), for the "encrypted" fixture. officecrypto-tool is a fixture-time tool only,
// installed by make-fixtures-office.sh into a temporary directory, never a project dependency.
// Usage: NODE_PATH=DIR/node_modules node scripts/office-fixture-encrypt.cjs IN.docx OUT.docx PASSWORD
const fs = require('node:fs');
const officeCrypto = require('officecrypto-tool');

const [input, output, password] = process.argv.slice(2);
if (!input || !output || !password) {
  console.error('用法：node scripts/office-fixture-encrypt.cjs 输入.docx 输出.docx 密码');
  process.exit(2);
}
const encrypted = officeCrypto.encrypt(fs.readFileSync(input), { password });
if (!officeCrypto.isEncrypted(encrypted)) throw new Error('encryption produced an unencrypted file');
fs.writeFileSync(output, encrypted);
