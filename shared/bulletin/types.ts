/**
 * The bulletin as a list of typed blocks (DESIGN §6): one model read by the in-app preview and by the .docx writer,
 * so what the clerk checks on screen is what the leaders read on paper.
 */
import type { StatusClass } from '../status/types';

/** The three documents the office writes from a signed period (seeds 002, 000, 001). */
export const bulletinTemplates = ['supervision', 'circular', 'report'] as const;
export type BulletinTemplate = (typeof bulletinTemplates)[number];

/** Their names as the office says them, also accepted by the CLI. */
export const templateNames: Readonly<Record<BulletinTemplate, string>> = {
  supervision: '督查通报',
  circular: '进展通报',
  report: '进展报告',
};

/** One 工作任务 under a project (seed 001). */
export interface BulletinTask {
  seq: number;
  title: string;
  goal: string;
  leadUnits: string[];
}

/** One unit's words for the period; unit null for the project as a whole. */
export interface BulletinProgress {
  unit: string | null;
  text: string;
}

/** A project as a bulletin needs it, all of it frozen with the signed revision. */
export interface BulletinItem {
  seq: string;
  section: string;
  title: string;
  goal: string;
  leadUnits: string[];
  supportUnits: string[];
  /** The judgement at the period (after a person's override); null when the revision did not record one. */
  status: StatusClass | null;
  progress: BulletinProgress[];
  tasks: BulletinTask[];
}

/** What a signed revision gives the bulletin. */
export interface BulletinSource {
  office: string;
  plan: { year: number; name: string; level: string };
  period: { label: string; asOf: string };
  revision: number;
  items: BulletinItem[];
}

/** What the clerk chooses or types; remembered between bulletins. */
export interface BulletinOptions {
  template: BulletinTemplate;
  /** 期号: 第 N 期, numbered per plan. */
  issue: number;
  /** YYYY-MM-DD, printed as 2022年10月25日. */
  date: string;
  /** 发文机关, e.g. 中共湛河区委区政府督查局. */
  issuer: string;
  /** The text under 二、工作要求 (paragraphs split on blank or new lines). */
  requirements: string;
  /** 本期发：… */
  distribution: string;
}

/** A stretch of text; bold where the seeds set it bold (（牵头单位：…）). */
export interface Run {
  text: string;
  bold?: boolean;
}

export type Block =
  /** 版头: the red name of the bulletin, 第 N 期, the issuing office and the date over a red rule. */
  | { kind: 'masthead'; name: string; issue: string; issuer: string; date: string }
  | { kind: 'title'; text: string }
  /** 一、 in 黑体. */
  | { kind: 'heading1'; text: string }
  /** （一） in 楷体. */
  | { kind: 'heading2'; text: string }
  /** "1. 名称（牵头单位：X）": a numbered item's first line. */
  | { kind: 'item'; runs: Run[] }
  /** A body paragraph, first line indented two characters. */
  | { kind: 'paragraph'; runs: Run[] }
  /** Issuing office and date, right-aligned at the end. */
  | { kind: 'signature'; lines: string[] }
  /** 本期发：… below a rule (版记). */
  | { kind: 'distribution'; label: string; text: string };

export interface BulletinDocument {
  template: BulletinTemplate;
  /** The document's title, also its file name. */
  title: string;
  blocks: Block[];
}

/** What the 生成通报 panel starts from: the signed revision's data and the remembered or default choices. */
export interface BulletinDraft {
  revision: number;
  source: BulletinSource;
  options: BulletinOptions;
}
