import { expect, test } from './fixtures';

test.describe('judging a project from its indicators and progress', () => {
  test('reads the target from the goal, the actual from the progress text, judges it lagging, and keeps an override on the record', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2021, level: 'district', name: '2021年区重点民生实事' });
    const project = await ledger.call('projects.create', {
      planId: plan.id,
      title: '改善农村出行条件',
      goal: '坚持“建、管、护、运”并举，持续推动“四好农村路”建设，完成12公里农村公路提档升级任务。',
      leadUnits: ['区交通运输局'],
    });
    await page.goto(`${ledger.url}#/project/${project.id}`);
    await expect(page.getByRole('heading', { name: '1. 改善农村出行条件' })).toBeVisible();

    // Indicator from the goal text: offered, then adopted by a click.
    await page.getByRole('button', { name: '新增指标' }).click();
    const indicatorDialog = page.getByRole('dialog', { name: '新增指标' });
    await indicatorDialog.getByRole('button', { name: /12\s*公里/ }).click();
    await expect(indicatorDialog.getByLabel('目标值')).toHaveValue('12');
    await expect(indicatorDialog.getByLabel('计量单位')).toHaveValue('公里');
    await indicatorDialog.getByRole('button', { name: '保存' }).click();
    await expect(indicatorDialog).toBeHidden();

    // A period "截至9月底", and the progress text with its figure read out.
    const progress = page.getByRole('region', { name: '填报进展' });
    await progress.getByRole('button', { name: '新建报送期' }).click();
    const periodDialog = page.getByRole('dialog', { name: '新建报送期' });
    await periodDialog.getByLabel('截至日期').fill('2021-09-30');
    await periodDialog.getByRole('button', { name: '新建' }).click();
    await expect(periodDialog).toBeHidden();
    await progress.getByLabel('进展情况').fill('苗张路、王庄至平桐路等已完成6公里水泥稳定砂砾石基层，正在进行沥青混凝土路面铺筑工作。');
    await progress.getByRole('button', { name: '采用 6' }).click();
    await progress.getByRole('button', { name: '保存进展' }).click();
    await expect(page.getByText('已保存“2021年9月”的进展')).toBeVisible();

    const judgement = page.getByRole('region', { name: '状态判定' });
    await expect(judgement.getByText('完成 50%，时序进度 75%，落后 25 个百分点').first()).toBeVisible();
    await expect(page.getByLabel('进展缓慢，黄灯')).toBeVisible();

    // A person overrules, with a reason; the rule's verdict stays visible.
    await judgement.getByRole('button', { name: '人工改判…' }).click();
    const overrideDialog = page.getByRole('dialog', { name: '人工改判状态' });
    await overrideDialog.getByLabel('改判为').click();
    await page.getByRole('option', { name: '持续推进' }).click();
    await overrideDialog.getByRole('button', { name: '保存' }).click();
    await expect(overrideDialog.getByText('请写明改判的理由')).toBeVisible();
    await overrideDialog.getByLabel('理由（必填）').fill('沥青路面正在铺筑，10月底可完成');
    await overrideDialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByLabel('持续推进（人工），绿灯')).toBeVisible();
    await expect(judgement.getByText('按规则应为“进展缓慢”')).toBeVisible();
    await expect(page.getByRole('region', { name: '修改记录' }).getByText(/人工改判为“持续推进”，理由：沥青路面正在铺筑/)).toBeVisible();

    // The overview lists it with its class.
    await page.getByRole('link', { name: '总览' }).click();
    await expect(page.getByRole('table', { name: /实事进展/ }).getByText('改善农村出行条件')).toBeVisible();
    await expect(page.getByText('截至 2021-09-30')).toBeVisible();
  });

  test('a project left 待人工判定 shows the stage its progress names, as a hint only', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '2022年县民生实事' });
    const project = await ledger.call('projects.create', { planId: plan.id, title: '建设城市公共停车场', goal: '新建城市公共停车场，缓解停车难。', leadUnits: ['县住建局'] });
    const period = await ledger.call('periods.create', { planId: plan.id, kind: 'month', asOf: '2022-07-25' });
    await ledger.call('progress.save', { projectId: project.id, periodId: period.id, narrative: '项目已完成选址，正在进行项目招标，财政评审中。', actuals: [] });
    await page.goto(`${ledger.url}#/project/${project.id}`);
    const judgement = page.getByRole('region', { name: '状态判定' });
    await expect(page.getByRole('main').getByText('待人工判定').first()).toBeVisible();
    await expect(judgement.getByText('没有量化指标，需人工判定')).toBeVisible();
    // The work going on now ("正在…") is the stage, before "…中" and the steps already done.
    await expect(judgement.getByText('进展阶段：正在进行项目招标（仅供参考，不作为判定依据）')).toBeVisible();
  });

  test('a large plan charts the projects furthest behind and pages its table, worst first', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2021, level: 'county', name: '2021年县重点民生实事' });
    for (let i = 1; i <= 60; i++) {
      const project = await ledger.call('projects.create', { planId: plan.id, title: `第${i}件实事`, leadUnits: ['县民政局'] });
      await ledger.call('indicators.create', { projectId: project.id, name: '完成数', kind: 'count', comparator: '>=', target: 100, unit: '个' });
    }
    const period = await ledger.call('periods.create', { planId: plan.id, kind: 'quarter', asOf: '2021-09-30' });
    const projects = await ledger.call('projects.list', { planId: plan.id });
    for (const [index, p] of projects.entries()) {
      const [indicator] = await ledger.call('indicators.list', { projectId: p.id });
      await ledger.call('progress.save', { projectId: p.id, periodId: period.id, narrative: '推进中', actuals: [{ indicatorId: indicator!.id, actual: index + 30 }] });
    }
    await page.goto(`${ledger.url}#/overview`);
    await expect(page.getByText('共 60 项，图中画出落后最多的 40 项；全部实事见下表。')).toBeVisible();
    const table = page.getByRole('table', { name: /实事进展/ });
    await expect(page.getByText('第 1 条到第 50 条，共 60 条')).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(51);
    // Worst first: the first project reported the least.
    await expect(table.getByRole('row').nth(1)).toContainText('第1件实事');
    await page.getByRole('button', { name: '下一页' }).click();
    await expect(table.getByRole('row').nth(1)).toContainText('第51件实事');
  });

  test('keeps a progress report being typed through a reload, until it is saved or dropped', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2021, level: 'county', name: '2021年县重点民生实事' });
    const project = await ledger.call('projects.create', { planId: plan.id, title: '新建幼儿园', leadUnits: ['县教体局'] });
    await ledger.call('periods.create', { planId: plan.id, kind: 'quarter', asOf: '2021-09-30' });
    await page.goto(`${ledger.url}#/project/${project.id}`);
    const narrative = page.getByLabel('进展情况');
    await narrative.fill('已完成选址，正在办理用地手续。');
    await page.reload();
    await expect(narrative).toHaveValue('已完成选址，正在办理用地手续。');
    await expect(page.getByText(/未保存的填写内容/)).toBeVisible();

    await page.getByRole('button', { name: '放弃草稿' }).click();
    await expect(narrative).toHaveValue('');
    await page.reload();
    await expect(narrative).toHaveValue('');
    await expect(page.getByText(/未保存的填写内容/)).toHaveCount(0);

    await narrative.fill('已开工。');
    await page.getByRole('button', { name: '保存进展' }).click();
    await expect(page.getByText(/已保存/).first()).toBeVisible();
    await page.reload();
    await expect(narrative).toHaveValue('已开工。');
    await expect(page.getByText(/未保存的填写内容/)).toHaveCount(0);
  });
});
