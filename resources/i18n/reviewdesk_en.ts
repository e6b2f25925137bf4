<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="31"/>
        <source>导入报告(&amp;I)…</source>
        <translation>&amp;Import Reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="33"/>
        <source>导入一个或多个报告文件</source>
        <translation>Import one or more report files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="37"/>
        <source>导入文件夹(&amp;F)…</source>
        <translation>Import &amp;Folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="39"/>
        <source>导入文件夹中的全部报告</source>
        <translation>Import every report in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="43"/>
        <source>导入示例报告(&amp;S)</source>
        <translation>Import &amp;Sample Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="45"/>
        <source>导入随软件附带的示例报告</source>
        <translation>Import the sample reports that come with ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="49"/>
        <source>导出原始文件(&amp;E)…</source>
        <translation>&amp;Export Original File…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="51"/>
        <source>把所选报告的原始文件另存到磁盘</source>
        <translation>Save the selected report&apos;s original file to disk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="57"/>
        <source>撤销上一步批注操作</source>
        <translation>Undo the last annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="63"/>
        <source>重做撤销的批注操作</source>
        <translation>Redo the undone annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="68"/>
        <source>添加批注(&amp;A)…</source>
        <translation>&amp;Add Annotation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="70"/>
        <source>为选中的文字添加批注</source>
        <translation>Annotate the selected text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="74"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="76"/>
        <source>审阅人姓名、界面语言、字号</source>
        <translation>Reviewer name, interface language, text size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="80"/>
        <source>更正报告信息(&amp;M)…</source>
        <translation>Correct Report &amp;Metadata…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="82"/>
        <source>更正报告单位、年度、日期或标题</source>
        <translation>Correct the report&apos;s agency, year, dates or title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="86"/>
        <source>选择上年报告(&amp;Y)…</source>
        <translation>Choose prior-&amp;year report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="88"/>
        <source>指定与本报告比较的上一年度报告</source>
        <translation>Choose the previous year&apos;s report this report is compared with</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="92"/>
        <source>版本关系(&amp;V)…</source>
        <translation>&amp;Versions…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="94"/>
        <source>确认同一报告的新旧版本，或撤销“已被取代”</source>
        <translation>Confirm earlier versions of this report, or undo a superseding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="98"/>
        <source>打开资料库(&amp;L)…</source>
        <translation>Open &amp;Library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="100"/>
        <source>打开或新建另一个资料库文件</source>
        <translation>Open or create another library file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="133"/>
        <source>连接团队资料库(&amp;T)…</source>
        <translation>Connect to &amp;Team Library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="135"/>
        <source>打开本单位服务器上的共享资料库，与其他审阅人一起审阅</source>
        <translation>Open the shared library on your office&apos;s server and review together with other reviewers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="139"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="141"/>
        <source>退出 ReviewDesk</source>
        <translation>Quit ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="145"/>
        <source>显示原文(&amp;O)</source>
        <translation>Show &amp;Original</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="147"/>
        <source>在清理后文本与原文之间切换</source>
        <translation>Switch between the cleaned text and the original</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="152"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="154"/>
        <source>重新读取资料库</source>
        <translation>Reload the library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="157"/>
        <source>放大字体</source>
        <translation>Larger Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="160"/>
        <source>缩小字体</source>
        <translation>Smaller Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="104"/>
        <source>移到回收站(&amp;D)</source>
        <translation>Move to &amp;Bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="106"/>
        <source>把所选报告移到回收站（可撤销；原件和批注保留，可从回收站恢复）</source>
        <translation>Move the selected reports to the bin (undoable; originals and annotations are kept and can be restored from the bin)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="112"/>
        <source>回收站(&amp;B)…</source>
        <translation>&amp;Bin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="114"/>
        <source>查看移到回收站的报告，恢复或永久删除</source>
        <translation>See the reports in the bin, restore them or delete them for good</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="118"/>
        <source>撤销评审迁移(&amp;K)</source>
        <translation>Undo Carried Revie&amp;w</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="120"/>
        <source>把转移到当前报告（新版本）的批注、审阅状态和结论移回旧版本</source>
        <translation>Move the annotations, review status and conclusion carried to this report (the new version) back to the earlier version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="126"/>
        <source>显示被取代的旧版本(&amp;H)</source>
        <translation>Show Super&amp;seded Versions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="128"/>
        <source>在报告列表中显示或隐藏已被新版本取代的报告</source>
        <translation>Show or hide reports replaced by a newer version in the library list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="164"/>
        <source>查找(&amp;F)…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="166"/>
        <source>在打开的报告（或比较的两份报告）中查找文字</source>
        <translation>Find text in the open report (or in either report of a comparison)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="170"/>
        <source>查找下一个(&amp;N)</source>
        <translation>Find &amp;Next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="172"/>
        <source>跳到下一处匹配，到末尾后从开头继续</source>
        <translation>Go to the next match, continuing from the top after the last</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="176"/>
        <source>查找上一个(&amp;P)</source>
        <translation>Find &amp;Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="178"/>
        <source>跳到上一处匹配，到开头后从末尾继续</source>
        <translation>Go to the previous match, continuing from the bottom before the first</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="182"/>
        <source>筛选资料库(&amp;L)…</source>
        <translation>Filter &amp;Library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="184"/>
        <source>按单位、年度或标题筛选报告列表</source>
        <translation>Filter the report list by agency, year or title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="188"/>
        <source>全文搜索(&amp;S)</source>
        <translation>Full-Text &amp;Search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="190"/>
        <source>在全部报告中搜索文字</source>
        <translation>Search the text of all reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="194"/>
        <source>与上年比较(&amp;C)</source>
        <translation>&amp;Compare with Last Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="196"/>
        <source>并排查看本报告与该单位上一年度报告的差异</source>
        <translation>Show this report beside the agency&apos;s report of the year before</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="200"/>
        <source>报告正文(&amp;B)</source>
        <translation>Report &amp;Body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="202"/>
        <source>回到报告正文、指标和批注</source>
        <translation>Back to the report text, figures and annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="206"/>
        <source>年度概览(&amp;Y)</source>
        <translation>Season &amp;Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="208"/>
        <source>一年全部报告的按时、齐全、问题和照搬往年情况及图表</source>
        <translation>One year&apos;s reports at a glance: on time, complete, findings, copied from last year, with charts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="212"/>
        <source>导出审查意见(&amp;M)…</source>
        <translation>Export Review &amp;Memo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="214"/>
        <source>把所选报告的审查意见导出为公文格式的 Word 文档</source>
        <translation>Export the selected report&apos;s review memo as an official-format Word document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="218"/>
        <source>导出审阅汇总(&amp;U)…</source>
        <translation>Export Review S&amp;ummary…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="220"/>
        <source>把全部报告的审阅情况汇总为 Excel 或 CSV 表格</source>
        <translation>Summarise the review of every report as an Excel or CSV table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="224"/>
        <source>导出批注包(&amp;P)…</source>
        <translation>Export Annotation &amp;Package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="226"/>
        <source>把所选报告的批注打包，交给其他审阅人导入</source>
        <translation>Package the selected reports&apos; annotations for another reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="230"/>
        <source>导入批注包(&amp;K)…</source>
        <translation>Import Annotation Pac&amp;kage…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="232"/>
        <source>导入其他审阅人导出的批注包，按批注合并</source>
        <translation>Import another reviewer&apos;s annotation package, merging annotation by annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="236"/>
        <source>处理批注冲突(&amp;X)…</source>
        <translation>Resolve Annotation Conflicts…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="238"/>
        <source>两边都修改过的批注：选择保留哪一版</source>
        <translation>Annotations edited on both sides: choose which version to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="242"/>
        <source>恢复备份(&amp;B)…</source>
        <translation>Restore &amp;Backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="244"/>
        <source>查看资料库的备份，立即备份，或用备份恢复资料库</source>
        <translation>See the library&apos;s backups, back up now, or restore the library from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="248"/>
        <source>立即备份(&amp;K)</source>
        <translation>Bac&amp;k Up Now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="250"/>
        <source>把资料库备份到旁边的备份文件夹（经完整性检查）</source>
        <translation>Back up the library to the backup folder beside it (integrity-checked)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="254"/>
        <source>报告列表(&amp;L)</source>
        <translation>Report &amp;List</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="256"/>
        <source>显示或隐藏左侧的报告列表和全文搜索</source>
        <translation>Show or hide the report list and full-text search on the left</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="261"/>
        <source>目录(&amp;T)</source>
        <translation>Ou&amp;tline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="263"/>
        <source>显示或隐藏报告正文左侧的目录</source>
        <translation>Show or hide the outline beside the report text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="268"/>
        <source>指标与批注面板(&amp;P)</source>
        <translation>Figures and Annotations &amp;Panel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="270"/>
        <source>显示或隐藏报告正文右侧的指标、批注、提示和审阅面板</source>
        <translation>Show or hide the figures, annotations, findings and review panel beside the report text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="275"/>
        <source>专注阅读(&amp;F)</source>
        <translation>&amp;Focus Reading</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="277"/>
        <source>只显示报告正文；按 Esc 或 F11 退出</source>
        <translation>Show only the report text; Esc or F11 leaves</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="282"/>
        <source>使用指南(&amp;G)</source>
        <translation>User &amp;Guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="284"/>
        <source>阅读随软件附带的使用指南（无需联网）</source>
        <translation>Read the user guide that comes with the program (no network needed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="288"/>
        <source>键盘快捷键(&amp;K)</source>
        <translation>&amp;Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="290"/>
        <source>列出全部菜单命令的快捷键</source>
        <translation>List the shortcuts of every menu command</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="292"/>
        <source>关于 ReviewDesk(&amp;A)</source>
        <translation>&amp;About ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="298"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="324"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="346"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="366"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="401"/>
        <source>主工具栏</source>
        <translation>Main Toolbar</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="71"/>
        <source>添加批注</source>
        <translation>Add Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="112"/>
        <source>修改批注</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="154"/>
        <source>删除批注</source>
        <translation>Delete Annotation</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../desktop/ui/annotation_controller.py" line="111"/>
        <source>请先在清理后文本中选中要批注的文字。</source>
        <translation>First select the text to annotate in the cleaned text.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_controller.py" line="156"/>
        <source>批注已被修改</source>
        <translation>Annotation Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="107"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="108"/>
        <source>（无意见）</source>
        <translation>(no comment)</translation>
    </message>
</context>
<context>
    <name>AnnotationDialog</name>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="53"/>
        <source>修改批注</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="55"/>
        <source>添加批注</source>
        <translation>Add Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="73"/>
        <source>写下问题和修改建议…</source>
        <translation>Describe the problem and what should change…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="75"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="76"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="78"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="82"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="45"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="50"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="54"/>
        <source>全部审阅人</source>
        <translation>All reviewers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="60"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="61"/>
        <source>程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="62"/>
        <source>引文 / 意见</source>
        <translation>Quote / Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="63"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="82"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="84"/>
        <source>已处理/未处理</source>
        <translation>Resolved/Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="89"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="124"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="148"/>
        <source>〔原文已找不到〕</source>
        <translation>[passage no longer found]</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="150"/>
        <source>该资料库已在另一个 ReviewDesk 窗口中打开，已切换到那个窗口。</source>
        <translation>This library is already open in another ReviewDesk window; switched to that window.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="206"/>
        <source>无法打开资料库</source>
        <translation>Cannot open the library</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="41"/>
        <location filename="../../desktop/ui/backup_dialog.py" line="149"/>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="46"/>
        <source>资料库有改动时会自动备份（存放在资料库旁的“%1”文件夹中，每份都已通过完整性检查）。恢复后，当前的资料库文件会改名保留在原处，不会被覆盖。</source>
        <translation>The library is backed up automatically when it has changed (in the “%1” folder beside it; every backup passed an integrity check). After a restore the current library file is kept under a new name in the same place; it is never overwritten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="58"/>
        <source>备份时间</source>
        <translation>Backed up</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="59"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="60"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="69"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="71"/>
        <source>自动/手动</source>
        <translation>Automatic/manual</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="88"/>
        <source>自动备份保留份数：</source>
        <translation>Automatic backups to keep:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="91"/>
        <source>立即备份</source>
        <translation>Back Up Now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="97"/>
        <source>恢复所选备份</source>
        <translation>Restore Selected Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="102"/>
        <source>从其他文件恢复…</source>
        <translation>Restore from Another File…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="112"/>
        <source>还没有备份。</source>
        <translation>No backups yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="138"/>
        <source>选择备份文件</source>
        <translation>Choose a Backup File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="140"/>
        <source>ReviewDesk 资料库 (*.sqlite);;所有文件 (*)</source>
        <translation>ReviewDesk libraries (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/backup_dialog.py" line="150"/>
        <source>用备份“%1”替换当前资料库？
备份之后的修改不在其中；当前的资料库文件会改名保留，不会被删除。</source>
        <translation>Replace the current library with the backup “%1”?
Changes made after the backup are not in it; the current library file is kept under a new name, not deleted.</translation>
    </message>
</context>
<context>
    <name>BinDialog</name>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="182"/>
        <source>回收站</source>
        <translation>Bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="185"/>
        <source>移到回收站的报告保留原件和批注，恢复后重新分析；清空回收站将永久删除原件。</source>
        <translation>Reports in the bin keep their originals and annotations and are analysed again when restored; emptying the bin deletes the originals for good.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="195"/>
        <source>报告单位</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="196"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="197"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="198"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="199"/>
        <source>移入时间</source>
        <translation>Moved to bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="212"/>
        <source>回收站是空的。</source>
        <translation>The bin is empty.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="216"/>
        <source>恢复(&amp;R)</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="220"/>
        <source>清空回收站…</source>
        <translation>Empty Bin…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="241"/>
        <source>（未识别）</source>
        <translation>(unknown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="269"/>
        <source>永久删除回收站中全部 %1 份报告的原件？此操作不能撤销（批注仍保留）。</source>
        <translation>Delete the originals of all %1 reports in the bin for good? This cannot be undone (annotations are kept).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="273"/>
        <source>清空回收站</source>
        <translation>Empty Bin</translation>
    </message>
</context>
<context>
    <name>BinFlow</name>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="87"/>
        <location filename="../../desktop/ui/bin_flow.py" line="168"/>
        <source>已从回收站恢复 %1 份报告</source>
        <translation>Restored %1 reports from the bin</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="107"/>
        <source>已清空回收站（%1 份报告原件已永久删除）</source>
        <translation>Bin emptied (%1 originals deleted for good)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="130"/>
        <source>已将 %1 份报告移到回收站（编辑 → 撤销 可恢复）</source>
        <translation>Moved %1 reports to the bin (Edit → Undo brings them back)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/bin_flow.py" line="140"/>
        <source>移到回收站（%1 份报告）</source>
        <translation>Move to bin (%1 reports)</translation>
    </message>
</context>
<context>
    <name>ComparisonController</name>
    <message>
        <location filename="../../desktop/ui/comparison_controller.py" line="89"/>
        <source>已记录比较对象</source>
        <translation>Baseline saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_controller.py" line="132"/>
        <source>正在比较…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_controller.py" line="158"/>
        <source>无法比较：</source>
        <translation>Cannot compare: </translation>
    </message>
</context>
<context>
    <name>ComparisonOptions</name>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="33"/>
        <source>比较对象：</source>
        <translation>Compare with:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="47"/>
        <source>其他报告…</source>
        <translation>Other Report…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="49"/>
        <source>从资料库的全部报告中选择比较对象</source>
        <translation>Choose the baseline from every report in the library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="52"/>
        <source>忽略年份变化</source>
        <translation>Ignore years</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="59"/>
        <source>忽略空白和分段</source>
        <translation>Ignore spacing/splits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="62"/>
        <source>只是换行、分段或空白不同的文字不算改动</source>
        <translation>Text that differs only in line breaks, paragraphs or whitespace is not a change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="107"/>
        <source>自动（上一年度）</source>
        <translation>Automatic (last year)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="113"/>
        <source>自动：同一单位上一年度的报告</source>
        <translation>Automatic: the agency&apos;s report of the year before</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="116"/>
        <source>（单位未识别）</source>
        <translation>(agency not recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="119"/>
        <source>%1年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="129"/>
        <source>不与任何报告比较</source>
        <translation>Compare with none</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="51"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="52"/>
        <source>删除</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="53"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="54"/>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="61"/>
        <source>（开头）</source>
        <translation>(opening)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="63"/>
        <source>（落款）</source>
        <translation>(signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="65"/>
        <source>（顺序调整）</source>
        <translation>(reordered)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="127"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="128"/>
        <source>所在部分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="129"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="169"/>
        <source>上年：</source>
        <translation>Last year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="171"/>
        <source>本年：</source>
        <translation>This year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="205"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="206"/>
        <location filename="../../desktop/ui/comparison_view.py" line="244"/>
        <source>上年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="207"/>
        <location filename="../../desktop/ui/comparison_view.py" line="233"/>
        <location filename="../../desktop/ui/comparison_view.py" line="247"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="208"/>
        <location filename="../../desktop/ui/comparison_view.py" line="159"/>
        <location filename="../../desktop/ui/comparison_view.py" line="256"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="209"/>
        <source>幅度</source>
        <translation>Change %</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="264"/>
        <source>个百分点</source>
        <translation> percentage points</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="271"/>
        <source>变化向好</source>
        <translation>Change for the better</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="273"/>
        <source>变化向坏，需关注</source>
        <translation>Change for the worse; worth a look</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="274"/>
        <source>无变化，或该指标的升降无好坏之分</source>
        <translation>No change, or neither direction is better for this figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="81"/>
        <source>下一处变化(&amp;N)</source>
        <translation>&amp;Next Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="86"/>
        <source>跳到下一处与上年不同的文字</source>
        <translation>Go to the next passage that differs from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="90"/>
        <source>上一处变化(&amp;P)</source>
        <translation>&amp;Previous Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="95"/>
        <source>跳到上一处与上年不同的文字</source>
        <translation>Go to the previous passage that differs from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="115"/>
        <source>上一处</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="116"/>
        <source>下一处</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="160"/>
        <location filename="../../desktop/ui/comparison_view.py" line="259"/>
        <source>同比指标</source>
        <translation>Year-on-year figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="189"/>
        <source>选择一份报告，查看它与上一年度报告的比较。</source>
        <translation>Choose a report to compare it with the year before.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="207"/>
        <source>资料库中已没有这份报告。</source>
        <translation>This report is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="235"/>
        <source>导入该单位上一年度的报告后，这里会逐处对照两年的报告。</source>
        <translation>Import the agency&apos;s report of the year before to compare the two here, passage by passage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="309"/>
        <source>没有文字变化</source>
        <translation>No changes in the text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="315"/>
        <source>共 %1 处变化</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="319"/>
        <source>第 %1 / %2 处</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="330"/>
        <source>沿用上年</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="333"/>
        <source>套话（不计）</source>
        <translation>Boilerplate (not counted)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="339"/>
        <source>图例：</source>
        <translation>Legend: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="345"/>
        <source>（未识别单位）</source>
        <translation>(agency unknown)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="349"/>
        <source>%1 %2年度</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="358"/>
        <source>“%1”部分有 %2% 的句子与上年报告相同或几乎相同（照搬往年%3）</source>
        <translation>“%1”: %2% of its sentences are the same or nearly the same as last year&apos;s (carried over%3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="365"/>
        <source>，不计 %1 句套话</source>
        <translation>; %1 boilerplate sentences not counted</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="377"/>
        <source>报告称%1同比变化 %2%，但上年报告为 %3、本年为 %4，实际变化 %5%（统计口径或截止时间可能不同）。</source>
        <translation>The report states %1 changed by %2% year on year, but last year&apos;s report gives %3 and this year&apos;s %4: a change of %5% (the scope or cut-off date may differ).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="393"/>
        <source>&lt;b&gt;上年&lt;/b&gt;：%1&#x3000;⟷&#x3000;&lt;b&gt;本年&lt;/b&gt;：%2</source>
        <translation>&lt;b&gt;Last year&lt;/b&gt;: %1&#x3000;⟷&#x3000;&lt;b&gt;This year&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="399"/>
        <source>沿用上年文字：</source>
        <translation>Carried over from last year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="411"/>
        <source>（%1/%2 句%3）</source>
        <translation> (%1/%2 sentences%3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="406"/>
        <source>，不计 %1 句套话；计入套话为 %2%</source>
        <translation>, %1 boilerplate sentences not counted; %2% with them</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="23"/>
        <source>资料库中有可能是该单位上一年度的报告，但配对尚未确认。请在报告信息中确认上年报告。</source>
        <translation>The library holds a report that may be this agency&apos;s report of the year before, but the pairing is not confirmed yet. Confirm the prior-year report in the report&apos;s details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="28"/>
        <source>报告单位尚未确认，因此不自动配对上一年度的报告。请先确认或更正报告单位。</source>
        <translation>The issuing agency is not confirmed, so no prior-year report is paired automatically. Confirm or correct the agency first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="32"/>
        <source>报告年度未能识别，无法查找上一年度的报告。请先更正报告年度。</source>
        <translation>The report&apos;s year could not be recognised, so there is no prior-year report to look for. Correct the year first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="36"/>
        <source>要比较的上一年度报告在回收站中。从回收站恢复后即可比较。</source>
        <translation>The prior-year report to compare with is in the bin. Restore it from the bin to compare.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="40"/>
        <source>已否定该单位上一年度报告的配对，因此不作比较。可在报告信息中更改上年报告。</source>
        <translation>The pairing with this agency&apos;s report of the year before was rejected, so nothing is compared. You can change the prior-year report in the report&apos;s details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="44"/>
        <source>已指定该报告不与任何报告比较。可在报告信息中更改上年报告。</source>
        <translation>This report was set to be compared with no other report. You can change the prior-year report in the report&apos;s details.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="48"/>
        <source>资料库中已没有要比较的报告。</source>
        <translation>The report to compare with is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_reasons.py" line="49"/>
        <source>资料库中没有该单位上一年度的报告，无法比较。</source>
        <translation>The library holds no report of this agency for the year before, so there is nothing to compare.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="39"/>
        <source>与哪份报告比较；选择会被记录，重新分析或重新导入后仍然有效</source>
        <translation>The report to compare with; your choice is stored and survives re-analysis and re-import</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_options.py" line="55"/>
        <source>只改了年份（2023→2024、本年度/上一年度）的句子算作沿用上年，不算改动</source>
        <translation>A sentence whose only change is its year (2023→2024, this year/last year) counts as carried over, not as a change</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="43"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="44"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="45"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="46"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="57"/>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="68"/>
        <source>处理批注冲突</source>
        <translation>Resolve Annotation Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="81"/>
        <location filename="../../desktop/ui/conflict_dialog.py" line="155"/>
        <source>保留本地版本</source>
        <translation>Keep This Library&apos;s Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="83"/>
        <location filename="../../desktop/ui/conflict_dialog.py" line="156"/>
        <source>采用导入的版本</source>
        <translation>Take the Package&apos;s Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="122"/>
        <source>%1 未保存的修改</source>
        <translation>%1&apos;s unsaved change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="123"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="148"/>
        <location filename="../../desktop/ui/conflict_dialog.py" line="225"/>
        <source>已保存的版本</source>
        <translation>Saved version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="149"/>
        <source>未能保存的版本</source>
        <translation>Version that could not be saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="150"/>
        <location filename="../../desktop/ui/conflict_dialog.py" line="217"/>
        <source>保留已保存的版本</source>
        <translation>Keep the Saved Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="151"/>
        <source>改用未能保存的版本</source>
        <translation>Use the Unsaved Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="153"/>
        <source>本资料库中的版本</source>
        <translation>Version in this library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="154"/>
        <source>批注包中的版本</source>
        <translation>Version in the package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="207"/>
        <source>其他审阅人同时做了修改</source>
        <translation>Another Reviewer Changed This Meanwhile</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="219"/>
        <source>改用我的版本</source>
        <translation>Use My Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="227"/>
        <source>我的版本（尚未保存）</source>
        <translation>My version (not saved yet)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="142"/>
        <source>没有待处理的批注冲突。</source>
        <translation>No annotation conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="47"/>
        <source>修改人</source>
        <translation>Changed by</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="158"/>
        <source>原文：</source>
        <translation>Passage: </translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="59"/>
        <source>连接团队资料库</source>
        <translation>Connect to Team Library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="67"/>
        <source>例如 192.168.1.20 或 db.sfj.local</source>
        <translation>e.g. 192.168.1.20 or db.sfj.local</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="81"/>
        <source>已保存在 pgpass 文件中时可不填</source>
        <translation>Leave empty if it is saved in your pgpass file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="84"/>
        <source>把密码保存到本机 pgpass 文件（仅本账户可读）</source>
        <translation>Save the password in this computer&apos;s pgpass file (readable by this account only)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="98"/>
        <source>连接</source>
        <translation>Connect</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="103"/>
        <source>服务器</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="104"/>
        <source>端口</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="105"/>
        <source>数据库</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="106"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="107"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="109"/>
        <source>连接地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="113"/>
        <source>团队资料库保存在本单位的 PostgreSQL 服务器上，多位审阅人可同时使用。账号由组长（资料库管理员）分配。</source>
        <translation>A team library lives on your office&apos;s PostgreSQL server, where several reviewers can work at once. Accounts are given out by the lead (the library&apos;s administrator).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="159"/>
        <source>请填写服务器和数据库，或输入 postgresql:// 开头的地址。</source>
        <translation>Fill in the server and database, or type an address that starts with postgresql://.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/connection_dialog.py" line="168"/>
        <source>正在连接…</source>
        <translation>Connecting…</translation>
    </message>
</context>
<context>
    <name>ExportDone</name>
    <message>
        <location filename="../../desktop/ui/export_done.py" line="24"/>
        <source>打开所在文件夹</source>
        <translation>Open Folder</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="94"/>
        <location filename="../../desktop/ui/export_flow.py" line="157"/>
        <source>未能完成</source>
        <translation>Could Not Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="128"/>
        <source>导出原始文件</source>
        <translation>Export Original File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="130"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="135"/>
        <source>已导出原始文件：</source>
        <translation>Original file exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="143"/>
        <source>请先选择一份报告。</source>
        <translation>Choose a report first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="201"/>
        <source>年度报告审查意见</source>
        <translation> annual report review memo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="187"/>
        <location filename="../../desktop/ui/export_flow.py" line="203"/>
        <source>导出审查意见</source>
        <translation>Export Review Memo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="167"/>
        <source>报告单位尚未确认（识别为“%1”），审查意见中不写单位名称。请先在“更正报告信息”中确认报告单位。</source>
        <translation>The issuing agency is not confirmed (recognised as “%1”), so the memo does not name it. Confirm the agency first in Correct Report Metadata.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="174"/>
        <source>有 %1 项数据的归类存疑且未经确认，未写入审查意见的数据对比表。</source>
        <translation>%1 figures whose meaning is doubtful and unconfirmed are left out of the memo&apos;s figures table.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="179"/>
        <source>尚未填写总体审查结论。</source>
        <translation>No overall conclusion has been written yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="188"/>
        <source>导出前请注意：</source>
        <translation>Before exporting, please note:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="194"/>
        <source>仍然导出</source>
        <translation>Export Anyway</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="205"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="225"/>
        <source>正在生成审查意见…</source>
        <translation>Writing the review memo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="227"/>
        <source>已导出审查意见：</source>
        <translation>Review memo exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="237"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 表格（UTF-8） (*.csv)</source>
        <translation>Excel workbooks (*.xlsx);;CSV tables, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="239"/>
        <source>导出审阅汇总</source>
        <translation>Export Review Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="240"/>
        <source>审阅汇总</source>
        <translation>review summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="259"/>
        <source>已导出审阅汇总（%1 份报告）：</source>
        <translation>Review summary exported (%1 reports): </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="263"/>
        <source>正在汇总…</source>
        <translation>Summarising…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="271"/>
        <source>批注包</source>
        <translation>annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="273"/>
        <location filename="../../desktop/ui/export_flow.py" line="281"/>
        <source>导出批注包</source>
        <translation>Export Annotation Package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="275"/>
        <source>ReviewDesk 批注包 (*.rdpkg)</source>
        <translation>ReviewDesk annotation packages (*.rdpkg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="282"/>
        <source>是否把原始报告文件一并放入批注包？
对方资料库中没有这些报告时，可以随批注一起导入。</source>
        <translation>Put the original report files in the package too?
A colleague whose library lacks these reports can then import them with the annotations.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="303"/>
        <source>已导出 %1 条批注：</source>
        <translation>%1 annotations exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="308"/>
        <source>正在导出批注包…</source>
        <translation>Exporting the annotation package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="25"/>
        <source>导入批注包</source>
        <translation>Import Annotation Package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="27"/>
        <source>ReviewDesk 批注包 (*.rdpkg);;所有文件 (*)</source>
        <translation>ReviewDesk annotation packages (*.rdpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="41"/>
        <source>正在导入批注包…</source>
        <translation>Importing the annotation package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="49"/>
        <source>新增 %1 条，更新 %2 条，未变 %3 条，冲突 %4 条，待对应报告 %5 条。</source>
        <translation>%1 added, %2 updated, %3 unchanged, %4 in conflict, %5 waiting for their report.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="59"/>
        <source>随包导入报告 %1 份。</source>
        <translation> %1 reports imported from the package.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="69"/>
        <source>有批注在两边都被修改过。现在处理冲突吗？</source>
        <translation>Some annotations were edited on both sides. Resolve the conflicts now?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="73"/>
        <location filename="../../desktop/ui/package_flow.py" line="80"/>
        <source>批注包已导入</source>
        <translation>Annotation Package Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/package_flow.py" line="82"/>
        <source>批注包已导入：</source>
        <translation>Annotation package imported: </translation>
    </message>
</context>
<context>
    <name>FigureController</name>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="125"/>
        <source>确认数字</source>
        <translation>Confirm figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="126"/>
        <source>更正数字</source>
        <translation>Correct figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="127"/>
        <source>排除数字</source>
        <translation>Exclude figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="128"/>
        <source>撤销对数字的处理</source>
        <translation>Undo decision on figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="136"/>
        <source>未能保存对该数字的处理：%1
资料库未被修改。</source>
        <translation>Could not save the decision on this figure: %1
The library was not changed.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="190"/>
        <source>资料库为只读。</source>
        <translation>The library is read-only.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="192"/>
        <source>磁盘空间不足。</source>
        <translation>The disk is full.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="194"/>
        <source>资料库正被其他程序使用，请稍后重试。</source>
        <translation>The library is in use by another program; please try again later.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_controller.py" line="195"/>
        <source>写入资料库时出错。</source>
        <translation>Writing to the library failed.</translation>
    </message>
</context>
<context>
    <name>FigureDialog</name>
    <message>
        <location filename="../../desktop/ui/figure_dialog.py" line="33"/>
        <source>更正数字</source>
        <translation>Correct figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_dialog.py" line="41"/>
        <source>（不是指标：其他数字）</source>
        <translation>(no metric: other figure)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_dialog.py" line="59"/>
        <source>原文写作</source>
        <translation>As written</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_dialog.py" line="62"/>
        <source>指标</source>
        <translation>Metric</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/figure_dialog.py" line="63"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="40"/>
        <source>在本报告中查找</source>
        <translation>Find in this report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="49"/>
        <source>查找：</source>
        <translation>Find:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="54"/>
        <source>上一个（Shift+F3）</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="58"/>
        <source>下一个（F3）</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="64"/>
        <source>关闭查找栏（Esc）</source>
        <translation>Close the find bar (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="206"/>
        <source>未找到</source>
        <translation>No matches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="209"/>
        <source>共 1 处</source>
        <translation>1 match</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="211"/>
        <source>共 %1 处</source>
        <translation>%1 matches</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="215"/>
        <source>第 %1/%2 处</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="220"/>
        <source>，已从开头继续</source>
        <translation>, continued from the top</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="222"/>
        <source>，已从末尾继续</source>
        <translation>, continued from the bottom</translation>
    </message>
</context>
<context>
    <name>FindingCommands</name>
    <message>
        <location filename="../../desktop/ui/finding_commands.py" line="20"/>
        <source>采纳提示</source>
        <translation>Accept Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/finding_commands.py" line="21"/>
        <source>忽略提示</source>
        <translation>Dismiss Finding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/finding_commands.py" line="23"/>
        <source>恢复提示</source>
        <translation>Reopen Finding</translation>
    </message>
</context>
<context>
    <name>FindingsController</name>
    <message>
        <location filename="../../desktop/ui/findings_controller.py" line="48"/>
        <source>提示</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_controller.py" line="66"/>
        <source>正在检查…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_controller.py" line="87"/>
        <source>无法完成检查：</source>
        <translation>Could not check the report: </translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="47"/>
        <source>显示已采纳、已忽略的提示</source>
        <translation>Show accepted and dismissed findings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="55"/>
        <source>程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="56"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="57"/>
        <source>提示</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="78"/>
        <source>采纳为批注</source>
        <translation>Accept as Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="81"/>
        <source>忽略</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="84"/>
        <source>恢复</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="122"/>
        <source>〔已采纳〕</source>
        <translation>[accepted] </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="123"/>
        <source>〔已忽略〕</source>
        <translation>[dismissed] </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="149"/>
        <source>未发现需要提示的问题。</source>
        <translation>No findings for this report.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/findings_panel.py" line="152"/>
        <source>软件自动检查提出的 %1 条待处理提示，供审阅参考：采纳后成为批注并写入审查意见。</source>
        <translation>%1 open findings from the automatic checks, for the reviewer to judge: an accepted finding becomes an annotation and goes into the review memo.</translation>
    </message>
</context>
<context>
    <name>HelpDialogs</name>
    <message>
        <location filename="../../desktop/ui/help_dialogs.py" line="42"/>
        <source>使用指南</source>
        <translation>User Guide</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialogs.py" line="86"/>
        <source>键盘快捷键</source>
        <translation>Keyboard Shortcuts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialogs.py" line="92"/>
        <source>命令</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/help_dialogs.py" line="93"/>
        <source>快捷键</source>
        <translation>Shortcut</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="34"/>
        <source>报告文件 (*.docx *.pdf *.txt *.html *.htm *.doc);;所有文件 (*)</source>
        <translation>Report files (*.docx *.pdf *.txt *.html *.htm *.doc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="65"/>
        <source>正在导入报告…</source>
        <translation>Importing reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="66"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="71"/>
        <location filename="../../desktop/ui/import_flow.py" line="88"/>
        <source>导入报告</source>
        <translation>Import Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="99"/>
        <source>导入文件夹中的报告</source>
        <translation>Import Reports from a Folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="127"/>
        <source>正在导入：</source>
        <translation>Importing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="145"/>
        <source>正在导入</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="146"/>
        <source>报告仍在导入。已导入的报告都已保存；停止后，尚未导入的文件不会导入。</source>
        <translation>Reports are still being imported. The reports imported so far are saved; if you stop, the remaining files are not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="154"/>
        <source>继续导入</source>
        <translation>Continue Importing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="158"/>
        <source>停止并退出</source>
        <translation>Stop and Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="198"/>
        <source>导入未完成</source>
        <translation>Import not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="211"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="215"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="216"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="217"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="224"/>
        <source>已存在</source>
        <translation>Already in library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="227"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="229"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="254"/>
        <source>已导入 %1 份，已存在 %2 份，未导入 %3 份。</source>
        <translation>%1 imported, %2 already in the library, %3 not imported.</translation>
    </message>
</context>
<context>
    <name>ImportMessages</name>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="21"/>
        <source>文件超过了导入大小的上限。</source>
        <translation>The file is larger than the import limit.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="22"/>
        <source>找不到这个文件（或它是一个文件夹）。</source>
        <translation>The file was not found (or it is a folder).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="23"/>
        <source>无法读取这个文件（没有权限或磁盘出错）。</source>
        <translation>The file cannot be read (no permission, or a disk error).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="24"/>
        <source>文件已损坏，无法读取。请重新获取原文件。</source>
        <translation>The file is damaged and cannot be read. Please obtain the original again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="25"/>
        <source>文件经过加密，无法读取。请索取未加密的文件。</source>
        <translation>The file is encrypted and cannot be read. Please ask for an unencrypted file.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="26"/>
        <source>这个 PDF 没有文字层（可能是扫描件），无法提取文字。</source>
        <translation>This PDF has no text layer (it may be a scan); no text can be extracted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="27"/>
        <source>这个 PDF 的文字层是乱码，提取出的文字无法使用。</source>
        <translation>This PDF&apos;s text layer is garbled; the extracted text cannot be used.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="28"/>
        <source>文件是空的，没有可导入的内容。</source>
        <translation>The file is empty; there is nothing to import.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="29"/>
        <source>文件中没有可读取的文字。</source>
        <translation>The file has no readable text.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="30"/>
        <source>这不是文字文件。</source>
        <translation>This is not a text file.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="31"/>
        <source>文字过长，超出了一份报告的合理长度。</source>
        <translation>The text is far longer than any report.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="32"/>
        <source>文件结构过于复杂（标题或数字过多），无法作为报告分析。</source>
        <translation>The file is too complex (too many headings or figures) to be analysed as a report.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="35"/>
        <source>文件内容与扩展名不符。</source>
        <translation>The file&apos;s content does not match its extension.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="36"/>
        <location filename="../../desktop/ui/import_messages.py" line="37"/>
        <source>不支持这种文件类型。</source>
        <translation>This type of file is not supported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="38"/>
        <source>旧版 Word（.doc）文件需要安装 LibreOffice 才能导入。</source>
        <translation>Old Word (.doc) files need LibreOffice installed to be imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="41"/>
        <source>文件中含有不安全的内容，已拒绝导入。</source>
        <translation>The file contains unsafe content and was refused.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="42"/>
        <source>文件解压后过大，已拒绝导入。</source>
        <translation>The file is too large once unpacked and was refused.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="43"/>
        <source>读取文件超过了时间上限，已停止。请检查文件或索取原文件。</source>
        <translation>Reading the file took longer than the time limit and was stopped. Please check the file or ask for the original.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="46"/>
        <source>读取文件所需的内存超过了上限，已停止。</source>
        <translation>Reading the file needed more memory than the limit and was stopped.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="47"/>
        <source>读取文件时读取程序意外退出，文件未导入。</source>
        <translation>The reader stopped unexpectedly; the file was not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="48"/>
        <source>无法启动读取文件的程序，文件未导入。</source>
        <translation>The reader could not be started; the file was not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="49"/>
        <source>读取文件的程序启动过慢，文件未导入，请重试。</source>
        <translation>The reader started too slowly; the file was not imported. Please try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="50"/>
        <source>因前面的存储错误，这个文件未尝试导入。</source>
        <translation>Not attempted, because of the storage error before it.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="51"/>
        <source>导入时发生内部错误，文件未导入，资料库未受影响。</source>
        <translation>An internal error occurred; the file was not imported and the library is unchanged.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="60"/>
        <source>文件未能存入资料库（磁盘已满、只读或资料库被占用）。</source>
        <translation>The file could not be stored in the library (disk full, read-only or library busy).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="65"/>
        <source>文件未导入。</source>
        <translation>The file was not imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="80"/>
        <source>关于文字的提示 %1 条（见提示框）</source>
        <translation>%1 note(s) on the text (see the tooltip)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="86"/>
        <source>报告单位未确定，请在“更正报告信息”中确认</source>
        <translation>Agency not certain: please confirm it in Correct Report Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="89"/>
        <source>取代了旧版本 #%1</source>
        <translation>Replaced the earlier version #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="92"/>
        <source>作为 #%1 的另一格式保存</source>
        <translation>Kept as another format of #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="96"/>
        <source>已被 #%1 取代</source>
        <translation>Replaced by #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="103"/>
        <source>审阅记录已从旧版本转移：%1 条批注（%2 条无法定位）</source>
        <translation>Review carried from the earlier version: %1 annotations (%2 could not be placed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="110"/>
        <source>与上年报告 #%1 比较</source>
        <translation>Compared with last year&apos;s report #%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="115"/>
        <source>可能是另一份报告的新版本，请确认</source>
        <translation>May be a new version of another report: please confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="117"/>
        <source>找到可能的上年报告，请确认</source>
        <translation>A possible prior-year report was found: please confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_messages.py" line="120"/>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="21"/>
        <source>主要举措和成效</source>
        <translation>Main measures and results</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="22"/>
        <source>存在的不足和原因</source>
        <translation>Shortcomings and causes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="23"/>
        <source>第一责任人履职情况</source>
        <translation>Leaders&apos; duties as first responsible persons</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="24"/>
        <source>下一年度主要安排</source>
        <translation>Plans for next year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="25"/>
        <source>其他需要报告的情况</source>
        <translation>Other matters to report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="28"/>
        <source>未审</source>
        <translation>Not reviewed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="29"/>
        <source>审阅中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="30"/>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="33"/>
        <source>报告单位</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="34"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="35"/>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="36"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="37"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="38"/>
        <source>发布日期</source>
        <translation>Date published</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="41"/>
        <source>内容缺项</source>
        <translation>Missing content</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="42"/>
        <source>数据不实或矛盾</source>
        <translation>Inaccurate or inconsistent figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="43"/>
        <source>问题查摆不深</source>
        <translation>Shallow analysis of problems</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="44"/>
        <source>照搬往年</source>
        <translation>Copied from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="45"/>
        <source>表述不规范</source>
        <translation>Non-standard wording</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="46"/>
        <source>时效问题</source>
        <translation>Timeliness</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="47"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="48"/>
        <source>一般</source>
        <translation>Minor</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="49"/>
        <source>较重</source>
        <translation>Serious</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="50"/>
        <source>严重</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="51"/>
        <source>未处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="52"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="58"/>
        <source>规范性文件</source>
        <translation>Normative documents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="59"/>
        <source>规范性文件备案</source>
        <translation>Normative documents filed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="60"/>
        <source>规范性文件清理</source>
        <translation>Normative documents reviewed for repeal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="61"/>
        <source>重大行政决策</source>
        <translation>Major administrative decisions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="62"/>
        <source>合法性审查/法制审核</source>
        <translation>Legality reviews</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="63"/>
        <source>法律顾问出具意见</source>
        <translation>Legal adviser opinions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="64"/>
        <source>研究法治建设的会议</source>
        <translation>Meetings on rule of law</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="65"/>
        <source>学法/专题学习次数</source>
        <translation>Law study sessions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="66"/>
        <source>执法/业务/法治培训次数</source>
        <translation>Enforcement and legal trainings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="67"/>
        <source>参训人数/人次</source>
        <translation>Trainees</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="68"/>
        <source>持执法证人数</source>
        <translation>Certified enforcement officers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="69"/>
        <source>普法/宣传活动场次</source>
        <translation>Legal publicity events</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="70"/>
        <source>宣传覆盖/参与人次</source>
        <translation>Publicity reach</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="71"/>
        <source>检查企业/单位数</source>
        <translation>Entities inspected</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="72"/>
        <source>立案/查办案件</source>
        <translation>Cases filed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="73"/>
        <source>行政处罚决定</source>
        <translation>Administrative penalty decisions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="74"/>
        <source>罚款金额</source>
        <translation>Fines</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="75"/>
        <source>案卷评查</source>
        <translation>Case files evaluated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="76"/>
        <source>行政许可/审批办理</source>
        <translation>Licences and approvals</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="77"/>
        <source>行政复议件数</source>
        <translation>Administrative reconsiderations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="78"/>
        <source>行政复议纠错率</source>
        <translation>Reconsideration correction rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="79"/>
        <source>行政诉讼件数</source>
        <translation>Administrative lawsuits</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="80"/>
        <source>行政诉讼败诉件数</source>
        <translation>Lawsuits lost</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="81"/>
        <source>行政诉讼败诉率</source>
        <translation>Lawsuit loss rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="82"/>
        <source>负责人出庭应诉</source>
        <translation>Heads appearing in court</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="83"/>
        <source>负责人出庭应诉率</source>
        <translation>Heads&apos; court appearance rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="84"/>
        <source>信访/投诉举报件数</source>
        <translation>Petitions and complaints</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="85"/>
        <source>政府信息公开</source>
        <translation>Government information disclosed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="86"/>
        <source>人大建议/政协提案办理</source>
        <translation>Deputies&apos; suggestions and proposals handled</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="87"/>
        <source>矛盾纠纷调解</source>
        <translation>Disputes mediated</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="88"/>
        <source>法律援助案件</source>
        <translation>Legal aid cases</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="89"/>
        <source>满意率</source>
        <translation>Satisfaction rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="90"/>
        <source>应急管理</source>
        <translation>Emergency management</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="91"/>
        <source>公安</source>
        <translation>Public security</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="92"/>
        <source>司法行政</source>
        <translation>Justice administration</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="93"/>
        <source>市场监管</source>
        <translation>Market regulation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="94"/>
        <source>教育</source>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="95"/>
        <source>生态环境</source>
        <translation>Ecology and environment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="96"/>
        <source>人社</source>
        <translation>Human resources and social security</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="97"/>
        <source>卫生健康</source>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="98"/>
        <source>自然资源</source>
        <translation>Natural resources</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="99"/>
        <source>住建</source>
        <translation>Housing and construction</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="100"/>
        <source>交通运输</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="101"/>
        <source>税务</source>
        <translation>Taxation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="102"/>
        <source>开发区</source>
        <translation>Development zone</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="103"/>
        <source>乡镇街道</source>
        <translation>Township or subdistrict</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="104"/>
        <source>人民政府</source>
        <translation>People&apos;s government</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="105"/>
        <source>排查/发现隐患</source>
        <translation>Hazards found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="106"/>
        <source>已整改隐患</source>
        <translation>Hazards rectified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="107"/>
        <source>隐患整改率</source>
        <translation>Hazard rectification rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="108"/>
        <source>重大事故隐患</source>
        <translation>Major accident hazards</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="109"/>
        <source>应急演练次数</source>
        <translation>Emergency drills</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="110"/>
        <source>事故起数</source>
        <translation>Accidents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="111"/>
        <source>死亡人数</source>
        <translation>Deaths</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="112"/>
        <source>事故起数同比</source>
        <translation>Accidents, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="113"/>
        <source>死亡人数同比</source>
        <translation>Deaths, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="114"/>
        <source>警情</source>
        <translation>Police incidents</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="115"/>
        <source>刑事立案</source>
        <translation>Criminal cases filed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="116"/>
        <source>破获刑事案件</source>
        <translation>Criminal cases solved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="117"/>
        <source>抓获违法犯罪人员</source>
        <translation>Offenders caught</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="118"/>
        <source>逮捕</source>
        <translation>Arrests</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="119"/>
        <source>刑事案件破案率</source>
        <translation>Criminal case clearance rate</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="120"/>
        <source>警情同比</source>
        <translation>Police incidents, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="121"/>
        <source>刑事立案同比</source>
        <translation>Criminal cases filed, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="122"/>
        <source>破获刑事案件同比</source>
        <translation>Criminal cases solved, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="123"/>
        <source>抓获违法犯罪人员同比</source>
        <translation>Offenders caught, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="124"/>
        <source>逮捕同比</source>
        <translation>Arrests, year on year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="146"/>
        <source>中文</source>
        <translation>English</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="151"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>LibraryCare</name>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="80"/>
        <source>该资料库已在另一个 ReviewDesk 窗口中打开，已切换到那个窗口。</source>
        <translation>This library is already open in another ReviewDesk window; switched to that window.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="89"/>
        <source>资料库已被占用</source>
        <translation>Library in use</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="105"/>
        <source>这个资料库已在本窗口中打开。每个资料库只开一个窗口，以免两个窗口互相覆盖审阅结论；请在这里继续工作。</source>
        <translation>This library is open in this window. Each library opens in one window only, so that two windows cannot overwrite each other&apos;s review conclusions; please continue here.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="161"/>
        <source>已自动备份资料库。</source>
        <translation>The library was backed up automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="166"/>
        <source>自动备份未完成：</source>
        <translation>Automatic backup not completed: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="172"/>
        <source>自动备份未完成</source>
        <translation>Automatic backup not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="199"/>
        <source>已备份到 %1（已通过完整性检查）</source>
        <translation>Backed up to %1 (integrity check passed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="207"/>
        <source>备份未完成</source>
        <translation>Backup not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="224"/>
        <location filename="../../desktop/ui/library_care.py" line="289"/>
        <source>恢复备份</source>
        <translation>Restore Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="263"/>
        <source>没有可用的备份。</source>
        <translation>No usable backup.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="271"/>
        <source>原资料库文件已改名保留为“%1”。</source>
        <translation>The previous library file was kept as “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="278"/>
        <source>已从备份恢复：</source>
        <translation>Restored from backup: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="288"/>
        <source>恢复未完成：</source>
        <translation>Restore not completed: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="300"/>
        <location filename="../../desktop/ui/library_care.py" line="306"/>
        <source>资料库已损坏</source>
        <translation>Library damaged</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="308"/>
        <source>资料库文件“%1”已损坏，无法打开。

最新的备份是“%2”。要用它恢复吗？损坏的文件会改名保留，不会被覆盖。</source>
        <translation>The library file “%1” is damaged and cannot be opened.

The newest backup is “%2”. Restore it? The damaged file is kept under a new name, never overwritten.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="316"/>
        <source>恢复最新备份</source>
        <translation>Restore Newest Backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="130"/>
        <source>进程 %1，计算机 %2</source>
        <translation>process %1, computer %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="135"/>
        <source>资料库“%1”已在另一个 ReviewDesk 窗口中打开（%2），但无法切换到那个窗口。</source>
        <translation>The library “%1” is open in another ReviewDesk window (%2), which could not be brought forward. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="140"/>
        <source>为免两个窗口互相覆盖审阅结论，这里不再打开它。请先关闭另一个窗口再试。</source>
        <translation>So that two windows cannot overwrite each other&apos;s review conclusions, it is not opened here. Close the other window first and try again. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/single_instance.py" line="143"/>
        <source>如果确定没有其他窗口在使用它（例如另一台电脑已关机），可以删除锁文件“%1”后重试。</source>
        <translation>If you are sure no other window uses it (for example the other computer is off), delete the lock file “%1” and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="337"/>
        <source>有未保存的审阅结论</source>
        <translation>Unsaved review conclusions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="338"/>
        <source>%1 份报告的审阅状态或结论未能存入资料库（见审阅面板中的红字）。现在关闭，这些修改将丢失。

仍要关闭吗？</source>
        <translation>The review status or conclusion of %1 report(s) could not be saved to the library (see the red note in the review panel). Closing now loses these changes.

Close anyway?</translation>
    </message>
</context>
<context>
    <name>LibraryFilter</name>
    <message>
        <location filename="../../desktop/ui/library_filter.py" line="16"/>
        <source>筛选：单位、年度、标题…</source>
        <translation>Filter: agency, year, title…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_filter.py" line="70"/>
        <source>没有符合“%1”的报告。</source>
        <translation>No report matches “%1”.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_filter.py" line="72"/>
        <source>按 Esc 清除筛选，显示全部报告。</source>
        <translation>Press Esc to clear the filter and show every report.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="156"/>
        <source>报告单位</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="157"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="158"/>
        <source>审阅状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="159"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="160"/>
        <source>沿用上年</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="161"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="162"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="163"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="164"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="185"/>
        <source>（未识别）</source>
        <translation>(not recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="205"/>
        <source>已被新版本取代</source>
        <translation>Superseded by a newer version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="207"/>
        <source>疑似非年度报告</source>
        <translation>Possibly not an annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="209"/>
        <source>缺少必备部分</source>
        <translation>Required parts missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="210"/>
        <source>最新版本</source>
        <translation>Current version</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="72"/>
        <source>法治报告审阅台</source>
        <translation>ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="170"/>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="171"/>
        <source>与上年比较</source>
        <translation>Compare with last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="283"/>
        <source>您的账号是审阅人：删除报告需要组长账号</source>
        <translation>Your account is a reviewer&apos;s: deleting reports needs the lead&apos;s account</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="378"/>
        <source>资料库中共有 %1 份报告</source>
        <translation>%1 reports in the library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="502"/>
        <source>没有找到可导入的报告文件（.docx .pdf .txt .html .doc）</source>
        <translation>No report files to import were found (.docx .pdf .txt .html .doc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>年度概览</source>
        <translation>Season overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="569"/>
        <source>离线审阅法治政府建设年度报告。所有数据保存在本机，不连接网络。</source>
        <translation>Offline review of annual reports on building rule-of-law government. All data stays on this computer; nothing goes over the network.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="574"/>
        <source>关于 ReviewDesk</source>
        <translation>About ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="582"/>
        <source>zh_CN</source>
        <comment>the user guide&apos;s language</comment>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="592"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="119"/>
        <source>资料库是只读的，不能导入。</source>
        <translation>The library is read-only: nothing can be imported.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="121"/>
        <source>没有打开资料库，无法导入。请用“文件 → 打开资料库”打开或新建一个资料库。</source>
        <translation>No library is open, so nothing can be imported. Open or create one with File → Open Library.</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="42"/>
        <source>更正报告信息</source>
        <translation>Correct Report Metadata</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="51"/>
        <source>确认报告单位</source>
        <translation>Confirm the issuing agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="102"/>
        <source>报告单位未确定：</source>
        <translation>Issuing agency not certain: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="112"/>
        <source>采用“%1”</source>
        <translation>Use “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="71"/>
        <source>更正会被记录（✎ 表示已更正过），重新导入或重新分析后仍然保留。</source>
        <translation>Corrections are recorded (✎ marks a corrected field) and survive re-importing and re-processing.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="186"/>
        <source>您编辑期间，其他审阅人更正了这份报告的信息。请选择保留哪一个版本。</source>
        <translation>While you were editing, another reviewer corrected this report&apos;s details. Choose which version to keep.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="194"/>
        <source>已保留其他审阅人的更正。</source>
        <translation>The other reviewer&apos;s correction was kept.</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="62"/>
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="63"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="93"/>
        <source>一致性检查</source>
        <translation>Consistency checks</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="119"/>
        <location filename="../../desktop/ui/metrics_panel.py" line="121"/>
        <source>其他数字</source>
        <translation>Other figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="128"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="134"/>
        <source>未能识别</source>
        <translation>not recognised</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="137"/>
        <source>单位类型：%1</source>
        <translation>Issuer type: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="138"/>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="142"/>
        <source>%1 个数字的指标归类存疑，确认前不写入审查意见和汇总（右键可确认、更正或排除）</source>
        <translation>%1 figure(s) have a doubtful metric and stay out of the memo and the summary until confirmed (right-click to confirm, correct or exclude)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="157"/>
        <source>已排除</source>
        <translation>excluded</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="160"/>
        <source>%1 处</source>
        <translation>%1 mentions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="164"/>
        <source>（存疑）</source>
        <translation> (doubtful)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="178"/>
        <source>审阅人已排除：不写入审查意见和汇总。</source>
        <translation>Excluded by the reviewer: not in the memo or the summary.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="184"/>
        <source>指标归类存疑：%1</source>
        <translation>Doubtful metric: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="214"/>
        <source>确认指标和数值</source>
        <translation>Confirm metric and value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="217"/>
        <source>更正指标或数值…</source>
        <translation>Correct metric or value…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="220"/>
        <source>排除（不作为指标）</source>
        <translation>Exclude (not a metric)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="223"/>
        <source>撤销审阅处理</source>
        <translation>Undo the decision</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../desktop/ui/outline_panel.py" line="27"/>
        <source>目录</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outline_panel.py" line="55"/>
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="66"/>
        <source>右键可另存为图片</source>
        <translation>Right-click to save as an image</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="68"/>
        <source>点击单位的柱条打开其报告；右键可另存为图片</source>
        <translation>Click an agency&apos;s bar to open its report; right-click to save as an image</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="83"/>
        <source>另存为图片…</source>
        <translation>Save as Image…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="90"/>
        <source>保存图表</source>
        <translation>Save Chart</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="92"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="113"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="116"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="122"/>
        <source>报告年度：</source>
        <translation>Report year:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="175"/>
        <source>正在汇总…</source>
        <translation>Summarising…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="208"/>
        <source>%1年度</source>
        <translation>%1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="216"/>
        <source>资料库中还没有报告。</source>
        <translation>The library has no reports yet.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="221"/>
        <source>%1 份报告，按时报送率 %2，必备部分齐全 %3 份</source>
        <translation>%1 reports, %2 submitted on time, %3 with every required part</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="232"/>
        <source>无法汇总：</source>
        <translation>Could not build the overview: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="259"/>
        <source>点击打开该单位的报告</source>
        <translation>Click to open the agency&apos;s report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="278"/>
        <source>导出年度概览</source>
        <translation>Export Season Overview</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="280"/>
        <source>Excel 工作簿 (*.xlsx);;PDF 文件 (*.pdf);;PNG 图片 (*.png)</source>
        <translation>Excel workbook (*.xlsx);;PDF file (*.pdf);;PNG image (*.png)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="291"/>
        <source>正在导出…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="301"/>
        <source>已导出到 %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/overview_view.py" line="305"/>
        <source>无法导出</source>
        <translation>Could not export</translation>
    </message>
</context>
<context>
    <name>PairingDialogs</name>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="35"/>
        <source>旧版本（已被本报告取代）</source>
        <translation>Earlier version (superseded by this report)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="36"/>
        <source>新版本（取代了本报告）</source>
        <translation>Later version (supersedes this report)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="37"/>
        <source>可能是同一报告的其他版本，请确认</source>
        <translation>Possibly another version of this report; please confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="38"/>
        <source>当前的上年报告</source>
        <translation>Current prior-year report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="39"/>
        <source>可能的上年报告</source>
        <translation>Possible prior-year report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="40"/>
        <source>上一年度的报告</source>
        <translation>Report of the previous year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="41"/>
        <source>其他报告</source>
        <translation>Other report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="56"/>
        <source>正在读取资料库…</source>
        <translation>Reading the library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="62"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="63"/>
        <source>报告单位</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="64"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="65"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="66"/>
        <source>关系</source>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="114"/>
        <source>该报告已不在资料库中。</source>
        <translation>The report is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="140"/>
        <source>操作失败：</source>
        <translation>Failed: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="193"/>
        <source>选择上年报告</source>
        <translation>Choose prior-year report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="195"/>
        <source>与所选报告比较</source>
        <translation>Compare with the selected report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="199"/>
        <source>不与任何报告比较</source>
        <translation>Compare with none</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="205"/>
        <source>恢复自动配对</source>
        <translation>Pair automatically</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="210"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="248"/>
        <source>（单位未识别）</source>
        <translation>(agency not recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="255"/>
        <source>选择与报告 %1 比较的上年报告。选择会被记录，重新分析或重新导入后仍然有效。</source>
        <translation>Choose the prior-year report to compare report %1 with. The choice is stored and survives re-processing and re-import.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="267"/>
        <source>版本关系</source>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="270"/>
        <source>所选是本报告的旧版本</source>
        <translation>Selected is an earlier version of this report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="275"/>
        <source>本报告是所选的旧版本</source>
        <translation>This report is an earlier version of the selected</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="280"/>
        <source>不是同一报告（撤销取代）</source>
        <translation>Not the same report (undo superseding)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="285"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="319"/>
        <source>与报告 %1 有关的其他版本。旧版本不出现在当前报告列表和汇总中，但不会被删除。</source>
        <translation>Other versions of report %1. Earlier versions are left out of the current list and the summary, but never deleted.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/pairing_dialogs.py" line="323"/>
        <source>资料库中没有报告 %1 的其他版本。</source>
        <translation>The library holds no other version of report %1.</translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="77"/>
        <source>只读模式：%1。可以查看、搜索和导出；导入、批注和审阅结论都不能保存。要修改，请把资料库复制到可写的位置后打开。</source>
        <translation>Read-only: %1. You can read, search and export; imports, annotations and review conclusions cannot be saved. To make changes, copy the library to a writable place and open it there.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="84"/>
        <source>资料库是只读的，不能修改：</source>
        <translation>The library is read-only and cannot be changed: </translation>
    </message>
</context>
<context>
    <name>ReadingRoom</name>
    <message>
        <location filename="../../desktop/ui/reading_room.py" line="282"/>
        <source>窗口太窄，放不下这个面板和报告正文</source>
        <translation>The window is too narrow for this panel beside the report text</translation>
    </message>
</context>
<context>
    <name>RecentLibrariesMenu</name>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="41"/>
        <source>打开或新建资料库</source>
        <translation>Open or Create a Library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="43"/>
        <source>ReviewDesk 资料库 (*.sqlite);;所有文件 (*)</source>
        <translation>ReviewDesk libraries (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="54"/>
        <source>最近的资料库(&amp;R)</source>
        <translation>&amp;Recent Libraries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="69"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="73"/>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
</context>
<context>
    <name>ReportHeader</name>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="29"/>
        <source>⚠ 报告单位未确定</source>
        <translation>⚠ Issuing agency not certain</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="33"/>
        <source>；可能是“%1”</source>
        <translation>; possibly “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="36"/>
        <source>。确认前不自动取代旧版本、不自动配对上年报告。</source>
        <translation>. Until it is confirmed, no version is superseded and no prior-year report is paired automatically.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="38"/>
        <source>确认或更正</source>
        <translation>Confirm or correct</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="42"/>
        <source>此版本已被 %1 取代。</source>
        <translation>This version is superseded by %1.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="45"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="47"/>
        <source>可能与 %1 是同一报告的不同版本，请确认。</source>
        <translation>Possibly another version of the same report as %1; please confirm.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="50"/>
        <source>确认</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="54"/>
        <source>审阅人指定</source>
        <translation>chosen by the reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="56"/>
        <source>同一单位</source>
        <translation>same agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="58"/>
        <source>上年报告：%1（%2）</source>
        <translation>Prior-year report: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="66"/>
        <source>更改</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="70"/>
        <source>可能的上年报告：%1，请确认。</source>
        <translation>Possible prior-year report: %1; please confirm.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="73"/>
        <source>选择</source>
        <translation>Choose</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="79"/>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="81"/>
        <source>（标题为自动生成）</source>
        <translation>(title generated)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="85"/>
        <source>（未确认）</source>
        <translation> (unconfirmed)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="88"/>
        <source>单位：</source>
        <translation>Agency: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="89"/>
        <source>年度：</source>
        <translation>Year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="90"/>
        <source>成文日期：</source>
        <translation>Written: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="93"/>
        <source>发布日期：</source>
        <translation>Published: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="94"/>
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="96"/>
        <source>已人工更正</source>
        <translation>Corrected by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="101"/>
        <source>缺少必备部分：</source>
        <translation>Required parts missing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="105"/>
        <source>当前显示：</source>
        <translation>Showing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="106"/>
        <source>原文</source>
        <translation>original text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="108"/>
        <source>清理后文本</source>
        <translation>cleaned text</translation>
    </message>
</context>
<context>
    <name>ReportTextView</name>
    <message>
        <location filename="../../desktop/ui/report_text.py" line="70"/>
        <source>在左侧选择一份报告，或把报告文件拖到窗口中导入。</source>
        <translation>Choose a report on the left, or drop report files onto the window to import them.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_text.py" line="100"/>
        <source>复制(&amp;C)</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_text.py" line="107"/>
        <source>全选(&amp;A)</source>
        <translation>Select &amp;All</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="34"/>
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="35"/>
        <location filename="../../desktop/ui/report_view.py" line="89"/>
        <location filename="../../desktop/ui/report_view.py" line="91"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="37"/>
        <source>审阅</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="51"/>
        <source>总体结论和修改建议，将写入审查意见。</source>
        <translation>Overall conclusion and recommendations, written into the review memo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="62"/>
        <location filename="../../desktop/ui/review_panel.py" line="229"/>
        <source>审阅状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="63"/>
        <location filename="../../desktop/ui/review_panel.py" line="230"/>
        <source>总体结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="76"/>
        <source>资料库是只读的，不能修改：</source>
        <translation>The library is read-only and cannot be changed: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="231"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="237"/>
        <source>您编辑期间，其他审阅人保存了这份报告的审阅状态和结论。请选择保留哪一个版本。</source>
        <translation>While you were editing, another reviewer saved this report&apos;s review status and conclusion. Choose which version to keep.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="307"/>
        <source>无法读取审阅状态</source>
        <translation>Cannot read the review state</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="315"/>
        <source>未保存：修改没有存入资料库，下次修改时会再试。</source>
        <translation>Not saved: the change is not in the library; it is tried again with the next change.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="320"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="321"/>
        <source>尚未审阅</source>
        <translation>Not reviewed yet</translation>
    </message>
</context>
<context>
    <name>ReviewerDialog</name>
    <message>
        <location filename="../../desktop/ui/reviewer_dialog.py" line="15"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reviewer_dialog.py" line="18"/>
        <source>请输入您的姓名。它会记录在您的批注、审阅状态和审查意见上；以后可在“设置”中修改。</source>
        <translation>Please enter your name. It is recorded on your annotations, review status and review memos; you can change it later in Settings.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reviewer_dialog.py" line="27"/>
        <source>例如：张三</source>
        <translation>e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reviewer_dialog.py" line="32"/>
        <source>以后再说</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="31"/>
        <source>全文搜索，回车开始</source>
        <translation>Search all reports (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="33"/>
        <source>在全部报告中搜索词语；加引号搜索整个短语，如：安全生产 “行政复议”</source>
        <translation>Search every report for words; put a phrase in quotes to find it whole</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="55"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="73"/>
        <source>找到 %1 份报告</source>
        <translation>%1 reports found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="75"/>
        <source>没有找到匹配的报告</source>
        <translation>No matching reports</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="26"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="31"/>
        <source>记录在每条批注上，例如：张三</source>
        <translation>Recorded on every annotation, e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="47"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="48"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="50"/>
        <source>更改语言后重新启动生效。</source>
        <translation>A language change takes effect after restarting.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="52"/>
        <source>正文字号</source>
        <translation>Text size</translation>
    </message>
</context>
<context>
    <name>StaleReanalysis</name>
    <message>
        <location filename="../../desktop/ui/stale_flow.py" line="36"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stale_flow.py" line="87"/>
        <source>正在用新版本重新分析报告：%1/%2</source>
        <translation>Analysing reports again with this version: %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stale_flow.py" line="100"/>
        <source>已用新版本重新分析 %1 份报告</source>
        <translation>Analysed %1 reports again with this version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/stale_flow.py" line="104"/>
        <source>，%1 份的原文无法读取，保留原有分析</source>
        <translation>; %1 could not be read and keep their earlier analysis</translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <location filename="../../desktop/ui/storage_errors.py" line="28"/>
        <source>资料库是只读的，修改未能保存：</source>
        <translation>The library is read-only; the change was not saved: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/storage_errors.py" line="40"/>
        <source>未能保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="44"/>
        <location filename="../../desktop/ui/storage_errors.py" line="65"/>
        <source>发生内部错误，操作未完成：%1。请重试；如果问题重复出现，请把日志发给技术支持。</source>
        <translation>An internal error stopped the operation: %1. Please try again; if it happens again, send the log to support.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/operations.py" line="48"/>
        <location filename="../../desktop/ui/storage_errors.py" line="69"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>TeamMode</name>
    <message>
        <location filename="../../desktop/ui/team_mode.py" line="89"/>
        <location filename="../../desktop/ui/team_mode.py" line="114"/>
        <source>您的账号是审阅人：导入和删除报告需要组长账号</source>
        <translation>Your account is a reviewer&apos;s: importing and deleting reports needs a lead&apos;s account</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_mode.py" line="103"/>
        <source>组长</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_mode.py" line="104"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_mode.py" line="105"/>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/team_mode.py" line="107"/>
        <source>团队资料库 · %1 · %2</source>
        <translation>Team library · %1 · %2</translation>
    </message>
</context>
</TS>
