//! What the kiosk page holds: the surveys, their versions and the staff, read from
//! IndexedDB one collection at a time and read again whenever another tab saves. A
//! customer's response is written at once, as a new record, and announced to the other tabs.

use crate::domain::model::{Feedback, Response};
use crate::domain::Data;
use crate::storage::{self, Store, StoreError};
use crate::ui::app_data::LoadState;
use crate::ui::tabs;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::RefCell;
use std::rc::Rc;

thread_local! {
    static STORE: RefCell<Option<Rc<Store>>> = const { RefCell::new(None) };
}

fn store() -> Option<Rc<Store>> {
    STORE.with(|s| s.borrow().clone())
}

#[derive(Clone, Copy)]
pub struct KioskRecords {
    /// Only `surveys`, `survey_versions` and `staff` are filled.
    pub data: RwSignal<Data>,
    pub state: RwSignal<LoadState>,
}

impl KioskRecords {
    pub fn new() -> KioskRecords {
        let records = KioskRecords {
            data: RwSignal::new(Data::default()),
            state: RwSignal::new(LoadState::Loading),
        };
        spawn_local(async move {
            match storage::open().await {
                Ok(s) => {
                    let s = Rc::new(s);
                    STORE.with(|slot| *slot.borrow_mut() = Some(s.clone()));
                    records.reload().await;
                    super::push::start(s);
                    tabs::on_any_change(move || spawn_local(records.reload()));
                }
                Err(e) => records.state.set(LoadState::Failed(e)),
            }
        });
        records
    }

    async fn reload(self) {
        let Some(s) = store() else { return };
        let read = async {
            Ok::<_, StoreError>(Data {
                surveys: s.load_collection().await?,
                survey_versions: s.load_collection().await?,
                staff: s.load_collection().await?,
                ..Data::default()
            })
        };
        match read.await {
            Ok(d) => {
                self.data.set(d);
                self.state.set(LoadState::Ready);
            }
            // What was read before stays on screen: a customer is never shown an error page.
            Err(e) if self.state.get_untracked() == LoadState::Ready => {
                leptos::logging::warn!("kiosk: re-reading the survey failed: {}", e.detail())
            }
            Err(e) => self.state.set(LoadState::Failed(e)),
        }
    }

    /// Stores a response and its recovery item in one transaction; resolves once stored.
    pub async fn save(
        self,
        response: Response,
        recovery: Option<Feedback>,
    ) -> Result<(), StoreError> {
        let s = store().ok_or_else(|| StoreError::Unavailable(String::new()))?;
        let adding = s.adding(super::push::on())?;
        adding.put(&response)?;
        if let Some(f) = &recovery {
            adding.put(f)?;
        }
        adding.commit().await?;
        tabs::announce_response(&response, recovery.as_ref());
        super::push::soon();
        Ok(())
    }
}

pub fn kiosk_records() -> KioskRecords {
    expect_context::<KioskRecords>()
}
