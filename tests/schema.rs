//! The JSON report is a contract: reports of the sample articles validate against
//! docs/report.schema.json. The validator below covers the JSON Schema keywords the schema
//! uses (type, properties, required, additionalProperties, items, enum, minimum, maximum,
//! $ref to #/$defs), and fails loudly on any other keyword so the schema cannot drift into
//! something unchecked.

use copydesk::{Article, Report};
use serde_json::Value;

const SCHEMA: &str = include_str!("../docs/report.schema.json");

fn type_matches(name: &str, value: &Value) -> bool {
    match name {
        "null" => value.is_null(),
        "boolean" => value.is_boolean(),
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "number" => value.is_number(),
        "integer" => value.as_u64().is_some() || value.as_i64().is_some(),
        other => panic!("unknown type {other:?} in the schema"),
    }
}

fn validate(root: &Value, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(schema) = schema.as_object() else {
        return;
    };
    for key in schema.keys() {
        let known = [
            "$schema",
            "$id",
            "$defs",
            "$ref",
            "title",
            "description",
            "type",
            "properties",
            "required",
            "additionalProperties",
            "items",
            "enum",
            "minimum",
            "maximum",
            "examples",
        ];
        assert!(
            known.contains(&key.as_str()),
            "the schema uses {key:?}, which this validator does not check"
        );
    }
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference
            .strip_prefix("#/$defs/")
            .expect("only #/$defs/ references");
        let target = &root["$defs"][name];
        assert!(!target.is_null(), "dangling $ref {reference}");
        validate(root, target, value, path, errors);
    }
    if let Some(types) = schema.get("type") {
        let ok = match types {
            Value::String(t) => type_matches(t, value),
            Value::Array(ts) => ts
                .iter()
                .filter_map(Value::as_str)
                .any(|t| type_matches(t, value)),
            _ => panic!("bad type keyword"),
        };
        if !ok {
            errors.push(format!("{path}: {value} is not of type {types}"));
            return;
        }
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            errors.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    if let (Some(min), Some(v)) = (
        schema.get("minimum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        if v < min {
            errors.push(format!("{path}: {v} < minimum {min}"));
        }
    }
    if let (Some(max), Some(v)) = (
        schema.get("maximum").and_then(Value::as_f64),
        value.as_f64(),
    ) {
        if v > max {
            errors.push(format!("{path}: {v} > maximum {max}"));
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for name in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = name.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                errors.push(format!("{path}: missing required {name:?}"));
            }
        }
        for (name, item) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(sub) => validate(root, sub, item, &format!("{path}.{name}"), errors),
                None => match schema.get("additionalProperties") {
                    Some(Value::Bool(false)) => {
                        errors.push(format!("{path}: unexpected property {name:?}"))
                    }
                    Some(sub @ Value::Object(_)) => {
                        validate(root, sub, item, &format!("{path}.{name}"), errors)
                    }
                    _ => {}
                },
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(root, items, item, &format!("{path}[{i}]"), errors);
        }
    }
}

fn errors_of(text: &str) -> Vec<String> {
    let root: Value = serde_json::from_str(SCHEMA).expect("the schema is JSON");
    let report: Value = serde_json::from_str(&Report::new(&Article::new(text)).to_json())
        .expect("the report is JSON");
    let mut errors = Vec::new();
    validate(&root, &root, &report, "$", &mut errors);
    errors
}

#[test]
fn sample_reports_validate() {
    for (name, text) in [
        ("wire", include_str!("../examples/data/wire.txt")),
        ("business", include_str!("../examples/data/business.txt")),
        ("feature", include_str!("../examples/data/feature.txt")),
        ("empty", ""),
        ("marks only", "\" “ ” ' ‘ ’ « »"),
    ] {
        let errors = errors_of(text);
        assert!(errors.is_empty(), "{name}: {errors:#?}");
    }
}

#[test]
fn the_validator_catches_a_wrong_report() {
    let root: Value = serde_json::from_str(SCHEMA).unwrap();
    let mut report: Value =
        serde_json::from_str(&Report::new(&Article::new("A test.")).to_json()).unwrap();
    report["stats"]["bytes"] = Value::String("many".into());
    report.as_object_mut().unwrap().remove("quotes");
    let mut errors = Vec::new();
    validate(&root, &root, &report, "$", &mut errors);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("missing required \"quotes\"")),
        "{errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.contains("$.stats.bytes")),
        "{errors:?}"
    );
}
