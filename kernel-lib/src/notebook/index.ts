// Notebook helpers: display, figures, tables, checks, export. Named exports only.
export {
  chromiumPath,
  ChromiumMissingError,
  plotlyScriptPath,
  browserSession,
  closeBrowser,
} from './browser.js';
export {
  rel,
  abs,
  within,
  atLeast,
  atMost,
  below,
  equal,
  describeTolerance,
  check,
  checks,
  CHECKS_MIME,
  showChecks,
  verdictOf,
  type CheckKind,
  type Tolerance,
  type CheckSpec,
  type CheckResult,
} from './checks.js';
export {
  inKernel,
  displayBundle,
  KernelDisplayError,
  type MimeBundle,
} from './display.js';
export {
  EXPORT_FORMATS,
  IDLE_CLOSE_MS,
  renderFigure,
  exportFigure,
  type ExportFormat,
  type RenderOptions,
  type ExportOptions,
} from './export.js';
export {
  FIGURE_METADATA_KEY,
  validateFigureName,
  show,
  figureToCsv,
  type PlotlyTrace,
  type PlotlyFigure,
  type FigureMetadata,
  type ShowOptions,
} from './figure.js';
export {
  PX_PER_INCH,
  EXPORT_DPI,
  FIGURE_SIZES,
  figureSize,
  PALETTE,
  FONT_FAMILY,
  MIN_FONT_PT,
  HOUSE_STYLE_KEY,
  SUBSCRIPT_SCALE,
  legibleSubscripts,
  textSizesPx,
  resolveFigureSize,
  fitLayout,
  paperLayout,
  type LegendPlacement,
  type FitOptions,
  type FigureSizeName,
  type FigureSizePx,
  type PaperLayoutOptions,
} from './style.js';
export {
  escapeHtml,
  textTable,
  htmlTable,
  showTable,
  type Row,
  type ShowTableOptions,
} from './table.js';
export {
  PLOTLY_LOADER_METADATA_KEY,
  FIGURE_HTML_CLASS,
  plotlyLoaderHtml,
  figureHtml,
} from './plotly-html.js';
export {
  parametersHash,
  figureProvenance,
  provenanceLine,
  withSvgMetadata,
  withPdfMetadata,
  readPdfMetadata,
  type FigureProvenance,
} from './provenance.js';
