// A jest reporter that prints why tests were skipped. jest's own reporters print nothing for a file whose every test
// is skipped, so a suite skipped for a missing corpus (test/helpers/corpus.ts) would vanish into a count; its skipped
// test's title starts with "skipped:" and says why, and this prints that title once per run.
const { relative } = require('node:path');

class SkipReasons {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.lines = [];
  }

  onTestResult(_test, result) {
    for (const t of result.testResults) {
      if (t.status !== 'pending' || !t.title.startsWith('skipped:')) continue;
      const suite = t.ancestorTitles.join(' › ');
      this.lines.push(`  ○ ${relative(this.rootDir, result.testFilePath)}${suite ? ` › ${suite}` : ''}: ${t.title}`);
    }
  }

  onRunComplete() {
    if (this.lines.length) process.stderr.write(`\nSkipped, with the reason:\n${this.lines.sort().join('\n')}\n`);
  }
}

module.exports = SkipReasons;
