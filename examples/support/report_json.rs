//! Reading a report's JSON form in the examples: shared by `analyze` and `highlight`.

use serde_json::Value;

/// A field as text: a string as it is, null as "", anything else as JSON.
pub fn text_of(value: &Value, key: &str) -> String {
    match &value[key] {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// An array field, or nothing.
pub fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value[key].as_array().map_or(&[], Vec::as_slice)
}
