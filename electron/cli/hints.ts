/**
 * The backend speaks to the app's user ("请选择要导入到哪个年度计划"); at the command line the same request is an
 * option, so the CLI adds which one. The app never shows command-line options.
 */
const hints: [RegExp, string][] = [
  [/请选择要导入到哪个年度计划/, '--plan 计划编号'],
  [/截至哪一天/, '--as-of YYYY-MM-DD'],
  [/请在上一步选择/, '--sheet 工作表名'],
];

export function withCliHint(message: string): string {
  const hint = hints.find(([pattern]) => pattern.test(message))?.[1];
  return hint ? `${message.replace(/。$/, '')}（命令行用 ${hint}）。` : message;
}
