import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

test.describe('a new office sets up its year', () => {
  test('creates a plan and a project in Chinese, and finds them after a reload and a server restart', async ({ page, ledger }) => {
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) failures.push(`external request: ${request.url()}`);
    });

    await page.goto(ledger.url);
    await expect(page.getByRole('heading', { name: '欢迎使用民生实事台账' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '先建立一个年度计划' })).toBeVisible();

    // The token leaves the address bar once read.
    expect(new URL(page.url()).searchParams.get('token')).toBeNull();

    await page.getByRole('button', { name: '新建年度计划' }).click();
    const planDialog = page.getByRole('dialog', { name: '新建年度计划' });
    await planDialog.getByRole('button', { name: '新建' }).click();
    await expect(planDialog.getByText('请填写计划名称')).toBeVisible();
    await planDialog.getByLabel('年度').fill('2022');
    await planDialog.getByLabel('计划名称').fill('2022年省民生实事（叶县）');
    await planDialog.getByRole('button', { name: '新建' }).click();
    await expect(planDialog).toBeHidden();
    await expect(page.getByText('已创建计划“2022年省民生实事（叶县）”')).toBeVisible();

    await page.getByRole('link', { name: '实事清单', exact: true }).click();
    await expect(page.getByRole('heading', { name: '这个计划还没有实事项目' })).toBeVisible();
    await page.keyboard.press('Control+n');
    const projectDialog = page.getByRole('dialog', { name: '新增民生实事' });
    await projectDialog.getByLabel('实事名称').fill('实施城市窨井设施提升改造');
    await projectDialog.getByRole('button', { name: '保存' }).click();
    await expect(projectDialog.getByText('请至少填写一个主要责任单位')).toBeVisible();
    const leadUnits = projectDialog.getByLabel('主要责任单位（牵头单位）');
    await leadUnits.fill('县城管局');
    await leadUnits.press('Enter');
    await leadUnits.fill('县住建局');
    await projectDialog.getByLabel('分管领导').fill('王 晓');
    await projectDialog.getByRole('button', { name: '保存' }).click();
    await expect(projectDialog).toBeHidden();

    const grid = page.getByRole('grid');
    await expect(grid.getByText('实施城市窨井设施提升改造')).toBeVisible();
    await expect(grid.getByText('县城管局、县住建局')).toBeVisible();
    await expect(grid.getByText('王晓')).toBeVisible();

    await page.reload();
    await expect(page.getByRole('grid').getByText('实施城市窨井设施提升改造')).toBeVisible();

    await ledger.restart();
    await page.goto(ledger.url);
    await page.getByRole('link', { name: '实事清单', exact: true }).click();
    await expect(page.getByRole('grid').getByText('实施城市窨井设施提升改造')).toBeVisible();
    await expect(page.getByLabel('年度计划')).toContainText('2022年省民生实事（叶县）');

    expect(failures).toEqual([]);
  });

  test('opens a project by double-clicking its row and edits it there', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2021, level: 'district', name: '2021年区重点民生实事' });
    await ledger.call('projects.create', { planId: plan.id, title: '农村公路提档升级', leadUnits: ['区交通运输局'] });
    await page.goto(ledger.url);
    await page.getByRole('link', { name: '实事清单', exact: true }).click();
    await page.getByRole('grid').getByText('农村公路提档升级').dblclick();
    await expect(page.getByRole('heading', { name: '1. 农村公路提档升级' })).toBeVisible();
    await page.getByRole('button', { name: '编辑基本信息' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑民生实事' });
    await dialog.getByLabel('实事名称').fill('新建改建农村公路');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存“新建改建农村公路”')).toBeVisible();
    await expect(page.getByRole('heading', { name: '1. 新建改建农村公路' })).toBeVisible();
    await expect(page.getByRole('region', { name: '修改记录' }).getByText('修改实事项目：名称')).toBeVisible();

    const tasks = page.getByRole('region', { name: '工作任务' });
    await tasks.getByRole('button', { name: '新增工作任务' }).click();
    const taskDialog = page.getByRole('dialog', { name: '新增工作任务' });
    await taskDialog.getByLabel('任务内容').fill('苗张路沥青混凝土路面铺筑');
    await taskDialog.getByLabel('责任单位').fill('区交通运输局');
    // The suggestion list covers the buttons while it is open; Tab keeps the typed unit and closes it.
    await taskDialog.getByLabel('责任单位').press('Tab');
    await taskDialog.getByRole('button', { name: '保存' }).click();
    await expect(tasks.getByText('工作任务1：苗张路沥青混凝土路面铺筑')).toBeVisible();
    await expect(tasks.getByText('（责任单位：区交通运输局）')).toBeVisible();
  });

  test('shows where the data lives on the settings page', async ({ page, ledger }) => {
    await page.goto(ledger.url);
    await page.getByRole('link', { name: '设置' }).click();
    await expect(page.getByText(ledger.dbPath)).toBeVisible();
    await expect(page.getByText('WAL（推荐，断电不丢数据）')).toBeVisible();
  });

  test('makes a backup by hand, and restores it after a later change, keeping a copy of what it replaced', async ({ page, ledger }) => {
    await page.goto(`${ledger.url}#/settings`);
    const panel = page.getByRole('region', { name: '数据备份' });
    await expect(panel.getByText(`备份文件夹：${path.join(path.dirname(ledger.dbPath), 'backups')}`)).toBeVisible();
    await expect(panel.getByText('还没有备份')).toBeVisible();
    await ledger.call('plans.create', { year: 2022, level: 'county', name: '备份前的计划' });
    await panel.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/^已备份到 .*ledger-manual-.*\.sqlite$/)).toBeVisible();
    await expect(panel.getByRole('table', { name: '数据备份' }).getByRole('row')).toHaveCount(2);
    const { backups } = await ledger.call('backups.list', {});
    expect(fs.existsSync(backups[0]!.file)).toBe(true);

    await ledger.call('plans.create', { year: 2023, level: 'county', name: '备份后的计划' });
    await panel.getByRole('row', { name: /手动/ }).getByRole('button', { name: '恢复' }).click();
    await page.getByRole('dialog', { name: '用备份恢复台账' }).getByRole('button', { name: '恢复' }).click();
    await expect(page.getByText(/^已恢复到 .* 的备份/)).toBeVisible();
    await expect(panel.getByRole('cell', { name: '恢复前' })).toBeVisible();
    expect((await ledger.call('plans.list', {})).map((p) => p.name)).toEqual(['备份前的计划']);
  });
});

