//! 门店对比 Each KPI of the period per location, the best and the worst marked in words as
//! well as colour; shown once a chain has two locations. The report prints the same table.

use super::super::app_data::app_data;
use super::super::{browser, ctx, labels};
use super::span;
use super::tiles::value_text;
use crate::domain::dashboard::Query;
use crate::domain::locations::{self, Comparison, Mark};
use crate::i18n::Key;
use leptos::prelude::*;

/// The comparison of the query's period, under its other filters.
pub fn comparison(query: RwSignal<Query>) -> Memo<Comparison> {
    let app = app_data();
    Memo::new(move |_| {
        let q = query.get();
        let s = span(q.period.resolve(browser::today()));
        app.data.with(|d| {
            app.facts
                .with(|facts| locations::compare(d, facts, &s, &q.filter, browser::now()))
        })
    })
}

pub fn shown() -> bool {
    app_data().data.with(locations::compared)
}

#[component]
pub fn LocationCompare(query: RwSignal<Query>) -> impl IntoView {
    let c = ctx();
    let cmp = comparison(query);
    let lang = move || c.lang.get();
    view! {
        <Show when=shown>
            <section class="card location-compare" aria-labelledby="compare-title">
                <h2 id="compare-title">{c.t(Key::CompareTitle)}</h2>
                <p class="muted">{c.t(Key::CompareHelp)}</p>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="compare-title">
                <table class="report-table" data-testid="location-compare">
                    <thead><tr>
                        <th scope="col">{c.t(Key::CompareKpi)}</th>
                        {move || cmp.with(|m| m.locations.iter().map(|(_, name)| view! { <th scope="col">{name.clone()}</th> }).collect_view())}
                    </tr></thead>
                    <tbody>
                        {move || cmp.get().rows.into_iter().map(|r| {
                            let k = r.kpi;
                            let names = cmp.with_untracked(|m| m.locations.clone());
                            view! {
                                <tr data-kpi=k.code()>
                                    <th scope="row">{c.t(labels::kpi(k))}</th>
                                    {r.values.into_iter().zip(r.marks).zip(names).map(|((v, mark), (_, name))| {
                                        let text = v.value.map_or_else(|| "–".to_string(), |x| value_text(k, x, lang()));
                                        let (class, code, word) = match mark {
                                            Some(Mark::Best) => ("good", Some("best"), Some(Key::CompareBest)),
                                            Some(Mark::Worst) => ("bad", Some("worst"), Some(Key::CompareWorst)),
                                            None => ("", None, None),
                                        };
                                        view! {
                                            <td class=class data-location=name data-mark=code>
                                                <span data-testid="compare-value">{text}</span>
                                                " "<span class="muted">"n="{v.n}</span>
                                                {word.map(|w| view! { " "<strong>{c.t(w)}</strong> })}
                                            </td>
                                        }
                                    }).collect_view()}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
            </section>
        </Show>
    }
}
