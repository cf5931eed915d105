import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LedgerError } from '../../../shared/errors';
import type { Cell, Grid } from '../../../shared/import/grid';
import { applyMapping, headerSignature, understandTable } from '../../../shared/import/understand';

const grid = (cells: Cell[][], merges: Grid['merges'] = []): Grid => ({ cells, merges });

describe('understandTable', () => {
  it('finds a header with padded and broken names below a title, 截至 and 填报单位 lines', () => {
    const table = understandTable(
      grid(
        [
          ['附件2', null, null, null],
          ['2021年区重点民生实事推进情况表', null, null, null],
          ['填报单位（盖章）：区发改委', null, '截至9月底', null],
          ['序  号', '民生实事', '责 任\n单 位', '进展\n情况'],
          [1, '建设城区幼儿园3所。年底前投用。', '区教育局', '主体完工。'],
        ],
        [{ s: { r: 1, c: 0 }, e: { r: 1, c: 3 } }],
      ),
    );
    expect(table.headerRow).toBe(4);
    expect(table.title).toBe('2021年区重点民生实事推进情况表');
    expect(table.asOf).toBe('2021-09-30');
    expect(table.reportingUnit).toBe('区发改委');
    expect(table.columns.map((c) => c.field)).toEqual(['seq', 'project', 'leadUnits', 'progress']);
    expect(table.rows[0]).toMatchObject({ sourceRow: 5, seq: '1', project: '建设城区幼儿园3所', task: '建设城区幼儿园3所。年底前投用。' });
  });

  it('reads a two-row header without merges (as a CSV has it)', () => {
    const table = understandTable(
      grid([
        ['编号', '工作任务', '年度目标', null, '完成情况', null],
        [null, null, '目标值', '计量单位', '累计完成', '完成进度'],
        ['1', '培训。', '2.8', '万人次', '1.38万人次', '0.49'],
        ['2', '筛查。', '１４０００', '人', '8,406', '0.6'],
      ]),
    );
    expect(table.headerRows).toBe(2);
    expect(table.columns.map((c) => c.field)).toEqual(['seq', 'task', 'target', 'unit', 'actual', 'rate']);
    expect(table.rows[0]!.indicators).toEqual([{ name: '培训', target: 28000, unit: '人次', actual: 13800, rate: 49 }]);
    expect(table.rows[1]!.indicators).toEqual([{ name: '筛查', target: 14000, unit: '人', actual: 8406, rate: 60 }]);
  });

  it('keeps sections, skips empty, total, note and footer rows, and carries a project name down', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '工作任务', '责任单位'],
        ['（一）', '城乡建设类', null, null],
        [1, '老旧小区改造', '改造小区19个。', '县住建局'],
        [null, null, '加装电梯10部。', '县住建局'],
        [null, null, null, null],
        ['第二类 民生保障', null, null, null],
        ['一', '技能培训', '培训2.8万人次。', '县人社局'],
        ['合计', null, null, null],
        ['注：数据为初步统计。', null, null, null],
        ['填表人：张三', null, '审核人：李四', null],
      ]),
    );
    expect(table.rows.map((r) => [r.sourceRow, r.seq, r.section, r.project, r.task])).toEqual([
      [3, '1', '（一）、城乡建设类', '老旧小区改造', '改造小区19个。'],
      [4, null, '（一）、城乡建设类', '老旧小区改造', '加装电梯10部。'],
      [7, '1', '第二类 民生保障', '技能培训', '培训2.8万人次。'],
    ]);
    expect(table.warnings.map((w) => [w.row, w.code])).toContainEqual([8, 'TOTAL_ROW']);
    expect(table.warnings.find((w) => w.code === 'TOTAL_ROW')?.message).toMatch(/合计/);
  });

  it('reads "单位" as the responsible unit when the column holds organisations', () => {
    const table = understandTable(grid([['序号', '工作任务', '单位'], [1, '任务。', '县人社局'], [2, '任务二。', '县民政局']]));
    expect(table.columns[2]!.field).toBe('leadUnits');
    expect(table.rows[1]!.leadUnits).toEqual(['县民政局']);
  });

  it('refuses a grid without a header, or without content, with its own code', () => {
    expect(() => understandTable(grid([['甲', '乙'], [1, 2]]))).toThrow(expect.objectContaining({ code: 'IMPORT_NO_HEADER' }));
    expect(() => understandTable(grid([[null, ''], []]))).toThrow(expect.objectContaining({ code: 'IMPORT_EMPTY' }));
    expect(() => understandTable(grid([['工作任务', '责任单位']]), { headerRow: 9 })).toThrow(expect.objectContaining({ code: 'IMPORT_NO_HEADER' }));
  });

  it('honours a forced header row, and applyMapping re-runs with the user\'s columns', () => {
    const cells: Cell[][] = [
      ['说明', '甲', '乙'],
      ['事项', '部门', '情况'],
      ['建设公园1个。', '县住建局', '已完工。'],
    ];
    const forced = understandTable(grid(cells), { headerRow: 2 });
    expect(forced.headerRow).toBe(2);
    expect(forced.columns.map((c) => c.field)).toEqual(['project', null, null]);
    const mapped = applyMapping(grid(cells), [
      { index: 0, header: '事项', field: 'task', confidence: 1 },
      { index: 1, header: '部门', field: 'leadUnits', confidence: 1 },
      { index: 2, header: '情况', field: 'progress', confidence: 1 },
    ], { headerRow: 2 });
    expect(mapped.rows).toEqual([
      expect.objectContaining({ sourceRow: 3, project: '建设公园1个', leadUnits: ['县住建局'], progress: '已完工。' }),
    ]);
    expect(headerSignature(mapped)).toBe(headerSignature(forced));
    expect(headerSignature(mapped)).toBe('h1:事项|部门|情况');
  });

  it('signs headers independently of spacing and width', () => {
    const a = understandTable(grid([['编号', '工作任务', '责任单位'], [1, '甲。', '县局']]));
    const b = understandTable(grid([['编　号', '工作\n任务', '责 任 单 位'], [1, '乙。', '县局']]));
    expect(headerSignature(a)).toBe(headerSignature(b));
  });
});