test.describe('the units directory', () => {
  test('merges a short name into the full one from the settings page', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2023, level: 'district', name: '2023年湛河区重点民生实事' });
    await ledger.call('projects.create', { planId: plan.id, title: '开展职业技能培训', leadUnits: ['区人力资源和社会保障局'] });
    await ledger.call('projects.create', { planId: plan.id, title: '城镇新增就业', leadUnits: ['区人社局'] });
    await page.goto(`${ledger.url}#/settings`);
    const directory = page.getByRole('region', { name: '责任单位目录' });
    await directory.getByRole('row', { name: /^区人社局/ }).getByRole('button', { name: '合并到…' }).click();
    const dialog = page.getByRole('dialog', { name: '合并“区人社局”' });
    await dialog.getByLabel('合并到').click();
    await page.getByRole('option', { name: '区人力资源和社会保障局' }).click();
    await dialog.getByRole('button', { name: '合并到…' }).click();
    await expect(page.getByText('已把“区人社局”合并到“区人力资源和社会保障局”')).toBeVisible();
    await expect(directory.getByRole('row', { name: /^区人力资源和社会保障局\s*区人社局\s*2/ })).toBeVisible();

    await page.getByRole('link', { name: '实事清单', exact: true }).click();
    await expect(page.getByRole('grid').getByText('区人社局')).toHaveCount(0);
    await expect(page.getByRole('grid').getByText('区人力资源和社会保障局')).toHaveCount(2);
  });
});

test.describe('destructive actions can be undone', () => {
  test('deletes a project after confirming and brings it back with 撤销', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '叶县' });
    const project = await ledger.call('projects.create', { planId: plan.id, title: '误录的实事', leadUnits: ['县民政局'] });
    await page.goto(`${ledger.url}#/project/${project.id}`);
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByRole('dialog', { name: '删除实事项目' }).getByRole('button', { name: '删除' }).click();
    await expect(page.getByText('已删除“误录的实事”')).toBeVisible();
    await expect(page.getByRole('heading', { name: '这个计划还没有实事项目' })).toBeVisible();
    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('heading', { name: '1. 误录的实事' })).toBeVisible();
    expect((await ledger.call('projects.list', { planId: plan.id })).map((p) => p.title)).toEqual(['误录的实事']);
  });

  test('deletes the current plan from its edit dialog and brings it back with 撤销', async ({ page, ledger }) => {
    const plan = await ledger.call('plans.create', { year: 2022, level: 'county', name: '误建的计划' });
    await ledger.call('projects.create', { planId: plan.id, title: '一件实事', leadUnits: ['县民政局'] });
    await page.goto(`${ledger.url}#/projects`);
    await page.getByLabel('年度计划').click();
    await page.getByRole('option', { name: '编辑当前计划…' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑年度计划' });
    await dialog.getByRole('button', { name: '删除计划' }).click();
    await page.getByRole('dialog', { name: '删除计划' }).getByRole('button', { name: '删除' }).click();
    await expect(page.getByText('已删除计划“误建的计划”')).toBeVisible();
    await expect(page.getByRole('heading', { name: '先建立一个年度计划' })).toBeVisible();
    expect(await ledger.call('plans.list', {})).toEqual([]);

    await page.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('grid').getByText('一件实事')).toBeVisible();
    expect((await ledger.call('plans.list', {})).map((p) => p.name)).toEqual(['误建的计划']);
  });
});
