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
  call <方法> [--input JSON]    直接调用任一接口方法（与界面使用同一接口）

通用选项：
  --db FILE     数据库文件（默认：用户数据文件夹中的 ledger.sqlite，与桌面程序相同）
  --json        输出机器可读的 JSON
  --debug       出错时显示技术细节
  --help        显示本帮助
  --version     显示版本

出错时退出码为 2；加 --json 时输出 {"error":{"code":"…","message":"…"}}。
`;
