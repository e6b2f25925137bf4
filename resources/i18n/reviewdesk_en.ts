<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/ui/actions.py" line="29"/>
        <source>导入报告(&amp;I)…</source>
        <translation>&amp;Import Reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="31"/>
        <source>导入一个或多个报告文件</source>
        <translation>Import one or more report files</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="35"/>
        <source>导入文件夹(&amp;F)…</source>
        <translation>Import &amp;Folder…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="37"/>
        <source>导入文件夹中的全部报告</source>
        <translation>Import every report in a folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="41"/>
        <source>导入示例报告(&amp;S)</source>
        <translation>Import &amp;Sample Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="43"/>
        <source>导入随软件附带的示例报告</source>
        <translation>Import the sample reports that come with ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="47"/>
        <source>导出原始文件(&amp;E)…</source>
        <translation>&amp;Export Original File…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="49"/>
        <source>把所选报告的原始文件另存到磁盘</source>
        <translation>Save the selected report&apos;s original file to disk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="53"/>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="55"/>
        <source>撤销上一步批注操作</source>
        <translation>Undo the last annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="59"/>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="61"/>
        <source>重做撤销的批注操作</source>
        <translation>Redo the undone annotation change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="65"/>
        <source>添加批注(&amp;A)…</source>
        <translation>&amp;Add Annotation…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="67"/>
        <source>为选中的文字添加批注</source>
        <translation>Annotate the selected text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="71"/>
        <source>设置(&amp;S)…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="73"/>
        <source>审阅人姓名、界面语言、字号</source>
        <translation>Reviewer name, interface language, text size</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="77"/>
        <source>更正报告信息(&amp;M)…</source>
        <translation>Correct Report &amp;Metadata…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="79"/>
        <source>更正报告单位、年度、日期或标题</source>
        <translation>Correct the report&apos;s agency, year, dates or title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="83"/>
        <source>打开资料库(&amp;L)…</source>
        <translation>Open &amp;Library…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="85"/>
        <source>打开或新建另一个资料库文件</source>
        <translation>Open or create another library file</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="89"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="91"/>
        <source>退出 ReviewDesk</source>
        <translation>Quit ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="95"/>
        <source>显示原文(&amp;O)</source>
        <translation>Show &amp;Original</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="97"/>
        <source>在清理后文本与原文之间切换</source>
        <translation>Switch between the cleaned text and the original</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="102"/>
        <source>刷新(&amp;R)</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="104"/>
        <source>重新读取资料库</source>
        <translation>Reload the library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="107"/>
        <source>放大字体</source>
        <translation>Larger Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="110"/>
        <source>缩小字体</source>
        <translation>Smaller Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="114"/>
        <source>查找(&amp;F)</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="116"/>
        <source>筛选报告列表</source>
        <translation>Filter the report list</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="120"/>
        <source>全文搜索(&amp;S)</source>
        <translation>Full-Text &amp;Search</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="122"/>
        <source>在全部报告中搜索文字</source>
        <translation>Search the text of all reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="126"/>
        <source>与上年比较(&amp;C)</source>
        <translation>&amp;Compare with Last Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="128"/>
        <source>并排查看本报告与该单位上一年度报告的差异</source>
        <translation>Show this report beside the agency&apos;s report of the year before</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="132"/>
        <source>报告正文(&amp;B)</source>
        <translation>Report &amp;Body</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="134"/>
        <source>回到报告正文、指标和批注</source>
        <translation>Back to the report text, figures and annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="138"/>
        <source>导出审查意见(&amp;M)…</source>
        <translation>Export Review &amp;Memo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="140"/>
        <source>把所选报告的审查意见导出为公文格式的 Word 文档</source>
        <translation>Export the selected report&apos;s review memo as an official-format Word document</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="144"/>
        <source>导出审阅汇总(&amp;U)…</source>
        <translation>Export Review S&amp;ummary…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="146"/>
        <source>把全部报告的审阅情况汇总为 Excel 或 CSV 表格</source>
        <translation>Summarise the review of every report as an Excel or CSV table</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="150"/>
        <source>导出批注包(&amp;P)…</source>
        <translation>Export Annotation &amp;Package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="152"/>
        <source>把所选报告的批注打包，交给其他审阅人导入</source>
        <translation>Package the selected reports&apos; annotations for another reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="156"/>
        <source>导入批注包(&amp;K)…</source>
        <translation>Import Annotation Pac&amp;kage…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="158"/>
        <source>导入其他审阅人导出的批注包，按批注合并</source>
        <translation>Import another reviewer&apos;s annotation package, merging annotation by annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="162"/>
        <source>处理批注冲突(&amp;X)…</source>
        <translation>Resolve Annotation Conflicts…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="164"/>
        <source>两边都修改过的批注：选择保留哪一版</source>
        <translation>Annotations edited on both sides: choose which version to keep</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="168"/>
        <source>恢复备份(&amp;B)…</source>
        <translation>Restore &amp;Backup…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="170"/>
        <source>查看资料库的备份，立即备份，或用备份恢复资料库</source>
        <translation>See the library&apos;s backups, back up now, or restore the library from a backup</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="174"/>
        <source>立即备份(&amp;K)</source>
        <translation>Bac&amp;k Up Now</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="176"/>
        <source>把资料库备份到旁边的备份文件夹（经完整性检查）</source>
        <translation>Back up the library to the backup folder beside it (integrity-checked)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="178"/>
        <source>关于 ReviewDesk(&amp;A)</source>
        <translation>&amp;About ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="184"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="208"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="212"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="225"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/actions.py" line="256"/>
        <source>主工具栏</source>
        <translation>Main Toolbar</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="97"/>
        <source>添加批注</source>
        <translation>Add Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="133"/>
        <source>修改批注</source>
        <translation>Edit Annotation</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_commands.py" line="159"/>
        <source>删除批注</source>
        <translation>Delete Annotation</translation>
    </message>
