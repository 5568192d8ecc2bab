//! The browser's JSON values (from `JSON.parse` or a response's `json()`) as serde_json values,
//! for the contract to read. Walking the value here keeps serde's deserializers, and the
//! formatting behind their error texts, out of the wasm (README, Size).

use js_sys::{Array, Object};
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

/// Deeper values than this are refused rather than walked: an answer nested that deep is no
/// answer the widget expects, and each level takes stack.
const MAX_DEPTH: u32 = 64;

/// The JSON value of `value`, or `None` for what JSON has no value for (undefined, a function)
/// or a value nested deeper than the widget reads.
pub fn from_js(value: &JsValue) -> Option<Value> {
    read(value, 0)
}

/// The value of the JSON text `text`, parsed by the browser.
pub fn parse(text: &str) -> Option<Value> {
    from_js(&js_sys::JSON::parse(text).ok()?)
}

fn read(value: &JsValue, depth: u32) -> Option<Value> {
    if depth > MAX_DEPTH {
        return None;
    }
    if value.is_null() {
        return Some(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Some(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return Some(number_value(number));
    }
    if let Some(text) = value.as_string() {
        return Some(Value::String(text));
    }
    if Array::is_array(value) {
        let items = value.unchecked_ref::<Array>().iter();
        return items
            .map(|item| read(&item, depth + 1))
            .collect::<Option<_>>()
            .map(Value::Array);
    }
    if value.is_object() && !value.is_function() {
        let mut fields = Map::new();
        for pair in Object::entries(value.unchecked_ref()).iter() {
            let pair: Array = pair.unchecked_into();
            fields.insert(pair.get(0).as_string()?, read(&pair.get(1), depth + 1)?);
        }
        return Some(Value::Object(fields));
    }
    None
}

/// A whole number within the range JS counts exactly is an integer, as serde reads it; any other
/// finite number stays a float.
fn number_value(number: f64) -> Value {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if number.fract() == 0.0 && number.abs() <= EXACT {
        return match number >= 0.0 {
            true => Value::from(number as u64),
            false => Value::from(number as i64),
        };
    }
    Number::from_f64(number).map_or(Value::Null, Value::Number)
}
