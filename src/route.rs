//! Routes live in the URL fragment (`#/processes`): a plain static server serves
//! `index.html` for every deep link, and the app works under any sub-path.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Dashboard,
    Processes,
    Surveys,
    Feedback,
    Staff,
    Improvement,
    Audits,
    Reports,
    Data,
    Settings,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Dashboard,
        Section::Processes,
        Section::Surveys,
        Section::Feedback,
        Section::Staff,
        Section::Improvement,
        Section::Audits,
        Section::Reports,
        Section::Data,
        Section::Settings,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::Dashboard => "dashboard",
            Section::Processes => "processes",
            Section::Surveys => "surveys",
            Section::Feedback => "feedback",
            Section::Staff => "staff",
            Section::Improvement => "improvement",
            Section::Audits => "audits",
            Section::Reports => "reports",
            Section::Data => "data",
            Section::Settings => "settings",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Section(Section),
    /// One record of a section, e.g. `#/processes/<uuid>/run`: its id and the view of it.
    Detail(Section, String, Option<String>),
    /// The customer-facing survey screen for one survey: no navigation, leaving needs the
    /// manager PIN.
    Kiosk(Option<String>),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_matches('/');
        let path = path.split('?').next().unwrap_or("");
        let first = path.split('/').next().unwrap_or("");
        if first.is_empty() {
            return Route::Section(Section::Dashboard);
        }
        if first == "kiosk" {
            return Route::Kiosk(
                path.split('/')
                    .nth(1)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string),
            );
        }
        let mut parts = path.split('/').filter(|p| !p.is_empty()).skip(1);
        let section = Section::ALL.into_iter().find(|s| s.slug() == first);
        match (section, parts.next()) {
            (Some(s), None) => Route::Section(s),
            (Some(s), Some(id)) => {
                Route::Detail(s, id.to_string(), parts.next().map(str::to_string))
            }
            (None, _) => Route::NotFound(path.to_string()),
        }
    }

    /// The page a route is shown on. The kiosk has its own (`kiosk.html`, a binary of its
    /// own), so that a customer's tablet downloads none of the manager's pages.
    pub fn page(&self) -> &'static str {
        match self {
            Route::Kiosk(_) => "kiosk.html",
            _ => "./",
        }
    }

    /// A link that works from either page: the page, then the fragment.
    pub fn url(&self) -> String {
        format!("{}{}", self.page(), self.href())
    }

    /// The fragment alone, for links within one page.
    pub fn href(&self) -> String {
        match self {
            Route::Section(s) => format!("#/{}", s.slug()),
            Route::Detail(s, id, None) => format!("#/{}/{id}", s.slug()),
            Route::Detail(s, id, Some(view)) => format!("#/{}/{id}/{view}", s.slug()),
            Route::Kiosk(None) => "#/kiosk".to_string(),
            Route::Kiosk(Some(id)) => format!("#/kiosk/{id}"),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

/// Views of one process that are not tabs: an older version opened read-only
/// (`#/processes/<id>/v3`) and the printable SOP card (`#/processes/<id>/card`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProcessView {
    Version(u32),
    Card,
}

impl ProcessView {
    pub fn parse(view: &str) -> Option<ProcessView> {
        if view == "card" {
            return Some(ProcessView::Card);
        }
        let n: u32 = view.strip_prefix('v')?.parse().ok()?;
        (n > 0 && !view.starts_with("v+")).then_some(ProcessView::Version(n))
    }

    pub fn slug(self) -> String {
        match self {
            ProcessView::Version(n) => format!("v{n}"),
            ProcessView::Card => "card".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_section_and_back() {
        for s in Section::ALL {
            let r = Route::Section(s);
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn empty_hash_is_dashboard() {
        assert_eq!(Route::parse(""), Route::Section(Section::Dashboard));
        assert_eq!(Route::parse("#/"), Route::Section(Section::Dashboard));
    }

    #[test]
    fn the_kiosk_has_a_page_of_its_own_and_links_reach_across() {
        let kiosk = Route::Kiosk(Some("x".into()));
        assert_eq!(kiosk.url(), "kiosk.html#/kiosk/x");
        assert_eq!(Route::Section(Section::Surveys).url(), "./#/surveys");
        // Either page reads the fragment of a link to the other back to the same route.
        let fragment = |url: &str| url.split_once('#').map(|(_, f)| f.to_string()).unwrap();
        assert_eq!(Route::parse(&fragment(&kiosk.url())), kiosk);
    }

    #[test]
    fn kiosk_and_unknown() {
        assert_eq!(Route::parse("#/kiosk"), Route::Kiosk(None));
        assert_eq!(
            Route::parse("#/kiosk/abc"),
            Route::Kiosk(Some("abc".into()))
        );
        assert_eq!(
            Route::parse(&Route::Kiosk(Some("x".into())).href()),
            Route::Kiosk(Some("x".into()))
        );
        assert_eq!(
            Route::parse("#/staff/42"),
            Route::Detail(Section::Staff, "42".into(), None)
        );
        let run = Route::Detail(Section::Processes, "abc".into(), Some("run".into()));
        assert_eq!(Route::parse(&run.href()), run);
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
    }

    #[test]
    fn process_views_parse_and_round_trip() {
        let r = Route::parse("#/processes/abc/v3");
        assert_eq!(
            r,
            Route::Detail(Section::Processes, "abc".into(), Some("v3".into()))
        );
        assert_eq!(ProcessView::parse("v3"), Some(ProcessView::Version(3)));
        assert_eq!(ProcessView::parse("card"), Some(ProcessView::Card));
        for bad in ["v", "v0", "vx", "v+1", "v-1", "3", "run", ""] {
            assert_eq!(ProcessView::parse(bad), None, "{bad}");
        }
        for v in [ProcessView::Version(12), ProcessView::Card] {
            assert_eq!(ProcessView::parse(&v.slug()), Some(v));
        }
    }
}
