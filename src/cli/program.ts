import { Command, CommanderError, Option } from 'commander';
import { EXIT } from '../ground/errors.js';
import { setQuiet } from '../ground/notes.js';
import { LEXGAP_VERSION } from '../version.js';

const collect = (value: string, previous: string[]) => [...previous, value];
const frameworksOption = () => new Option('--frameworks <dir>', 'also load the frameworks in this folder (repeatable)').argParser(collect).default([]);
const formatOption = (choices: string[]) => new Option('--format <format>', 'output format').choices(choices).default(choices[0]);

/** Registers the commands; each command's module is imported only when it runs, so start-up stays fast. */
export function buildProgram(): Command {
  const program = new Command('lexgap')
    .description('Assess a country\'s law against a legislative framework (such as the ASEAN OCSEA guideline): validate profiles, score them, list the gaps.')
    .version(LEXGAP_VERSION, '-V, --version')
    .option('--verbose', 'show the details of an internal error')
    .option('-q, --quiet', 'leave out notes on stderr (the warnings summary, the framework used); errors are still printed')
    .showHelpAfterError('(run `lexgap --help` for the commands, or `lexgap <command> --help`)')
    .exitOverride()
    .hook('preAction', (_program, command) => setQuiet(command.optsWithGlobals().quiet === true));

  program
    .command('validate')
    .description('check profiles against their framework; every finding at once, as file:line:col')
    .argument('<paths...>', 'profile files or folders of profiles')
    .addOption(formatOption(['text', 'json']))
    .option('--max-warnings <n>', 'also fail (exit 1) when there are more than n warnings, e.g. 0 in CI')
    .addOption(frameworksOption())
    .action(async (paths, options) => run(import('./commands/validate.js').then((m) => m.validate(paths, options))));

  program
    .command('score')
    .description('score profiles: overall, per tier, coverage, standing and the gaps in priority order')
    .argument('<paths...>', 'profile files or folders of profiles')
    .addOption(formatOption(['text', 'json', 'csv', 'markdown']))
    .option('--gaps <n>', 'how many gaps to list per country, or "all"')
    .option('--framework <id>', 'score against this framework; profiles that answer another are derived through a crosswalk')
    .addOption(new Option('--by <view>', 'group the scores by tier, or by the focus areas the framework tags').choices(['tier', 'focus-area']).default('tier'))
    .option('--fail-under <score>', 'exit 1 when a country\'s overall score is below this: 0–1, or a percentage such as 60%')
    .addOption(new Option('--bound <which>', 'what --fail-under compares: the assessed score, or the lowest or highest it could be once every unknown is answered').choices(['lower', 'assessed', 'upper']).default('assessed'))
    .addOption(frameworksOption())
    .action(async (paths, options) => run(import('./commands/score.js').then((m) => m.score(paths, options))));

  program
    .command('init')
    .description('write a blank profile for a country, every element answered "unknown"')
    .argument('<country>', 'ISO 3166-1 alpha-2 code, e.g. PH')
    .option('--framework <id>', 'the framework to answer (needed when there are several)')
    .option('--out <file>', 'where to write it (default: <COUNTRY>.yaml)')
    .option('--force', 'replace the file if it exists')
    .addOption(frameworksOption())
    .action(async (country, options) => run(import('./commands/init.js').then((m) => m.init(country, options))));

  program
    .command('schema')
    .description('print the profile JSON Schema derived from a framework (for editors and other tools)')
    .option('--framework <id>', 'the framework (needed when there are several)')
    .option('--out <file>', 'write to this file instead of printing; with --all, a folder')
    .option('--all', 'write one schema per framework, <id>.profile.json')
    .addOption(frameworksOption())
    .action(async (options) => run(import('./commands/schema.js').then((m) => m.schema(options))));

  program
    .command('frameworks')
    .description('list the frameworks found, and any problem in their files')
    .addOption(formatOption(['text', 'json']))
    .addOption(frameworksOption())
    .action(async (options) => run(import('./commands/frameworks.js').then((m) => m.frameworks(options))));

  program
    .command('report')
    .description('write a gap report per profile, as PDF and/or HTML, named after the country code (PH.pdf)')
    .argument('<paths...>', 'profile files or folders of profiles')
    .addOption(formatOption(['pdf', 'html', 'both']))
    .option('--out <dir>', 'the folder to write the reports in', '.')
    .option('--lang <code>', 'the language of the report\'s own words (en, th, vi)', 'en')
    .addOption(new Option('--template <name>', 'the country gap report, or the two-page brief for parliament').choices(['country', 'brief']).default('country'))
    .option('--templates <dir>', 'a folder whose templates, partials and styles replace the shipped ones of the same name')
    .option('--since <git-rev>', 'add "Changes since …": each profile compared with its version at this git revision')
    .addOption(frameworksOption())
    .action(async (paths, options) => run(import('./commands/report.js').then((m) => m.report(paths, options))));

  program
    .command('compare')
    .description('the regional comparison: a heatmap of countries × provisions by tier, as HTML, PDF (landscape A4) or CSV')
    .argument('<paths...>', 'profile files or folders of profiles')
    .addOption(new Option('--format <format>', 'output format (default: from --out\'s extension, else html)').choices(['html', 'pdf', 'csv']))
    .option('--out <file>', 'the file to write (default: comparison.<format>; "-" prints HTML or CSV)')
    .option('--lang <code>', 'the language of the report\'s own words (en, th, vi)', 'en')
    .option('--templates <dir>', 'a folder whose templates, partials and styles replace the shipped ones of the same name')
    .option('--framework <id>', 'compare against this framework; profiles that answer another are derived through a crosswalk')
    .addOption(new Option('--sort <order>', 'order the countries by code, or by a score, highest first: the assessed score, or the lowest or highest it could be').choices(['name', 'assessed', 'lower', 'upper']).default('name'))
    .addOption(frameworksOption())
    .action(async (paths, options) => run(import('./commands/compare.js').then((m) => m.compare(paths, options))));

  program
    .command('diff')
    .description('what changed between two versions of a profile: provisions improved or regressed, score deltas, laws')
    .argument('<profile>', 'the earlier version (or, with --since, the profile itself)')
    .argument('[new-profile]', 'the later version')
    .option('--since <git-rev>', 'compare the profile with its version at this git revision (HEAD~1, a tag, a branch)')
    .addOption(formatOption(['text', 'json']))
    .addOption(frameworksOption())
    .action(async (first, second, options) => run(import('./commands/diff.js').then((m) => m.diff(first, second, options))));

  program
    .command('agree')
    .description("how far two independent codings of one country agree: percentage and Cohen's kappa per tier and overall, and every disagreement")
    .argument('<profile-a>', 'the first coding')
    .argument('<profile-b>', 'the second coding, of the same country and framework')
    .addOption(formatOption(['text', 'json']))
    .addOption(frameworksOption())
    .action(async (a, b, options) => run(import('./commands/agree.js').then((m) => m.agree(a, b, options))));

  program
    .command('export')
    .description('tidy data for research tools: one row per country × provision × element, as CSV or JSON')
    .argument('<paths...>', 'profile files or folders of profiles')
    .addOption(formatOption(['csv', 'json']))
    .option('--out <file>', 'write to this file instead of printing')
    .option('--framework <id>', 'export against this framework; rows of profiles that answer another are derived through a crosswalk, and marked so')
    .addOption(frameworksOption())
    .action(async (paths, options) => run(import('./commands/export.js').then((m) => m.exportData(paths, options))));

  program
    .command('serve')
    .description('preview a profile\'s report in the browser, reloaded as you edit; errors shown with their lines')
    .argument('<profile>', 'the profile to preview')
    .option('--port <n>', 'the port on 127.0.0.1 (0: any free port)', '8040')
    .option('--lang <code>', 'the language of the report\'s own words (en, th, vi)', 'en')
    .addOption(new Option('--template <name>', 'the country gap report, or the two-page brief').choices(['country', 'brief']).default('country'))
    .option('--templates <dir>', 'a folder whose templates, partials and styles replace the shipped ones of the same name')
    .addOption(frameworksOption())
    .action(async (file, options) => run(import('./commands/serve.js').then((m) => m.serve(file, options))));

  program
    .command('edit')
    .description('assess a country in the browser: forms that read and write the profile, checked as you type')
    .argument('<profile>', 'the profile to edit (a new one starts as `init` would write it)')
    .option('--framework <id>', 'the framework a new profile answers (needed when there are several)')
    .option('--port <n>', 'the port on 127.0.0.1 (0: any free port)', '8041')
    .option('--lang <code>', 'the language of the workbench (en, th, vi)', 'en')
    .addOption(frameworksOption())
    .action(async (file, options) => run(import('./commands/edit.js').then((m) => m.edit(file, options))));

  return program;
}

async function run(command: Promise<number>): Promise<void> {
  process.exitCode = await command;
}

/** Parses the command line with commander and runs the command; commander's own errors (it has printed them) become exit codes. */
export async function runProgram(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    // Help and version are not failures.
    if (err instanceof CommanderError) process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    else throw err;
  }
}

