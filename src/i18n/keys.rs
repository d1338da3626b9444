//! The text table. One row per key, Chinese then English: the macro will not accept a
//! row without both, so no key can be missing in either language.

use super::Lang;

macro_rules! keys {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Key::$key, Lang::Zh) => $zh, (Key::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

keys! {
    AppName => "服务流程规范化工作台", "Serviceflow";
    AppTagline => "服务流程 · 满意度 · 员工能力", "Service processes · satisfaction · staff capability";
    DefaultBusinessName => "我的门店", "My business";
    SkipToContent => "跳到主要内容", "Skip to main content";
    MainNavigation => "主导航", "Main navigation";
    Language => "语言", "Language";
    OpenKiosk => "顾客评价模式", "Customer kiosk";
    NavDashboard => "经营看板", "Dashboard";
    NavProcesses => "服务流程", "Processes";
    NavSurveys => "满意度调查", "Surveys";
    NavFeedback => "投诉建议", "Feedback";
    NavStaff => "员工能力", "Staff";
    NavImprovement => "持续改进", "Improvement";
    NavReports => "报表", "Reports";
    NavData => "数据", "Data";
    NavSettings => "设置", "Settings";
    AboutDashboard => "关键指标一览:客户满意度 CSAT、净推荐值 NPS、投诉率与解决率、流程执行率,以及与目标的差距。",
        "Key figures at a glance: CSAT, NPS, complaint and resolution rates, process compliance, and how far each is from its target.";
    AboutProcesses => "编写标准服务流程:服务前准备、服务中互动、服务后跟进,每一步写明岗位、标准、时限和层级;发布版本,按清单执行,查看执行率与瓶颈。",
        "Write standard service processes: pre-service, in-service and post-service stages whose steps name a role, a standard, a time limit and a tier; publish versions, run them as checklists, and see compliance and bottlenecks.";
    AboutSurveys => "设计满意度问卷(CSAT、NPS、CES、SERVQUAL),在平板上以顾客评价模式收集答卷。",
        "Build satisfaction surveys (CSAT, NPS, CES, SERVQUAL) and collect responses on a tablet in kiosk mode.";
    AboutFeedback => "登记投诉、建议与表扬,做根因分析(5 个为什么),跟踪服务补救直至关闭。",
        "Record complaints, suggestions and praise, find root causes with five whys, and follow service recovery until it is closed.";
    AboutStaff => "按服务意识、专业知识、沟通技巧等能力评估员工,用雷达图对比团队平均与目标,规划培训并检验效果。",
        "Score staff on service awareness, professional knowledge, communication and more; compare each radar with the team and the target, plan training and check its effect.";
    AboutImprovement => "PDCA 持续改进卡片:计划、执行、检查、处理,关联发现的问题与修改的流程版本。",
        "PDCA improvement cards — plan, do, check, act — linked to the findings and the process version they changed.";
    AboutReports => "按时间段生成可打印、可导出的报表。",
        "Printable and exportable reports for any period.";
    AboutData => "备份与恢复:导出 JSON 文件、导入并合并多台平板的数据、查看存储用量。",
        "Backup and restore: export a JSON file, import and merge several tablets' data, and see how much storage is used.";
    AboutSettings => "门店名称、语言、指标目标、顾客评价模式的 PIN 与超时设置。",
        "Business name, language, KPI targets, and the kiosk's PIN and timeouts.";
    ComingSoon => "此部分正在建设中。", "This section is being built.";
    NotFoundTitle => "找不到这个页面", "Page not found";
    NotFoundBody => "链接可能已失效。", "The link may be out of date.";
    BackToDashboard => "返回经营看板", "Back to the dashboard";
    KioskTitle => "欢迎评价我们的服务", "Tell us about your visit";
    KioskNoSurvey => "尚未选择问卷。请店长在“满意度调查”中开启顾客评价模式。",
        "No survey has been chosen yet. A manager starts the kiosk from Surveys.";
    KioskExit => "店长退出", "Manager exit";
    ResponsesTitle => "答卷", "Responses";
    ResponsesAll => "全部", "All";
    ResponsesSurvey => "问卷", "Survey";
    ResponsesStaff => "当班员工", "Staff on duty";
    ResponsesNone => "没有符合条件的答卷。", "No responses match.";
    ResponsesShown => "显示最近", "Showing the latest";
    ResponsesOf => "条,共", "of";
    ResponseOpen => "查看", "Open";
    ResponseDelete => "删除", "Delete";
    ResponseDeleteConfirm => "确定删除这份答卷吗?此操作不能撤销。", "Delete this response? This cannot be undone.";
    ResponseDeleted => "答卷已删除。", "Response deleted.";
    ResponseSubmitted => "提交时间", "Submitted";
    ResponseAnswers => "回答", "Answers";
    SurveysAdd => "添加问卷", "Add a survey";
    SurveysInstrument => "问卷模板", "Instrument";
    SurveysNone => "还没有问卷。", "No surveys yet.";
    SurveysResponses => "答卷", "Responses";
    SurveysOpenKiosk => "开启顾客评价模式", "Start the kiosk";
    SurveysQuestions => "题", "questions";
    SurveysSimplification => "简化版", "simplified";
    KioskShiftTitle => "开始当班", "Start the shift";
    KioskShiftStaff => "当班员工", "Staff on duty";
    KioskShiftStart => "交给顾客", "Hand to customers";
    KioskNext => "下一题", "Next";
    KioskSubmit => "提交", "Submit";
    KioskSkipQuestion => "跳过", "Skip";
    KioskThanks => "谢谢您的评价!", "Thank you!";
    KioskThanksBody => "您的意见帮助我们做得更好。", "Your feedback helps us do better.";
    KioskIdleWarning => "长时间无操作,即将重新开始……", "No activity: starting over soon…";
    KioskStillHere => "我还在", "I'm still here";
    KioskPinPrompt => "请输入店长 PIN", "Manager PIN";
    KioskPinWrong => "PIN 不正确。", "Wrong PIN.";
    KioskPinWait => "请稍候再试(秒):", "Try again in (seconds):";
    KioskPinOk => "确定", "OK";
    KioskSaveFailed => "答卷未能保存,请告知店员。", "Your answers could not be saved: please tell a member of staff.";
    KioskSettingsTitle => "顾客评价模式", "Customer kiosk";
    KioskPinNew => "设置店长 PIN(4–8 位数字)", "Set the manager PIN (4–8 digits)";
    KioskPinSet => "PIN 已设置。", "The PIN is set.";
    KioskPinNotSet => "尚未设置 PIN:任何人都能退出顾客评价模式。", "No PIN yet: anyone can leave the kiosk.";
    KioskPinInvalid => "PIN 须为 4–8 位数字。", "The PIN must be 4–8 digits.";
    KioskIdle => "无操作多久后重新开始(秒)", "Start over after this many idle seconds";
    KioskKeepPartial => "超时时保存已答部分", "Keep a half-filled survey when it times out";
    KioskSettingsSaved => "顾客评价模式设置已保存。", "Kiosk settings saved.";
    BusinessTitle => "门店信息", "Business";
    BusinessName => "门店名称", "Business name";
    Save => "保存", "Save";
    Saved => "已保存。", "Saved.";
    Loading => "正在读取数据…", "Loading data…";
    Dismiss => "知道了", "Dismiss";
    Cancel => "取消", "Cancel";
    SaveFailed => "保存失败,刚才的更改没有保存。已保存的数据没有丢失。", "Saving failed: the last change was not saved. Data saved before is not lost.";
    LoadFailed => "无法读取本机数据。", "The data on this device could not be read.";
    ErrQuota => "存储空间已满。请导出备份后删除旧数据,或释放设备空间。", "Storage is full. Export a backup and remove old data, or free space on the device.";
    ErrBlocked => "另一个标签页正在升级数据库,请关闭其他标签页后重试。", "Another tab is upgrading the database: close the other tabs and try again.";
    ErrAborted => "浏览器中止了这次写入。", "The browser aborted the write.";
    ErrUnavailable => "此浏览器不允许本站存储数据(例如无痕模式)。", "This browser does not let the site store data (private mode, for example).";
    ErrCorrupt => "存储的数据无法读取。", "Stored data could not be read.";
    StorageTitle => "本机存储", "Storage on this device";
    StorageUsed => "已用空间", "Used";
    StorageAvailable => "可用空间", "Available";
    StoragePersisted => "持久存储", "Persistent storage";
    StoragePersistedYes => "已授予:浏览器不会自动清除本站数据。", "Granted: the browser will not clear this site's data on its own.";
    StoragePersistedNo => "未授予:空间紧张或长期未访问时,浏览器可能清除数据。请定期导出备份,或将本应用添加到主屏幕。", "Not granted: the browser may clear data when space runs low or after a long absence. Export backups regularly, or add the app to the home screen.";
    StorageAskPersist => "申请持久存储", "Ask for persistent storage";
    StorageUnknown => "未知", "Unknown";
    RecordCounts => "记录数量", "Records";
    ExportTitle => "导出备份", "Export a backup";
    ExportHelp => "把全部数据保存为一个 JSON 文件。文件只保存在你选择的位置,不会上传。", "Save all data as one JSON file. It goes only where you save it; nothing is uploaded.";
    ExportButton => "导出 JSON 备份", "Export JSON backup";
    LastBackup => "上次导出", "Last export";
    Never => "从未", "Never";
    BackupReminder => "已超过 7 天没有导出备份。", "No backup has been exported for more than 7 days.";
    ImportTitle => "导入与合并", "Import and merge";
    ImportHelp => "选择或拖入备份文件。文件会先完整检查并预览,确认后才会更改数据。", "Choose or drop a backup file. It is checked in full and previewed; nothing changes until you confirm.";
    ImportChoose => "选择备份文件", "Choose a backup file";
    ImportDrop => "或把文件拖到这里", "or drop the file here";
    ImportReading => "正在检查文件…", "Checking the file…";
    ImportRefused => "文件未导入,数据没有任何更改。发现的问题:", "The file was not imported and nothing changed. Problems found:";
    ImportPreview => "导入预览", "Import preview";
    PreviewCollection => "类别", "Collection";
    PreviewNew => "新增", "New";
    PreviewIdentical => "相同", "Identical";
    PreviewIncomingNewer => "冲突·文件较新", "Conflict · file newer";
    PreviewExistingNewer => "冲突·本机较新", "Conflict · device newer";
    ImportMerge => "合并(推荐)", "Merge (recommended)";
    ImportMergeHelp => "新增记录加入,相同记录跳过,冲突时保留更新时间较新的一方。", "New records are added, identical ones skipped, and in a conflict the more recently updated side is kept.";
    ImportReplace => "替换全部", "Replace everything";
    ImportReplaceHelp => "先自动保存当前数据的快照,再用文件内容替换全部数据。", "A snapshot of the current data is kept first; then the file replaces all data.";
    ImportDone => "导入完成。", "Import complete.";
    SnapshotsTitle => "快照", "Snapshots";
    SnapshotsHelp => "替换数据之前自动保存的快照,可以恢复。", "Taken automatically before a replace; any of them can be restored.";
    SnapshotsNone => "还没有快照。", "No snapshots yet.";
    SnapshotRestore => "恢复此快照", "Restore this snapshot";
    SnapshotRestored => "快照已恢复。", "Snapshot restored.";
    DemoTitle => "示例数据", "Demo data";
    DemoHelp => "加载一家示例餐厅三个月的流程、员工、答卷和反馈,用于试用。会与现有数据合并。", "Load three months of a demo restaurant's processes, staff, responses and feedback to try the app. It is merged with existing data.";
    DemoButton => "加载示例数据", "Load demo data";
    DemoLoaded => "示例数据已加载。", "Demo data loaded.";
    ProblemUnreadable => "无法读取文件", "the file could not be read";
    ProblemNotJson => "不是 JSON 文件", "not a JSON file";
    ProblemTruncated => "文件不完整(被截断)", "the file is incomplete (truncated)";
    ProblemNotAnObject => "文件顶层不是对象", "the top level is not an object";
    ProblemWrongFormat => "不是服务流程工作台的备份文件", "not a Serviceflow backup file";
    ProblemMissingField => "缺少字段", "a required field is missing";
    ProblemNewerSchema => "文件来自更新版本的应用,请先升级应用", "the file comes from a newer version of the app: update the app first";
    ProblemBadSchemaVersion => "版本号无效", "invalid schema version";
    ProblemWrongType => "数据类型错误", "wrong type of value";
    ProblemUnknownCollection => "未知的数据类别", "unknown collection";
    ProblemDuplicateId => "文件内有重复的记录 ID", "duplicate record id in the file";
    ProblemDanglingRef => "引用了不存在的记录", "refers to a record that does not exist";
    ProblemTooLarge => "超出合理大小", "larger than any real backup";
    ProcName => "流程名称", "Process name";
    StepsIn => "步骤", "Steps in";
    StepNumber => "第", "Step";
    StageEmpty => "此环节还没有步骤。", "No steps in this stage yet.";
    DownloadSvg => "下载 SVG", "Download SVG";
    FlowchartHelp => "每条泳道是一个岗位,列是服务环节;形状表示层级,红色虚线框为非增值步骤。", "Each lane is a role and the columns are the stages; shape shows the tier, a dashed red outline a non-value-adding step.";
    LegendNva => "非增值", "Non-value-adding";
    TierBasicShort => "基础", "Basic";
    TierStandardShort => "中间", "Standard";
    TierCustomShort => "高端", "Custom";
    SipocSuppliers => "供应者", "Suppliers";
    SipocInputs => "输入", "Inputs";
    SipocProcess => "流程", "Process";
    SipocOutputs => "输出", "Outputs";
    SipocCustomers => "顾客", "Customers";
    SipocCustomer => "到店顾客", "The customer";
    SipocHelp => "由各步骤的岗位、输入与输出汇总而成。", "Gathered from the steps' roles, inputs and outputs.";
    VersionsTitle => "版本历史", "Version history";
    VersionPublishedAt => "发布于", "Published";
    VersionCompare => "比较", "Compare";
    VersionWith => "与", "with";
    DiffAdded => "新增步骤", "Steps added";
    DiffRemoved => "删除步骤", "Steps removed";
    DiffChanged => "修改步骤", "Steps changed";
    DiffNone => "两个版本没有差别。", "The two versions are the same.";
    FieldName => "名称", "name";
    FieldRole => "岗位", "role";
    FieldStandard => "标准", "standard";
    FieldTimeLimit => "时限", "time limit";
    FieldTier => "层级", "tier";
    FieldOptions => "可选做法", "options";
    FieldInputs => "输入", "inputs";
    FieldOutputs => "输出", "outputs";
    FieldValueAdding => "增值标记", "value-adding flag";
    FieldStage => "所属环节", "stage";
    FieldPosition => "顺序", "order";
    RunNoPublished => "此流程还没有已发布的版本。发布后才能执行。", "This process has no published version yet; publish one to run it.";
    RunStart => "开始执行", "Start a run";
    RunStaff => "服务人员", "Served by";
    RunVisitCode => "到访编号(可选)", "Visit code (optional)";
    RunNoStaff => "(未指定)", "(not set)";
    RunActive => "进行中的执行", "Run in progress";
    RunDone => "完成", "Done";
    RunSkip => "跳过", "Skip";
    RunSkipReason => "跳过原因", "Reason for skipping";
    RunNote => "服务备注(高端环节必填)", "Service note (required for custom tier)";
    RunChoose => "选择做法", "Choose how";
    RunFinish => "结束本次执行", "Finish the run";
    RunFinished => "本次执行已结束。", "The run is finished.";
    RunElapsed => "用时", "Elapsed";
    RunLimit => "时限", "Limit";
    RunOverdue => "已超时", "Over time";
    RunSkipped => "已跳过", "Skipped";
    RunNeedOption => "请先选择做法。", "Choose an option first.";
    RunNeedNote => "高端环节需要填写备注。", "A custom-tier step needs a note.";
    RunNeedReason => "请填写跳过原因。", "Give a reason for skipping.";
    RunVersionUsed => "使用版本", "Uses version";
    AnalysisPeriod => "时间段", "Period";
    AnalysisLast7 => "最近 7 天", "Last 7 days";
    AnalysisLast30 => "最近 30 天", "Last 30 days";
    AnalysisLast90 => "最近 90 天", "Last 90 days";
    AnalysisRuns => "执行次数", "Runs";
    AnalysisCompliance => "执行率(按标准且按时完成的步骤 ÷ 应执行步骤)", "Compliance (steps done to standard and on time ÷ required steps)";
    AnalysisComplianceShort => "执行率", "Compliance";
    AnalysisByTier => "按层级", "By tier";
    AnalysisByStep => "按步骤", "By step";
    AnalysisMean => "平均用时", "Mean time";
    AnalysisMedian => "中位用时", "Median time";
    AnalysisOverrun => "超时比例", "Over the limit";
    AnalysisBottleneck => "瓶颈", "Bottleneck";
    AnalysisBottleneckNone => "没有步骤的平均用时超过时限。", "No step takes longer than its limit on average.";
    AnalysisSimplify => "建议简化", "To simplify";
    AnalysisSimplifyHelp => "非增值步骤,或三成以上执行中被跳过的步骤。", "Non-value-adding steps, and steps skipped in 30 % of runs or more.";
    NoData => "暂无数据", "No data";
    ProcNewTitle => "新建服务流程", "New service process";
    ProcTemplate => "模板", "Template";
    ProcBlank => "空白流程", "Blank process";
    ProcCreate => "创建", "Create";
    ProcNewName => "新流程", "New process";
    ProcSearch => "搜索流程名称或类别", "Search by name or category";
    ProcShowArchived => "显示已归档", "Show archived";
    ProcNone => "还没有服务流程。从模板创建一个吧。", "No service processes yet. Create one from a template.";
    ProcNoMatch => "没有符合条件的流程。", "No process matches.";
    ProcDuplicate => "复制", "Duplicate";
    ProcArchive => "归档", "Archive";
    ProcUnarchive => "取消归档", "Restore";
    ProcArchived => "已归档", "Archived";
    ProcCopySuffix => "(副本)", " (copy)";
    ProcCategory => "类别", "Category";
    ProcVersionN => "版本", "Version";
    ProcStepCount => "步骤", "Steps";
    ProcBack => "返回流程列表", "Back to processes";
    ProcNotFound => "找不到这个流程。", "This process was not found.";
    StatusDraft => "草稿", "Draft";
    StatusPublished => "已发布", "Published";
    StatusRetired => "已停用", "Retired";
    TabEditor => "编辑", "Edit";
    TabFlowchart => "泳道图", "Swimlane";
    TabSipoc => "SIPOC 图", "SIPOC";
    TabVersions => "版本历史", "Versions";
    TabRun => "执行", "Run";
    TabAnalysis => "分析", "Analysis";
    StagePre => "服务前准备", "Pre-service";
    StageIn => "服务中互动", "In-service";
    StagePost => "服务后跟进", "Post-service";
    TierBasic => "基础(严格执行)", "Basic (done exactly)";
    TierStandard => "中间(从选项中选择)", "Standard (one of the options)";
    TierCustom => "高端(灵活,须备注)", "Custom (free, note required)";
    StepName => "步骤名称", "Step name";
    StepRole => "岗位", "Role";
    StepNoRole => "(未指定)", "(none)";
    StepStandard => "服务标准", "Standard";
    StepTimeLimit => "时限(分钟)", "Time limit (minutes)";
    StepTier => "层级", "Tier";
    StepOptions => "可选做法(每行一个)", "Options (one per line)";
    StepInputs => "输入(每行一个)", "Inputs (one per line)";
    StepOutputs => "输出(每行一个)", "Outputs (one per line)";
    StepValueAdding => "增值活动", "Adds value";
    StepNonValueAdding => "非增值", "Non-value-adding";
    StepAdd => "添加步骤", "Add step";
    StepRemove => "删除步骤", "Remove step";
    StepMoveUp => "上移", "Move up";
    StepMoveDown => "下移", "Move down";
    StepNew => "新步骤", "New step";
    EditNewDraft => "基于此版本创建草稿", "Start a draft from this version";
    EditReadOnly => "已发布的版本不能修改。要修改,请先创建草稿。", "A published version cannot change. Start a draft to edit.";
    Publish => "发布", "Publish";
    ChangeNote => "变更说明", "Change note";
    PublishNeedsNote => "请填写变更说明。", "Write a change note.";
    PublishFixFirst => "请先修正以下问题:", "Fix these first:";
    Published => "已发布。", "Published.";
    IssueEmptyName => "步骤名称不能为空", "a step has no name";
    IssueMissingRole => "未指定岗位", "no role is set";
    IssueBadTime => "时限必须大于 0", "the time limit must be above zero";
    IssueTooFewOptions => "中间层级至少需要两个可选做法", "a standard-tier step needs at least two options";
    IssueNoSteps => "流程至少需要一个步骤", "the process needs at least one step";
    CollWorkspace => "门店", "Business";
    CollRoles => "岗位", "Roles";
    CollStaff => "员工", "Staff";
    CollProcesses => "服务流程", "Processes";
    CollProcessVersions => "流程版本", "Process versions";
    CollRuns => "流程执行记录", "Process runs";
    CollSurveys => "问卷", "Surveys";
    CollSurveyVersions => "问卷版本", "Survey versions";
    CollResponses => "答卷", "Responses";
    CollFeedback => "投诉建议", "Feedback";
    CollCapabilities => "能力项", "Capabilities";
    CollEvaluations => "能力评估", "Evaluations";
    CollTrainings => "培训", "Trainings";
    CollImprovementActions => "改进行动", "Improvement actions";
    StaffTabTeam => "团队", "Team";
    StaffTabCapabilities => "能力模型", "Capabilities";
    StaffTabTrainings => "培训", "Trainings";
    StaffNotFound => "找不到这位员工。", "This member of staff was not found.";
    StaffBack => "返回团队", "Back to the team";
    StaffPeriod => "评估周期(月)", "Period (month)";
    StaffAdd => "添加员工", "Add staff";
    StaffName => "姓名", "Name";
    StaffRole => "岗位", "Role";
    StaffNewRole => "或新建岗位", "Or a new role";
    StaffJoined => "入职", "Joined";
    StaffLeft => "已离职", "Left";
    StaffLeftOn => "离职日期", "Left on";
    StaffActive => "在职", "Active";
    StaffNone => "还没有员工。", "No staff yet.";
    StaffDetails => "基本信息", "Details";
    StaffTurnover => "近 12 个月员工流失率", "Staff turnover, last 12 months";
    RadarTarget => "目标", "Target";
    RadarTeam => "团队平均", "Team average";
    RadarPrevious => "上期", "Previous period";
    RadarTeamTitle => "团队能力雷达", "Team capability radar";
    RadarPersonTitle => "能力雷达", "Capability radar";
    RadarNoScores => "这个周期还没有主管评估。", "No manager evaluation for this period yet.";
    RadarAxisCount => "雷达图需要 3 到 12 项在用的能力。", "The radar needs 3 to 12 capabilities in use.";
    RadarFailed => "雷达图无法绘制。", "The radar could not be drawn.";
    NeedsTeamTitle => "团队培训需求", "Team training needs";
    NeedsPersonTitle => "培训需求", "Training needs";
    NeedsHelp => "低于目标的能力,差距(目标 − 实际)最大的排在最前。", "Capabilities below target, the largest gap (target − actual) first.";
    NeedsNone => "没有低于目标的能力。", "No capability below target.";
    NeedsGap => "差距", "gap";
    ScoresTitle => "各来源评分", "Scores by source";
    CapabilityName => "能力", "Capability";
    DerivedCustomers => "顾客评价", "Customers";
    DerivedHidden => "样本太少", "too few answers";
    DerivedHelp => "顾客评价来自该员工当班时的问卷(按题目的质量维度对应到能力,少于 5 份不显示);只作参考,不计入主管评分。", "Customer scores come from responses while the person was on duty (mapped to capabilities through the questions' dimensions; hidden below 5 responses). They are shown beside the manager's scores, never mixed in.";
    DerivedProcesses => "流程执行合规率(本人服务的流程)", "Process compliance (runs they served)";
    EvalManager => "主管评分", "Manager";
    EvalSelf => "自评", "Self";
    EvalBy => "评估人", "Evaluated by";
    EvalTitle => "能力评估", "Evaluation";
    EvalNote => "备注", "Note";
    EvalSave => "保存评估", "Save evaluation";
    EvalHistory => "评估记录", "Evaluation history";
    EvalNone => "还没有评估。", "No evaluations yet.";
    EvalDeleteConfirm => "确定删除这次评估吗?", "Delete this evaluation?";
    CapabilitiesTitle => "能力模型", "Capability model";
    CapabilitiesHelp => "员工按这些能力评分(1–5)。评分指引说明每一分的样子;目标用于计算培训需求;质量维度把顾客问卷对应到能力。", "Staff are scored 1–5 on these capabilities. The guide says what each score looks like; the target sets training needs; the dimensions map customer answers to the capability.";
    CapabilitiesNone => "还没有能力模型。可以先用来自行业标准的六项默认能力,再按需修改。", "No capabilities yet. Start from the six defaults of the service training standard and adapt them.";
    CapabilitiesDefaults => "使用默认能力", "Use the default capabilities";
    CapabilityAdd => "添加能力", "Add capability";
    CapabilityNameZh => "名称(中文)", "Name (Chinese)";
    CapabilityNameEn => "名称(英文)", "Name (English)";
    CapabilityDescZh => "说明(中文)", "Description (Chinese)";
    CapabilityDescEn => "说明(英文)", "Description (English)";
    CapabilityTarget => "目标分", "Target";
    CapabilityDimensions => "对应的质量维度", "Quality dimensions";
    CapabilityGuide => "评分指引 1–5", "Scoring guide 1–5";
    CapabilityGuideZh => "指引(中文)", "Guide (Chinese)";
    CapabilityGuideEn => "指引(英文)", "Guide (English)";
    DimTangibles => "有形性", "Tangibles";
    DimReliability => "可靠性", "Reliability";
    DimResponsiveness => "响应性", "Responsiveness";
    DimAssurance => "保证性", "Assurance";
    DimEmpathy => "移情性", "Empathy";
    DimCustom => "自定义", "Custom";
    TrainingsTitle => "培训记录", "Trainings";
    TrainingsNone => "还没有培训记录。", "No trainings recorded yet.";
    TrainingAdd => "记录培训", "Record a training";
    TrainingTitle => "培训主题", "Title";
    TrainingDate => "日期", "Date";
    TrainingTrainer => "讲师", "Trainer";
    TrainingAimedAt => "针对的能力", "Capabilities aimed at";
    TrainingAttendees => "参训员工", "Attendees";
    TrainingNeedsTitle => "请填写主题和日期。", "Enter a title and a date.";
    TrainingNeedsCapability => "请至少选择一项能力。", "Choose at least one capability.";
    TrainingNeedsAttendee => "请至少选择一位参训员工。", "Choose at least one attendee.";
    EffectTitle => "培训效果", "Training effect";
    EffectBefore => "培训前", "Before";
    EffectAfter => "培训后", "After";
    EffectTeam => "团队平均变化", "Team mean change";
    EffectHelp => "培训前取培训日期之前最后一次主管评估,培训后取之后第一次;没有评估的显示“–”。", "Before is the last manager evaluation on or before the training's month, after the first one later; “–” where there is none.";
    SurveyNotFound => "找不到这份问卷。", "This survey was not found.";
    SurveysBack => "返回问卷", "Back to surveys";
    SurveysBlank => "新建空白问卷", "New blank survey";
    SurveysEdit => "编辑", "Edit";
    SurveysResults => "结果", "Results";
    SurveyNameZh => "问卷名称(中文)", "Survey name (Chinese)";
    SurveyNameEn => "问卷名称(英文)", "Survey name (English)";
    SurveyKindLabel => "问卷类型", "Kind of survey";
    SurveyInstant => "即时评价(到店时)", "Instant (at the visit)";
    SurveyFollowUp => "回访(几天后)", "Follow-up (days later)";
    BuilderVersionHelp => "还没有人回答时,修改直接生效;已有答卷时,保存会发布新版本,旧答卷保留原来的题目。", "Until someone answers, changes apply in place; once there are responses, saving publishes a new version and old responses keep their questions.";
    BuilderNewVersion => "已保存为新版本", "Saved as a new version:";
    QuestionN => "题目", "Question";
    QuestionAddKind => "新题目的类型", "Kind of the new question";
    QuestionAdd => "添加题目", "Add question";
    QuestionKindLabel => "题型", "Kind";
    QuestionRequired => "必答", "Required";
    QuestionTextZh => "题目(中文)", "Question (Chinese)";
    QuestionTextEn => "题目(英文)", "Question (English)";
    QuestionOptions => "选项", "Options";
    QuestionOption => "选项", "Option";
    QuestionAddOption => "添加选项", "Add option";
    QuestionRemoveOption => "删除选项", "Remove option";
    QuestionDimension => "质量维度", "Quality dimension";
    QuestionNoDimension => "不指定", "None";
    QuestionCustomDimension => "自定义维度名称", "Custom dimension name";
    QuestionSteps => "衡量的流程步骤", "Process steps it measures";
    QuestionFollowUpAt => "低分追问:得分不高于", "Follow-up when the score is at or below";
    QuestionNoFollowUp => "不追问", "No follow-up";
    QuestionFollowUpZh => "追问(中文)", "Follow-up (Chinese)";
    QuestionFollowUpEn => "追问(英文)", "Follow-up (English)";
    QuestionRemove => "删除题目", "Remove question";
    QkStars => "星级 1–5", "Stars 1–5";
    QkSmiley => "表情 1–4(无中性)", "Smileys 1–4 (no neutral)";
    QkNps => "推荐度 0–10", "NPS 0–10";
    QkLikert => "同意程度 1–7", "Agreement 1–7";
    QkSingle => "单选", "Single choice";
    QkMultiple => "多选", "Multiple choice";
    QkText => "文字", "Free text";
    QiEmptyText => "请填写题目(中文或英文)", "write the question (Chinese or English)";
    QiTooFewOptions => "至少需要两个选项", "needs at least two options";
    QiBadThreshold => "追问分数不在该题的分值范围内", "the follow-up score is outside the question's scale";
    QiHalfFollowUp => "追问需要同时设置分数和文字", "a follow-up needs both a score and a text";
    QiNoQuestions => "问卷至少需要一道题", "a survey needs at least one question";
    SmallSample => "(样本少于 30,仅供参考)", " (fewer than 30 answers: indicative only)";
    MeanCes => "CES 平均", "CES mean";
    MeanScore => "平均分", "Mean";
    ResultsAllTime => "全部", "All time";
    ResultsQuestions => "各题结果", "Results by question";
    ResultsHelp => "CSAT:4–5 星的比例;NPS:推荐者(9–10)减贬损者(0–6)的百分比;CES:“办事容易”同意程度 1–7 的平均。", "CSAT: share of 4–5 stars; NPS: % promoters (9–10) minus % detractors (0–6); CES: mean agreement 1–7 that it was easy.";
    ServqualTitle => "SERVQUAL 差距(感知 − 期望)", "SERVQUAL gaps (perception − expectation)";
    ServqualHelp => "负数表示服务低于顾客期望。加权总分按下面各维度的重要性分配(合计 100 分)。", "Negative means service falls short of what customers expect. The weighted total uses the importance points below (adding up to 100).";
    ServqualGap => "差距", "Gap";
    ServqualUnweighted => "总体(不加权)", "Overall (unweighted)";
    ServqualWeighted => "总体(按重要性加权)", "Overall (weighted by importance)";
    ServqualItems => "各题差距", "Gap per item";
    WeightsTitle => "各维度重要性(共 100 分)", "Importance of each dimension (100 points in all)";
    WeightsNotHundred => "重要性合计必须是 100 分。", "The importance points must add up to 100.";
    VisitLinkTitle => "即时评价与回访对比", "Instant rating against the follow-up";
    VisitLinkHelp => "按小票上的就餐/服务编号,把到店时的评价和几天后的回访连起来(分数统一换算为 1–5)。", "Joins the rating at the visit with the follow-up days later by the visit code on the receipt (scores rescaled to 1–5).";
    VisitLinkFollowUp => "回访问卷", "Follow-up survey";
    VisitLinkPairs => "配对的到访", "Visits paired";
    VisitLinkInstant => "即时", "instant";
    VisitLinkLater => "回访", "follow-up";
    VisitLinkChange => "变化", "change";
    KioskAskVisitCode => "先请顾客输入小票上的编号(可跳过)", "Ask each customer for the code on their receipt first (can be skipped)";
    KioskVisitCodeTitle => "小票上的编号", "The code on your receipt";
    KioskVisitCodeLabel => "编号(可不填)", "Code (optional)";
    KioskVisitCodeSkip => "没有编号,跳过", "No code, skip";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_text_in_both_languages() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                let text = key.text(lang);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_texts_are_chinese() {
        // A copy-pasted English text in the Chinese column is a missing translation.
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        for key in Key::ALL {
            let zh = key.text(Lang::Zh);
            assert!(zh.chars().any(han), "{key:?} has no Chinese text: {zh}");
        }
    }
}
