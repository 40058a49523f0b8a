// A jest reporter that prints why tests were skipped. jest's own reporters print nothing for a file whose every test
// is skipped, not even what it logged, so a suite skipped for a missing corpus (test/helpers/corpus.ts), a missing
// nginx or pre-commit would vanish into a count. The reason is a skipped test's title that starts with "skipped:",
// else the first line such a file warned on the console, else said to be missing.
const { relative } = require('node:path');

class SkipReasons {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.lines = [];
  }

  onTestResult(_test, result) {
    const file = relative(this.rootDir, result.testFilePath);
    const titled = result.testResults.filter((t) => t.status === 'pending' && t.title.startsWith('skipped:'));
    for (const t of titled) this.lines.push(`  ○ ${[file, ...t.ancestorTitles].join(' › ')}: ${t.title}`);
    if (titled.length || !result.skipped) return;
    const warned = (result.console ?? []).map((m) => m.message.replace(/[*\s]+/g, ' ').trim()).find(Boolean);
    this.lines.push(`  ○ ${file}: ${warned ?? 'every test skipped (the file gives no reason)'}`);
  }

  onRunComplete() {
    if (this.lines.length) process.stderr.write(`\nSkipped, with the reason:\n${this.lines.sort().join('\n')}\n`);
  }
}

module.exports = SkipReasons;