// --- properties ----------------------------------------------------------------------------------------------

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('编号', '工作任务', '责任单位', '责 任 人', '工作进度', '一、已完成实事（2件）', '合计', '填表人：', '县城管局\n县住建局', '王 晓 滕跃峰', '55%', '1.38万人次', '（一）', '第一类', '截至9月底', '目标值', '完成率', '单位'),
);
const anyMerge = fc.record({ s: fc.record({ r: fc.integer({ min: -2, max: 12 }), c: fc.integer({ min: -2, max: 8 }) }), e: fc.record({ r: fc.integer({ min: -2, max: 12 }), c: fc.integer({ min: -2, max: 8 }) }) });

describe('understandTable on shapes found by probing', () => {
  it('takes a 类别 column beside a name column as each row’s section, numbering restarting under it', () => {
    const table = understandTable(
      grid(
        [
          ['2023年县重点民生实事进展情况表', null, null, null],
          ['类别', '序号', '项目名称', '牵头单位'],
          ['一、教育', 1, '新建城区小学', '县教育局'],
          [null, 2, '学前教育扩容', '县教育局'],
          ['二、医疗卫生', 1, '乡镇卫生院提标', '县卫健委'],
        ],
        [{ s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }],
      ),
    );
    expect(table.columns.map((c) => c.field)).toEqual(['section', 'seq', 'project', 'leadUnits']);
    expect(table.rows.map((r) => [r.section, r.seq, r.project])).toEqual([
      ['一、教育', '1', '新建城区小学'],
      ['一、教育', '2', '学前教育扩容'],
      ['二、医疗卫生', '1', '乡镇卫生院提标'],
    ]);
    expect(table.warnings.map((w) => w.code)).not.toContain('SEQ_DUPLICATE');
  });

  it('leaves out notes, 填报单位（盖章） and a closing date under the table, whatever else their row holds', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '牵头单位', '进展情况'],
        [1, '新建城区小学', '县教育局', '主体完工'],
        ['注：完成率按完成值除以年度目标计算。', null, null, '数据来源：县统计局'],
        ['备注：', '本表数据截至9月30日', null, null],
        ['填报单位（盖章）：县发改局', null, '填报日期：2023年10月8日', null],
        ['单位负责人（签字）：李四', null, null, null],
        ['2023年10月8日', null, null, null],
      ]),
    );
    expect(table.rows.map((r) => r.project)).toEqual(['新建城区小学']);
    expect(table.warnings.filter((w) => w.row > 0)).toEqual([]);
  });

  it('reads a two-row header whose top cells name the period (1-9月完成) and whose lower cells say 数量', () => {
    const table = understandTable(
      grid(
        [
          ['序号', '项目名称', '牵头单位', '年度目标', null, '1-9月完成', null, '进展情况'],
          [null, null, null, '数量', '单位', '数量', '完成率', null],
          [1, '城区学校扩容', '县教育局', 3600, '个', 2800, '77.8%', '主体完工'],
        ],
        [
          { s: { r: 0, c: 3 }, e: { r: 0, c: 4 } },
          { s: { r: 0, c: 5 }, e: { r: 0, c: 6 } },
        ],
      ),
    );
    expect(table.headerRows).toBe(2);
    expect(table.rows[0]!.indicators).toEqual([{ name: '城区学校扩容', target: 3600, unit: '个', actual: 2800, rate: 77.8 }]);
    expect(table.rows[0]!.progress).toBe('主体完工');
  });

  it('takes a 完成进度 column of sentences as the progress, not as a rate', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '牵头单位', '完成进度'],
        [1, '城区学校扩容', '县教育局', '已完成主体工程，新增学位2800个'],
        [2, '老旧小区改造', '县住建局', '已完工9个，其余3个正在施工'],
      ]),
    );
    expect(table.columns[3]!.field).toBe('progress');
    expect(table.rows.map((r) => r.progress)).toEqual(['已完成主体工程，新增学位2800个', '已完工9个，其余3个正在施工']);
    expect(table.warnings).toEqual([expect.objectContaining({ code: 'NO_AS_OF' })]);
  });

  it('keeps a project numbered 三 without details as a project when the table numbers its projects 一、二、三, and 合计（5项） as a total', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '牵头单位', '进展情况'],
        ['一', '城区学校扩容', '县教育局', '主体完工'],
        ['二', '老旧小区改造', '县住建局', '完工9个'],
        ['三', '农村公路提质', null, null],
        ['合计（5项）', null, null, null],
      ]),
    );
    expect(table.rows.map((r) => [r.seq, r.section, r.project])).toEqual([
      ['1', null, '城区学校扩容'],
      ['2', null, '老旧小区改造'],
      ['3', null, '农村公路提质'],
    ]);
    expect(table.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['NO_LEAD_UNIT', 'TOTAL_ROW']));
  });

  it('reads the people out of a 牵头单位及责任人 column, and roles written into the units', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '牵头单位及责任人', '进展情况'],
        [1, '城区学校扩容', '县教育局 张三', '主体完工'],
        [2, '城乡供水', '县水利局牵头，县残联配合\n欧阳明', '管网铺设完成'],
      ]),
    );
    expect(table.rows.map((r) => [r.leadUnits, r.supportUnits, r.responsiblePeople])).toEqual([
      [['县教育局'], [], ['张三']],
      [['县水利局'], ['县残联'], ['欧阳明']],
    ]);
  });

  it('carries a project down only to rows without a number of their own, tasks and indicators alike', () => {
    const tasks = understandTable(
      grid([
        ['序号', '项目名称', '工作任务', '责任单位'],
        [1, '城区学校扩容', '1.新建小学2所。', '县教育局'],
        [null, null, '2.改扩建中学1所。', '县教育局'],
        [2, null, '新建停车场3处。', '县住建局'],
      ]),
    );
    expect(tasks.rows.map((r) => r.project)).toEqual(['城区学校扩容', '城区学校扩容', '新建停车场3处']);
    const indicators = understandTable(
      grid([
        ['序号', '项目名称', '指标名称', '单位', '目标值', '完成值'],
        [1, '城区学校扩容', '新增学位', '个', 3600, 2800],
        [null, null, '新建学校', '所', 2, 1],
      ]),
    );
    expect(indicators.rows.map((r) => [r.project, r.indicators[0]?.name, r.indicators[0]?.unit])).toEqual([
      ['城区学校扩容', '新增学位', '个'],
      ['城区学校扩容', '新建学校', '所'],
    ]);
    expect(indicators.rows.every((r) => r.leadUnits.length === 0)).toBe(true);
  });

  it('reads negative numbers written as text, takes the latest of two progress columns, and leaves 全县合计 out', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '目标值', '完成值', '完成率', '7月进展情况', '9月进展情况'],
        [1, '降低空置率', '-5', '-3.2', '-3.2%', '7月文字', '9月文字'],
        ['全县合计', null, 10, 8, null, null, null],
        ['合计：3项', null, null, null, null, null, null],
      ]),
    );
    expect(table.rows.map((r) => [r.project, r.progress, r.indicators[0]])).toEqual([
      ['降低空置率', '9月文字', { name: '降低空置率', target: -5, unit: '', actual: -3.2, rate: -3.2 }],
    ]);
  });

  it('names a task-only row after its first numbered task, not the ones run on after it', () => {
    const table = understandTable(
      grid([
        ['序号', '工作任务', '责任单位'],
        [1, '1.新建停车场3处2.改造农贸市场2个', '县住建局'],
        [2, '建设农村公路2.5公里。', '县交通局'],
      ]),
    );
    expect(table.rows.map((r) => r.project)).toEqual(['新建停车场3处', '建设农村公路2.5公里']);
  });

  it('joins a title set over two lines, takes its period as the as-of date, and reads 单位：万元 as the figures’ unit', () => {
    const table = understandTable(
      grid([
        ['附件3', null, null, null],
        ['某某县2023年重点民生实事', null, null, null],
        ['项目推进情况统计表（1-9月）', null, null, null],
        [null, null, null, '单位：万元'],
        ['序号', '项目名称', '年度目标', '完成值'],
        [1, '城区学校建设', 1500, 800],
      ]),
    );
    expect(table.title).toBe('某某县2023年重点民生实事项目推进情况统计表（1-9月）');
    expect(table.asOf).toBe('2023-09-30');
    expect(table.rows[0]!.indicators).toEqual([{ name: '城区学校建设', target: 1500, unit: '万元', actual: 800, rate: null }]);
  });

  it('states an actual given in 万元 against a target in 亿元 in the target’s unit, and keeps a unit only the actual names', () => {
    const table = understandTable(
      grid([
        ['序号', '项目名称', '年度目标', '完成值'],
        [1, '城区学校建设', '计划投资1.5亿元', '完成投资8000万元'],
        [2, '就业', 2000, '1850人'],
        [3, '改厕', '1000户', '900个'],
      ]),
    );
    expect(table.rows.map((r) => r.indicators.map(({ target, unit, actual }) => [target, unit, actual]))).toEqual([
      [[1.5, '亿元', 0.8]],
      [[2000, '人', 1850]],
      [[1000, '户', null]],
    ]);
    expect(table.warnings.find((w) => w.code === 'UNIT_MISMATCH')?.message).toMatch(/第 4 行的完成值单位“个”与目标值单位“户”不一致/);
  });
});

