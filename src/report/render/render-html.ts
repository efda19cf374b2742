import type { DocumentInfo } from '../pdf/pdf-info.js';
import type { DocumentBase } from '../view/types.js';
import { FONT_STACK, fontFacesFor } from './fonts.js';
import { loadTemplateFiles, type SourceFile, type TemplateFiles } from './template-files.js';

export type TemplateName = 'country' | 'brief' | 'comparison';

export interface RenderedDocument {
  name: TemplateName;
  html: string;
  /** Chromium's header and footer templates (separate documents: they carry their own fonts). */
  headerTemplate: string;
  footerTemplate: string;
  title: string;
  /** Written into the PDF's document information after printing (Chromium sets only the title); absent: Chromium's is kept. */
  info?: DocumentInfo;
  landscape: boolean;
  /** Characters that no embedded font covers. */
  uncovered: string[];
}

/** A template could not be compiled or rendered: names the file, so a custom template's author can fix it. */
export class TemplateError extends Error {}

/**
 * Stands for the page's CSS while rendering, so the fonts can be chosen from the rendered text. It
 * holds a "<", which escaped text never does: a profile or framework that writes the token in its
 * text cannot have the stylesheet pasted there.
 */
const STYLE_TOKEN = '<lexgap-styles>';

type Template = (context: unknown) => string;

/** Handlebars, loaded only when a report is made: `lexgap validate` never loads it. */
export class HtmlRenderer {
  private constructor(
    private readonly templates: Map<string, { file: string; run: Template }>,
    private readonly styles: TemplateFiles['styles'],
    private readonly safe: (s: string) => unknown,
  ) {}

  static async create(overrideDir?: string): Promise<HtmlRenderer> {
    const files = await loadTemplateFiles(overrideDir);
    const { default: Handlebars } = await import('handlebars');
    // An isolated instance; strict: a missing field is an error, never a blank; only the built-in helpers.
    const hb = Handlebars.create();
    const options = { strict: true, knownHelpersOnly: true, preventIndent: true } as const;
    const compile = (source: SourceFile): Template => {
      try {
        hb.precompile(source.text, options); // compiles now, so a syntax error names its file before anything is written
      } catch (err) {
        throw new TemplateError(`${source.file}: ${(err as Error).message}`);
      }
      return hb.compile(source.text, options) as Template;
    };
    for (const partial of files.partials.values()) hb.registerPartial(partial.name, compile(partial));
    const templates = new Map<string, { file: string; run: Template }>();
    for (const t of files.templates.values()) templates.set(t.name, { file: t.file, run: compile(t) });
    return new HtmlRenderer(templates, files.styles, (s) => new hb.SafeString(s));
  }

  render(name: TemplateName, view: DocumentBase): RenderedDocument {
    const html = this.run(name, view, ['theme.css', 'base.css', 'ranges.css', `${name}.css`, 'custom.css']);
    return {
      name,
      html: html.text,
      headerTemplate: this.run('pdf-header', view, []).text,
      footerTemplate: this.run('pdf-footer', view, []).text,
      title: view.title,
      info: { title: view.title, ...view.pdfInfo },
      landscape: name === 'comparison',
      uncovered: html.uncovered,
    };
  }

  private run(name: string, view: DocumentBase, stylesheets: string[]): { text: string; uncovered: string[] } {
    const template = this.templates.get(name);
    if (!template) throw new TemplateError(`there is no template "${name}.hbs"`);
    let text: string;
    try {
      text = template.run({ ...view, styles: this.safe(STYLE_TOKEN) });
    } catch (err) {
      throw new TemplateError(`${template.file}: ${(err as Error).message}`);
    }
    const fonts = fontFacesFor(text);
    const css = [
      fonts.css,
      `:root{--lexgap-fonts:${FONT_STACK}}`,
      ...stylesheets.flatMap((s) => (this.styles.has(s) ? [`/* ${s} */\n${this.styles.get(s)!.text}`] : [])),
    ].join('\n');
    return { text: text.split(STYLE_TOKEN).join(css), uncovered: fonts.uncovered };
  }
}
