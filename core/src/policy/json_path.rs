//! Which JSON path a `serde_json` error points at, from the error's line and column.
//!
//! `Policy::from_json` reports a wrong type, a missing or an unknown field with its JSON path
//! (`$.payout.min_tokens`). Wrapping the deserializer to track the path (`serde_path_to_error`)
//! instantiates every `Deserialize` impl of the policy a second time: about 90 KB of the WASM
//! module. Instead the policy is deserialized plainly, and only when that fails is the text
//! scanned up to the error position to name the value being read there: the object keys
//! (after their `:`) and array indexes the position lies in, plus a key just read and not yet
//! followed by `:` (an unknown field). A missing field names the object that lacks it.

/// One open container while scanning.
enum Frame {
    /// An object, with the key whose value is being read (set after its `:`).
    Object { key: Option<String>, pending: Option<String> },
    /// An array, with the index of the element being read.
    Array { index: usize },
}

/// Byte offset of `serde_json`'s 1-based line and column (column in bytes) in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text.get(start..).and_then(|rest| rest.find('\n')) {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column).min(text.len())
}

/// Reads a JSON string starting just after its opening quote; returns its (raw, unescaped
/// only for simple escapes) content and the index just past the closing quote.
fn read_string(bytes: &[u8], mut i: usize, end: usize) -> (String, usize) {
    let mut out = Vec::new();
    while i < end {
        match bytes.get(i) {
            Some(b'"') => return (String::from_utf8_lossy(&out).into_owned(), i + 1),
            Some(b'\\') => {
                if let Some(&c) = bytes.get(i + 1) {
                    out.push(c);
                }
                i += 2;
            }
            Some(&c) => {
                out.push(c);
                i += 1;
            }
            None => break,
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), end)
}

/// The JSON path (`$.a.b[2]`, or `$` for the root) of the value being read at byte `offset`.
fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&b) = bytes.get(i) else { break };
        i += 1;
        match b {
            b'{' => stack.push(Frame::Object { key: None, pending: None }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, pending }) => {
                    *key = None;
                    *pending = None;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { key, pending }) = stack.last_mut() {
                    *key = pending.take();
                }
            }
            b'"' => {
                let (s, next) = read_string(bytes, i, end);
                i = next;
                if let Some(Frame::Object { key: None, pending }) = stack.last_mut() {
                    *pending = Some(s);
                }
            }
            _ => {}
        }
    }
    let mut path = String::from("$");
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                path.push('.');
                path.push_str(k);
            }
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
            // A key read but not yet followed by `:` (an unknown field): name it.
            Frame::Object { key: None, pending: Some(k) } => {
                path.push('.');
                path.push_str(k);
                break;
            }
            Frame::Object { key: None, pending: None } => break,
        }
    }
    path
}

/// The JSON path a `serde_json` error of parsing `text` points at.
pub(crate) fn error_path(text: &str, e: &serde_json::Error) -> String {
    path_at(text, offset_of(text, e.line(), e.column()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        min: u32,
        name: String,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        version: String,
        inner: Inner,
        list: Vec<Inner>,
    }

    fn path_of(json: &str) -> String {
        let e = serde_json::from_str::<Outer>(json).unwrap_err();
        error_path(json, &e)
    }

    #[test]
    fn wrong_type_missing_and_unknown_fields() {
        let ok_inner = r#"{"min":1,"name":"a"}"#;
        assert_eq!(path_of(r#"{"version":1}"#), "$.version");
        assert_eq!(path_of(r#"{"version":"v","inner":{"min":"five","name":"a"},"list":[]}"#), "$.inner.min");
        assert_eq!(path_of(r#"{"version":"v","inner":{"min":1},"list":[]}"#), "$.inner");
        assert_eq!(
            path_of(&format!(r#"{{"version":"v","inner":{ok_inner},"list":[{ok_inner},{{"min":-1,"name":"b"}}]}}"#)),
            "$.list[1].min"
        );
        assert_eq!(path_of(&format!(r#"{{"version":"v","inner":{ok_inner},"extra":1}}"#)), "$.extra");
        assert_eq!(path_of(&format!(r#"{{"version":"v","inner":{ok_inner}}}"#)), "$");
        assert_eq!(
            path_of("{\n  \"version\": \"v\",\n  \"inner\": {\n    \"min\": true,\n    \"name\": \"a\"\n  }\n}"),
            "$.inner.min"
        );
        assert_eq!(path_of(r#"{"version":"a,\"b:{[","inner":{"min":null,"name":"a"},"list":[]}"#), "$.inner.min");
    }
}