describe('understandTable on arbitrary grids', () => {
  it('never throws anything but a LedgerError', () => {
    fc.assert(
      fc.property(fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 12 }), fc.array(anyMerge, { maxLength: 6 }), fc.option(fc.integer({ min: -1, max: 14 }), { nil: undefined }), (cells, merges, headerRow) => {
        try {
          const table = understandTable(grid(cells, merges), headerRow === undefined ? {} : { headerRow });
          for (let i = 1; i < table.rows.length; i++) expect(table.rows[i]!.sourceRow).toBeGreaterThan(table.rows[i - 1]!.sourceRow);
        } catch (error) {
          if (!(error instanceof LedgerError)) throw error;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('returns one row per data row, in sheet order, never a section row, each under its section', () => {
    const dataRow = fc.record({
      task: fc.stringMatching(/^[甲乙丙丁戊己庚辛]{2,8}。$/),
      unit: fc.constantFrom('县人社局', '县城管局\n县住建局', '各县（市、区）政府', ''),
      progress: fc.constantFrom('已完成。', '县城管局：完成5处。\n县住建局：在建。', ''),
    });
    const line = fc.oneof(
      { weight: 5, arbitrary: dataRow.map((d) => ({ kind: 'data' as const, ...d })) },
      { weight: 1, arbitrary: fc.constantFrom('一、已完成实事（3件）', '（二）持续推进', '第三类 其他').map((text) => ({ kind: 'section' as const, text })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.boolean(), (lines, mergeSections) => {
        const cells: Cell[][] = [['编号', '工作任务', '责任单位', '工作进度']];
        const merges: Grid['merges'] = [];
        const expected: { sourceRow: number; section: string | null }[] = [];
        let section: string | null = null;
        let seq = 0;
        for (const l of lines) {
          const r = cells.length;
          if (l.kind === 'data') {
            cells.push([String(++seq), l.task, l.unit, l.progress]);
            expected.push({ sourceRow: r + 1, section });
          } else if (l.kind === 'section') {
            cells.push(mergeSections ? [l.text, null, null, null] : [l.text, null, null, null]);
            if (mergeSections) merges.push({ s: { r, c: 0 }, e: { r, c: 3 } });
            section = l.text;
            seq = 0;
          } else {
            cells.push([null, null, null, null]);
          }
        }
        cells.push(['填表人：王五', null, '审核人：赵六', null]);
        const table = understandTable(grid(cells, merges));
        expect(table.rows.map((row) => ({ sourceRow: row.sourceRow, section: row.section }))).toEqual(expected);
        for (const row of table.rows) expect(row.task).not.toMatch(/实事（|持续推进|第三类/);
      }),
      { numRuns: 200 },
    );
  });
});
