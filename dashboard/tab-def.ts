/**
 * What a dashboard tab is: its registration (id, title, the result tables,
 * figures and derived parts it loads when first opened, its module) and what
 * its render function receives.
 */
import type { Table } from '../pipeline/types.ts';
import type { ChartFile } from './chart-file.ts';
import type { PartName, Parts } from './parts.ts';
import type { Payload } from './payload.ts';

/** The run the page shows, embedded in index.html for the header. */
export interface SiteMeta {
  version: string;
  created: string | null;
  gitCommit: string | null;
  seed: string | number;
}

/** One tab's data file, data/tab-<id>.json, written at build time. */
export interface TabData {
  tables: Record<string, Table>;
  figures: Record<string, ChartFile>;
  charts: Record<string, ChartFile>;
  parts: Partial<Parts>;
}

export interface TabContext {
  meta: SiteMeta;
  /** A table the tab lists; throws if it does not (a registration mistake, caught by the browser tests). */
  table(id: string): Table;
  /** A result figure the tab lists, precompiled; undefined when the result folder has none. */
  figure(id: string): ChartFile | undefined;
  /** One of the tab module's own charts, precompiled. */
  chart(id: string): ChartFile;
  part<K extends PartName>(name: K): Parts[K];
  /** Switches tab; `target` is handed to that tab (a claim id for the Claims tab). */
  go(tab: string, target?: string): void;
}

export interface TabController {
  reveal?(target: string): void;
}

/** A Vega-Lite spec built from the result folder at build time. */
export type ChartBuilder = (p: Payload) => Record<string, unknown>;

export interface TabModule {
  render(panel: HTMLElement, ctx: TabContext): Promise<TabController | void>;
  /** The tab's own charts by id: built and compiled to Vega at build time, drawn with ctx.chart(id). */
  charts?: Record<string, ChartBuilder>;
}

export interface TabDef {
  /** Used in the URL (?tab=id or #id) and in element ids (tab-id, panel-id). */
  id: string;
  title: string;
  /** Result tables the tab reads; the build fails, naming the table, when the result folder lacks one. */
  tables?: string[];
  /** Result figures the tab draws (skipped when the folder has none). */
  figures?: string[];
  parts?: PartName[];
  /** The tab's module, loaded when the tab first opens. */
  load(): Promise<TabModule>;
}
