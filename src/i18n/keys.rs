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
