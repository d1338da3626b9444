//! A backup's top level in one pass over the file: the header parsed, and each collection
//! split into its records' JSON text, to be read one by one later. Building a whole `Value`
//! tree of a big file took most of a second, in one piece; every further pass costs a
//! tenth of one.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

/// The scalar JSON types, each "not the type wanted".
macro_rules! other_types {
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(Part::Not)
        }
    };
}

/// Each collection's records as raw JSON, by the collection's name in the file: borrowed
/// from the file's bytes (no copy of a 66 MB file, no allocation per record), or owned when
/// a migration rewrote them.
pub type Collections<'a> = BTreeMap<String, Records<'a>>;

pub type Records<'a> = Vec<Cow<'a, RawValue>>;

pub struct Top<'a> {
    /// Everything but `data`, parsed.
    pub header: Map<String, Value>,
    pub data: Option<Part<Data<'a>>>,
}

/// What `data` held: an object of parts, or something else.
pub struct Data<'a>(pub BTreeMap<String, Part<Records<'a>>>);

/// A value of the expected JSON type, or the sign that it was another.
pub enum Part<T> {
    Is(T),
    Not,
}

impl<'de> Deserialize<'de> for Top<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Top<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Top<'de>, A::Error> {
                let mut top = Top {
                    header: Map::new(),
                    data: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    if key == "data" {
                        top.data = Some(map.next_value()?);
                    } else {
                        let value = map.next_value()?;
                        top.header.insert(key, value);
                    }
                }
                Ok(top)
            }
        }
        d.deserialize_map(V)
    }
}

impl<'de> Deserialize<'de> for Part<Data<'de>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Part<Data<'de>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut parts = BTreeMap::new();
                while let Some((k, v)) = map.next_entry()? {
                    parts.insert(k, v);
                }
                Ok(Part::Is(Data(parts)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                IgnoredAny.visit_seq(seq).map(|_| Part::Not)
            }
            other_types!();
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Part<Records<'de>> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Part<Records<'de>>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut records = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(r) = seq.next_element::<&'de RawValue>()? {
                    records.push(Cow::Borrowed(r));
                }
                Ok(Part::Is(records))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                IgnoredAny.visit_map(map).map(|_| Part::Not)
            }
            other_types!();
        }
        d.deserialize_any(V)
    }
}