</context>
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../desktop/ui/annotation_controller.py" line="83"/>
        <source>请先在清理后文本中选中要批注的文字。</source>
        <translation>First select the text to annotate in the cleaned text.</translation>
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
        <location filename="../../desktop/ui/annotation_dialog.py" line="70"/>
        <source>写下问题和修改建议…</source>
        <translation>Describe the problem and what should change…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="72"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="73"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="75"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotation_dialog.py" line="76"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="44"/>
        <source>全部类别</source>
        <translation>All categories</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="49"/>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="53"/>
        <source>全部审阅人</source>
        <translation>All reviewers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="59"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="60"/>
        <source>程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="61"/>
        <source>引文 / 意见</source>
        <translation>Quote / Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="62"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="78"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="80"/>
        <source>已处理/未处理</source>
        <translation>Resolved/Open</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="85"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="120"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/annotations_panel.py" line="144"/>
        <source>〔原文已找不到〕</source>
        <translation>[passage no longer found]</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/ui/app.py" line="135"/>
        <source>该资料库已在另一个 ReviewDesk 窗口中打开，已切换到那个窗口。</source>
        <translation>This library is already open in another ReviewDesk window; switched to that window.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app.py" line="185"/>
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
    <name>ComparisonController</name>
    <message>
        <location filename="../../desktop/ui/comparison_controller.py" line="54"/>
        <source>正在比较…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_controller.py" line="74"/>
        <source>无法比较：</source>
        <translation>Cannot compare: </translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="47"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="48"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="49"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="50"/>
        <source>移动</source>
        <translation>Moved</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="57"/>
        <source>（开头）</source>
        <translation>(opening)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="59"/>
        <source>（落款）</source>
        <translation>(signature)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="61"/>
        <source>（顺序调整）</source>
        <translation>(reordered)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="123"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="124"/>
        <source>所在部分</source>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="125"/>
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="165"/>
        <source>上年：</source>
        <translation>Last year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="167"/>
        <source>本年：</source>
        <translation>This year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="201"/>
        <source>指标</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="202"/>
        <location filename="../../desktop/ui/comparison_view.py" line="229"/>
        <location filename="../../desktop/ui/comparison_view.py" line="327"/>
        <source>上年</source>
        <translation>Last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="203"/>
        <location filename="../../desktop/ui/comparison_view.py" line="218"/>
        <location filename="../../desktop/ui/comparison_view.py" line="232"/>
        <location filename="../../desktop/ui/comparison_view.py" line="328"/>
        <source>本年</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="204"/>
        <location filename="../../desktop/ui/comparison_view.py" line="144"/>
        <location filename="../../desktop/ui/comparison_view.py" line="241"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="205"/>
        <source>幅度</source>
        <translation>Change %</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="254"/>
        <source>个百分点</source>
        <translation> percentage points</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="261"/>
        <source>变化向好</source>
        <translation>Change for the better</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="263"/>
        <source>变化向坏，需关注</source>
        <translation>Change for the worse; worth a look</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_models.py" line="264"/>
        <source>无变化，或该指标的升降无好坏之分</source>
        <translation>No change, or neither direction is better for this figure</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="73"/>
        <source>下一处变化(&amp;N)</source>
        <translation>&amp;Next Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="78"/>
        <source>跳到下一处与上年不同的文字</source>
        <translation>Go to the next passage that differs from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="82"/>
        <source>上一处变化(&amp;P)</source>
        <translation>&amp;Previous Change</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="87"/>
        <source>跳到上一处与上年不同的文字</source>
        <translation>Go to the previous passage that differs from last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="107"/>
        <source>上一处</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="108"/>
        <source>下一处</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="145"/>
        <location filename="../../desktop/ui/comparison_view.py" line="244"/>
        <source>同比指标</source>
        <translation>Year-on-year figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="174"/>
        <source>选择一份报告，查看它与上一年度报告的比较。</source>
        <translation>Choose a report to compare it with the year before.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="192"/>
        <source>资料库中已没有这份报告。</source>
        <translation>This report is no longer in the library.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="220"/>
        <source>导入该单位上一年度的报告后，这里会逐处对照两年的报告。</source>
        <translation>Import the agency&apos;s report of the year before to compare the two here, passage by passage.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="294"/>
        <source>没有文字变化</source>
        <translation>No changes in the text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="300"/>
        <source>共 %1 处变化</source>
        <translation>%1 changes</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="304"/>
        <source>第 %1 / %2 处</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="315"/>
        <source>沿用上年</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="321"/>
        <source>图例：</source>
        <translation>Legend: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="335"/>
        <source>沿用上年文字：</source>
        <translation>Carried over from last year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/comparison_view.py" line="336"/>
        <source>句</source>
        <translation>sentences</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="32"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="33"/>
        <source>严重程度</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="34"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="35"/>
        <source>意见</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="36"/>
        <source>批注人</source>
        <translation>Author</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="46"/>
        <source>修改时间</source>
        <translation>Modified</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="55"/>
        <source>处理批注冲突</source>
        <translation>Resolve Annotation Conflicts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="68"/>
        <source>保留本地版本</source>
        <translation>Keep This Library&apos;s Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="70"/>
        <source>采用导入的版本</source>
        <translation>Take the Package&apos;s Version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="79"/>
        <source>本资料库中的版本</source>
        <translation>Version in this library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="80"/>
        <source>批注包中的版本</source>
        <translation>Version in the package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="113"/>
        <source>没有待处理的批注冲突。</source>
        <translation>No annotation conflicts to resolve.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/conflict_dialog.py" line="119"/>
        <source>原文：</source>
        <translation>Passage: </translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="68"/>
        <source>未能完成</source>
        <translation>Could Not Finish</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="91"/>
        <source>导出原始文件</source>
        <translation>Export Original File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="93"/>
        <source>所有文件 (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="98"/>
        <source>已导出原始文件：</source>
        <translation>Original file exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="107"/>
        <source>请先选择一份报告。</source>
        <translation>Choose a report first.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="112"/>
        <source>年度报告审查意见</source>
        <translation> annual report review memo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="114"/>
        <source>导出审查意见</source>
        <translation>Export Review Memo</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="116"/>
        <source>Word 文档 (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="136"/>
        <source>正在生成审查意见…</source>
        <translation>Writing the review memo…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="138"/>
        <source>已导出审查意见：</source>
        <translation>Review memo exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="146"/>
        <source>Excel 工作簿 (*.xlsx);;CSV 表格（UTF-8） (*.csv)</source>
        <translation>Excel workbooks (*.xlsx);;CSV tables, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="148"/>
        <source>导出审阅汇总</source>
        <translation>Export Review Summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="149"/>
        <source>审阅汇总</source>
        <translation>review summary</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="168"/>
        <source>已导出审阅汇总（%1 份报告）：</source>
        <translation>Review summary exported (%1 reports): </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="172"/>
        <source>正在汇总…</source>
        <translation>Summarising…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="180"/>
        <source>批注包</source>
        <translation>annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="182"/>
        <location filename="../../desktop/ui/export_flow.py" line="190"/>
        <source>导出批注包</source>
        <translation>Export Annotation Package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="184"/>
        <source>ReviewDesk 批注包 (*.rdpkg)</source>
        <translation>ReviewDesk annotation packages (*.rdpkg)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="191"/>
        <source>是否把原始报告文件一并放入批注包？
对方资料库中没有这些报告时，可以随批注一起导入。</source>
        <translation>Put the original report files in the package too?
A colleague whose library lacks these reports can then import them with the annotations.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="212"/>
        <source>已导出 %1 条批注：</source>
        <translation>%1 annotations exported: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="216"/>
        <source>正在导出批注包…</source>
        <translation>Exporting the annotation package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="223"/>
        <source>导入批注包</source>
        <translation>Import Annotation Package</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="225"/>
        <source>ReviewDesk 批注包 (*.rdpkg);;所有文件 (*)</source>
        <translation>ReviewDesk annotation packages (*.rdpkg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="239"/>
        <source>正在导入批注包…</source>
        <translation>Importing the annotation package…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="247"/>
        <source>新增 %1 条，更新 %2 条，未变 %3 条，冲突 %4 条，待对应报告 %5 条。</source>
        <translation>%1 added, %2 updated, %3 unchanged, %4 in conflict, %5 waiting for their report.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="257"/>
        <source>随包导入报告 %1 份。</source>
        <translation> %1 reports imported from the package.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="267"/>
        <source>有批注在两边都被修改过。现在处理冲突吗？</source>
        <translation>Some annotations were edited on both sides. Resolve the conflicts now?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="270"/>
        <location filename="../../desktop/ui/export_flow.py" line="276"/>
        <source>批注包已导入</source>
        <translation>Annotation Package Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/export_flow.py" line="278"/>
        <source>批注包已导入：</source>
        <translation>Annotation package imported: </translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="31"/>
        <source>报告文件 (*.docx *.pdf *.txt *.html *.htm *.doc);;所有文件 (*)</source>
        <translation>Report files (*.docx *.pdf *.txt *.html *.htm *.doc);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="57"/>
        <source>正在导入报告…</source>
        <translation>Importing reports…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="58"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="63"/>
        <location filename="../../desktop/ui/import_flow.py" line="78"/>
        <source>导入报告</source>
        <translation>Import Reports</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="89"/>
        <source>导入文件夹中的报告</source>
        <translation>Import Reports from a Folder</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="117"/>
        <source>正在导入：</source>
        <translation>Importing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="137"/>
        <source>导入未完成</source>
        <translation>Import not completed</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="150"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="154"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="155"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="156"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="161"/>
        <source>已存在</source>
        <translation>Already in library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="164"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="166"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/import_flow.py" line="189"/>
        <source>已导入 %1 份，已存在 %2 份，未导入 %3 份。</source>
        <translation>%1 imported, %2 already in the library, %3 not imported.</translation>
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
        <location filename="../../desktop/ui/library_care.py" line="332"/>
        <source>进程 %1，计算机 %2</source>
        <translation>process %1, computer %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="337"/>
        <source>资料库“%1”已在另一个 ReviewDesk 窗口中打开（%2），但无法切换到那个窗口。</source>
        <translation>The library “%1” is open in another ReviewDesk window (%2), which could not be brought forward. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="342"/>
        <source>为免两个窗口互相覆盖审阅结论，这里不再打开它。请先关闭另一个窗口再试。</source>
        <translation>So that two windows cannot overwrite each other&apos;s review conclusions, it is not opened here. Close the other window first and try again. </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="345"/>
        <source>如果确定没有其他窗口在使用它（例如另一台电脑已关机），可以删除锁文件“%1”后重试。</source>
        <translation>If you are sure no other window uses it (for example the other computer is off), delete the lock file “%1” and try again.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="359"/>
        <source>有未保存的审阅结论</source>
        <translation>Unsaved review conclusions</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="360"/>
        <source>%1 份报告的审阅状态或结论未能存入资料库（见审阅面板中的红字）。现在关闭，这些修改将丢失。

仍要关闭吗？</source>
        <translation>The review status or conclusion of %1 report(s) could not be saved to the library (see the red note in the review panel). Closing now loses these changes.

Close anyway?</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="141"/>
        <source>报告单位</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="142"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="143"/>
        <source>审阅状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="144"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="145"/>
        <source>沿用上年</source>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="146"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="147"/>
        <source>成文日期</source>
        <translation>Date written</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="148"/>
        <source>格式</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="149"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="170"/>
        <source>（未识别）</source>
        <translation>(not recognised)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="190"/>
        <source>已被新版本取代</source>
        <translation>Superseded by a newer version</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="192"/>
        <source>疑似非年度报告</source>
        <translation>Possibly not an annual report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="194"/>
        <source>缺少必备部分</source>
        <translation>Required parts missing</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_model.py" line="195"/>
        <source>最新版本</source>
        <translation>Current version</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="91"/>
        <source>筛选：单位、年度、标题…</source>
        <translation>Filter: agency, year, title…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="131"/>
        <source>报告</source>
        <translation>Report</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="132"/>
        <source>与上年比较</source>
        <translation>Compare with last year</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="220"/>
        <source>资料库中共有 %1 份报告</source>
        <translation>%1 reports in the library</translation>
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
    <message>
        <location filename="../../desktop/ui/main_window.py" line="316"/>
        <source>没有找到可导入的报告文件（.docx .pdf .txt .html .doc）</source>
        <translation>No report files to import were found (.docx .pdf .txt .html .doc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="371"/>
        <source>离线审阅法治政府建设年度报告。所有数据保存在本机，不连接网络。</source>
        <translation>Offline review of annual reports on building rule-of-law government. All data stays on this computer; nothing goes over the network.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="376"/>
        <source>关于 ReviewDesk</source>
        <translation>About ReviewDesk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="381"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="20"/>
        <source>更正报告信息</source>
        <translation>Correct Report Metadata</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metadata_dialog.py" line="58"/>
        <source>更正会被记录（✎ 表示已更正过），重新导入或重新分析后仍然保留。</source>
        <translation>Corrections are recorded (✎ marks a corrected field) and survive re-importing and re-processing.</translation>
    </message>
</context>
<context>
    <name>MetricsPanel</name>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="36"/>
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="37"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="59"/>
        <source>一致性检查</source>
        <translation>Consistency checks</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/metrics_panel.py" line="86"/>
        <source>其他数字</source>
        <translation>Other figures</translation>
    </message>
</context>
<context>
    <name>OutlinePanel</name>
    <message>
        <location filename="../../desktop/ui/outline_panel.py" line="23"/>
        <source>目录</source>
        <translation>Outline</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/outline_panel.py" line="51"/>
        <source>缺少：</source>
        <translation>Missing: </translation>
    </message>
</context>
<context>
    <name>ReadOnly</name>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="70"/>
        <source>只读模式：%1。可以查看、搜索和导出；导入、批注和审阅结论都不能保存。要修改，请把资料库复制到可写的位置后打开。</source>
        <translation>Read-only: %1. You can read, search and export; imports, annotations and review conclusions cannot be saved. To make changes, copy the library to a writable place and open it there.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/read_only.py" line="77"/>
        <source>资料库是只读的，不能修改：</source>
        <translation>The library is read-only and cannot be changed: </translation>
    </message>
</context>
<context>
    <name>RecentLibrariesMenu</name>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="44"/>
        <source>打开或新建资料库</source>
        <translation>Open or Create a Library</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="46"/>
        <source>ReviewDesk 资料库 (*.sqlite);;所有文件 (*)</source>
        <translation>ReviewDesk libraries (*.sqlite);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="57"/>
        <source>最近的资料库(&amp;R)</source>
        <translation>&amp;Recent Libraries</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="72"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/recent_libraries.py" line="76"/>
        <source>清除列表</source>
        <translation>Clear List</translation>
    </message>
</context>
<context>
    <name>ReportHeader</name>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="16"/>
        <source>（无标题）</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="18"/>
        <source>（标题为自动生成）</source>
        <translation>(title generated)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="21"/>
        <source>单位：</source>
        <translation>Agency: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="22"/>
        <source>年度：</source>
        <translation>Year: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="23"/>
        <source>成文日期：</source>
        <translation>Written: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="26"/>
        <source>发布日期：</source>
        <translation>Published: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="27"/>
        <source>来源：</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="29"/>
        <source>已人工更正</source>
        <translation>Corrected by hand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="34"/>
        <source>缺少必备部分：</source>
        <translation>Required parts missing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="38"/>
        <source>当前显示：</source>
        <translation>Showing: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="39"/>
        <source>原文</source>
        <translation>original text</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_header.py" line="41"/>
        <source>清理后文本</source>
        <translation>cleaned text</translation>
    </message>
</context>
<context>
    <name>ReportTextView</name>
    <message>
        <location filename="../../desktop/ui/report_text.py" line="52"/>
        <source>在左侧选择一份报告，或把报告文件拖到窗口中导入。</source>
        <translation>Choose a report on the left, or drop report files onto the window to import them.</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="30"/>
        <source>指标</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="31"/>
        <location filename="../../desktop/ui/report_view.py" line="78"/>
        <source>批注</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/report_view.py" line="33"/>
        <source>审阅</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="42"/>
        <source>总体结论和修改建议，将写入审查意见。</source>
        <translation>Overall conclusion and recommendations, written into the review memo.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="53"/>
        <source>审阅状态</source>
        <translation>Review status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="54"/>
        <source>总体结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="67"/>
        <source>资料库是只读的，不能修改：</source>
        <translation>The library is read-only and cannot be changed: </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="162"/>
        <source>无法读取审阅状态</source>
        <translation>Cannot read the review state</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="170"/>
        <source>未保存：修改没有存入资料库，下次修改时会再试。</source>
        <translation>Not saved: the change is not in the library; it is tried again with the next change.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="175"/>
        <source>（未署名）</source>
        <translation>(unsigned)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/review_panel.py" line="176"/>
        <source>尚未审阅</source>
        <translation>Not reviewed yet</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="31"/>
        <source>全文搜索（如：安全生产 “行政复议”），回车开始</source>
        <translation>Full-text search (e.g. 安全生产 “行政复议”), press Enter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="51"/>
        <source>正在搜索…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="69"/>
        <source>找到 %1 份报告</source>
        <translation>%1 reports found</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="71"/>
        <source>没有找到匹配的报告</source>
        <translation>No matching reports</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="24"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="29"/>
        <source>记录在每条批注上，例如：张三</source>
        <translation>Recorded on every annotation, e.g. Zhang San</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="41"/>
        <source>审阅人</source>
        <translation>Reviewer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="42"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="44"/>
        <source>更改语言后重新启动生效。</source>
        <translation>A language change takes effect after restarting.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="46"/>
        <source>正文字号</source>
        <translation>Text size</translation>
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
        <location filename="../../desktop/ui/storage_errors.py" line="65"/>
        <source>发生内部错误，操作未完成：%1。请重试；如果问题重复出现，请把日志发给技术支持。</source>
        <translation>An internal error stopped the operation: %1. Please try again; if it happens again, send the log to support.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/storage_errors.py" line="69"/>
        <source>出错了</source>
        <translation>Something went wrong</translation>
    </message>
</context>
</TS>
