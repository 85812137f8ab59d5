/** The analysis charts (issue 19): pure functions from report rows to an SVG, in a browser or jsdom. */
export type * from './chart-types.js';
export { frequencyChart, type FrequencyMeasure } from './frequency-chart.js';
export { matrixChart } from './matrix-chart.js';
export { cooccurrenceChart } from './cooccurrence-chart.js';
export { timelineChart, type TimelineStyle, type TimelineMeasure } from './timeline-chart.js';
export { standaloneSvg, svgFileText } from './standalone-svg.js';
export { CHART_CLASS, type Chart } from './render-plot.js';
export { colorsOf } from './chart-colors.js';
export { reportChart, ENGLISH_CHART_WORDS, type ReportChartOptions } from './report-chart.js';
