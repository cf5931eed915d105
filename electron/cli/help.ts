export const helpText = `民生实事台账 命令行工具

用法：npm run ledger -- <命令> [选项]

命令：
  init                         创建（或升级）台账数据库
  serve [--port N] [--open]    在本机浏览器中打开台账（只监听 127.0.0.1，每次启动生成新的访问令牌）
  plans list                   列出年度计划
  plans create --year 2022 --level 县 --name 名称 [--region 地区] [--start YYYY-MM-DD] [--end YYYY-MM-DD]
  projects list --plan ID      列出计划中的实事项目
  projects add --plan ID --title 名称 --lead-unit 单位 [--lead-unit 单位…] [--support-unit 单位]
               [--person 责任人] [--leader 分管领导] [--goal 年度目标] [--deadline YYYY-MM-DD] [--seq N]
  import FILE [--dry-run] [--sheet 名称] [--header-row N] [--as-of YYYY-MM-DD] [--plan ID] [--accept-figures]
                               导入部门报送的 Excel/WPS/ODS/CSV 表格；--dry-run 只预览，不写入；
                               --accept-figures 采用从文字中读出的全部目标、完成数和完成情况
  imports list [--plan ID]     列出导入记录
  imports undo ID              撤销一次导入（须是该计划最近一次）
  backups list | create | restore 备份文件名
                               列出备份 / 立即备份 / 用备份替换台账（导入前和每天首次打开时会自动备份）
  status [--plan ID] [--as-of YYYY-MM-DD] [--preset 名称]
                               按判定规则列出各项实事的状态和红黄绿灯
  sign-off --preparer 姓名 --reviewer 姓名 --signer 姓名 [--period ID] [--columns status,completion,timeProgress]
                               提交、审核并签发报送期（默认最近一期），锁定为修订版；审核人须不同于填表人，签发领导须不同于审核人
  export --out FILE.xlsx|.csv [--period ID] [--revision N]
                               导出已签发的报表（带签章的 Excel，或 CSV）；不会覆盖已有文件
  bulletin --out FILE.docx [--period ID] [--revision N] [--template 督查通报|进展通报|进展报告] [--issue N] [--date YYYY-MM-DD]
                               依据已签发的修订版生成通报（公文格式 Word 文档）；期号、日期等默认沿用上次；不会覆盖已有文件
  verify FILE                  核验收到的报表：0 = 一致，3 = 签发后被改动（列出改动的单元格），2 = 无法读取或没有签章
  keys export [--out FILE] | keys import FILE --office 单位名称 | keys list
                               导出本单位公钥 / 信任下级单位的公钥 / 列出已信任的单位
  indicators add|list --project ID …   periods add|list --plan ID …   progress set --project ID --period ID …
  call <方法> [--input JSON]    直接调用任一接口方法（与界面使用同一接口）

通用选项：
  --db FILE     数据库文件（默认：用户数据文件夹中的 ledger.sqlite，与桌面程序相同）
  --json        输出机器可读的 JSON
  --debug       出错时显示技术细节
  --help        显示本帮助
  --version     显示版本

出错时退出码为 2；加 --json 时输出 {"error":{"code":"…","message":"…"}}。
`;
