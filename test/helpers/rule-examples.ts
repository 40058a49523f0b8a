// The examples on a rule page (docs/rules/<id>.md), as the docs and --fix tests read them: the yaml blocks under
// "Example" (bad) and "Use instead" (good), per platform subsection, and the "Example output" block.
import { fences, parsePage, subsections } from './markdown';

/** Example subsection → the file name the page's output block uses for it. */
export const FILE_FOR_SUBSECTION: Record<string, string> = {
  'Kong (decK / kong.yml)': 'kong.yaml',
  'Kong Ingress Controller': 'manifests.yaml',
  'CloudFormation / SAM': 'template.yaml',
};

export interface Example {
  section: 'Example' | 'Use instead';
  subsection: string;
  yaml: string;
}

export function examplesOf(text: string): { examples: Example[]; outputBlock?: string } {
  const page = parsePage(text);
  const examples: Example[] = [];
  for (const section of ['Example', 'Use instead'] as const)
    for (const [subsection, body] of subsections(page.sections.get(section) ?? []))
      for (const f of fences(body)) if (f.lang === 'yaml') examples.push({ section, subsection, yaml: f.text + '\n' });
  const output = fences(page.sections.get('Example output') ?? []).find((f) => f.lang === 'text');
  return { examples, outputBlock: output && output.text + '\n' };
}

export const isFragment = (yaml: string) => /^\s/.test(yaml);

/** Examples that are whole files of a platform cachelint scans (a bad fragment only shows what differs). */
export const runnableExamples = (examples: Example[]) =>
  examples.filter((e) => FILE_FOR_SUBSECTION[e.subsection] && !(e.section === 'Example' && isFragment(e.yaml)));
