//! The policy diff (SPEC §17.5, 17.6): what a signature would publish, in rule terms. One
//! [`PolicyChange`] per changed number or list member, with its dotted path
//! (`splits.chat_creator_bp`, list positions as segments: `pricing.packs.2.tokens`), old and
//! new value.
//!
//! Lists of strings (country lists, origins, extensions, greetings, flag names) are compared
//! as sets, except the ordered ones in [`ORDERED_STRING_LISTS`]; every other list is compared by
//! position. An added or removed object is one line per leaf; an empty list or object that
//! replaces a value of another shape is a leaf.

use super::Policy;
use crate::error::Result;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Lists of strings whose order has a meaning (compared by position, not as sets).
pub const ORDERED_STRING_LISTS: &[&str] = &["rollout.market_sequence"];

/// One difference between two policies.
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PolicyChange {
    /// Dotted path of the value (of the list, for a set member).
    pub path: String,
    /// The old value as compact JSON; `None` when it was added.
    pub old: Option<String>,
    /// The new value as compact JSON; `None` when it was removed.
    pub new: Option<String>,
    /// The change for a reviewer: `path: old → new`, `path: + value` or `path: - value`
    /// (strings shown without quotes).
    pub line: String,
}

/// Every difference from `old` to `new`, in path order (object keys sorted).
pub fn diff_policies(old: &Policy, new: &Policy) -> Vec<PolicyChange> {
    let to_value = |p: &Policy| serde_json::to_value(p.rules()).unwrap_or(Value::Null);
    diff_values(&to_value(old), &to_value(new))
}

/// Loads two policy JSON texts (section 1; `INVALID_INPUT` with the JSON paths if one does not
/// load) and lists their differences.
pub fn diff_policy_json(old_json: &str, new_json: &str) -> Result<Vec<PolicyChange>> {
    Ok(diff_policies(&Policy::from_json(old_json)?, &Policy::from_json(new_json)?))
}

/// The differences between two JSON values, with dotted paths from their roots (values of a
/// policy's depth; not exposed for arbitrary documents).
pub(crate) fn diff_values(old: &Value, new: &Value) -> Vec<PolicyChange> {
    let mut out = Vec::new();
    walk(String::new(), Some(old), Some(new), &mut out);
    out
}

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() {
        segment.to_string()
    } else {
        format!("{path}.{segment}")
    }
}

fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn is_container(v: &Value) -> bool {
    match v {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

fn string_list(v: Option<&Value>) -> Option<Vec<&str>> {
    match v {
        Some(Value::Array(items)) => items.iter().map(Value::as_str).collect(),
        None => Some(Vec::new()),
        _ => None,
    }
}

fn walk(path: String, old: Option<&Value>, new: Option<&Value>, out: &mut Vec<PolicyChange>) {
    if old == new {
        return;
    }
    if !ORDERED_STRING_LISTS.contains(&path.as_str())
        && (matches!(old, Some(Value::Array(_))) || matches!(new, Some(Value::Array(_))))
    {
        if let (Some(o), Some(n)) = (string_list(old), string_list(new)) {
            for gone in dedup(o.iter().filter(|m| !n.contains(m))) {
                let old = Some(Value::String(gone.to_string()).to_string());
                out.push(PolicyChange { line: format!("{path}: - {gone}"), path: path.clone(), old, new: None });
            }
            for added in dedup(n.iter().filter(|m| !o.contains(m))) {
                let new = Some(Value::String(added.to_string()).to_string());
                out.push(PolicyChange { line: format!("{path}: + {added}"), path: path.clone(), old: None, new });
            }
            return;
        }
    }
    match (old, new) {
        (Some(Value::Object(o)), Some(Value::Object(n))) => {
            let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
            keys.sort();
            keys.dedup();
            for k in keys {
                walk(join(&path, k), o.get(k), n.get(k), out);
            }
        }
        (Some(Value::Array(o)), Some(Value::Array(n))) => {
            for i in 0..o.len().max(n.len()) {
                walk(join(&path, &i.to_string()), o.get(i), n.get(i), out);
            }
        }
        (Some(o), Some(n)) if !is_container(o) && !is_container(n) => out.push(PolicyChange {
            line: format!("{path}: {} → {}", shown(o), shown(n)),
            path,
            old: Some(o.to_string()),
            new: Some(n.to_string()),
        }),
        (o, n) => {
            // Added, removed, or a change of shape: the old leaves go, the new leaves come.
            if let Some(o) = o {
                leaves(&path, o, &mut |p, v| {
                    out.push(PolicyChange {
                        line: format!("{p}: - {}", shown(v)),
                        path: p,
                        old: Some(v.to_string()),
                        new: None,
                    })
                });
            }
            if let Some(n) = n {
                leaves(&path, n, &mut |p, v| {
                    out.push(PolicyChange {
                        line: format!("{p}: + {}", shown(v)),
                        path: p,
                        old: None,
                        new: Some(v.to_string()),
                    })
                });
            }
        }
    }
}

fn dedup<'a>(items: impl Iterator<Item = &'a &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for &m in items {
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen
}

fn leaves(path: &str, v: &Value, emit: &mut dyn FnMut(String, &Value)) {
    match v {
        Value::Object(m) if !m.is_empty() => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            for k in keys {
                if let Some(child) = m.get(k) {
                    leaves(&join(path, k), child, emit);
                }
            }
        }
        Value::Array(a) if !a.is_empty() => {
            let as_set = !ORDERED_STRING_LISTS.contains(&path) && a.iter().all(Value::is_string);
            for (i, child) in a.iter().enumerate() {
                // A set member is listed at the list's own path, as in a set comparison.
                let child_path = if as_set { path.to_string() } else { join(path, &i.to_string()) };
                leaves(&child_path, child, emit);
            }
        }
        other => emit(path.to_string(), other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn lines(old: Value, new: Value) -> Vec<String> {
        diff_values(&old, &new).into_iter().map(|c| c.line).collect()
    }

    #[test]
    fn numbers_sets_positions_and_objects() {
        assert_eq!(lines(json!({"a": {"b": 1}}), json!({"a": {"b": 1}})), Vec::<String>::new());
        assert_eq!(
            lines(json!({"splits": {"x_bp": 6500}}), json!({"splits": {"x_bp": 7000}})),
            ["splits.x_bp: 6500 → 7000"]
        );
        assert_eq!(lines(json!({"c": ["PL", "DE"]}), json!({"c": ["DE", "CZ", "PL"]})), ["c: + CZ"]);
        assert_eq!(lines(json!({"c": ["PL", "DE"]}), json!({"c": ["DE"]})), ["c: - PL"]);
        assert_eq!(
            lines(
                json!({"rollout": {"market_sequence": ["PL", "DE"]}}),
                json!({"rollout": {"market_sequence": ["DE", "PL"]}})
            ),
            ["rollout.market_sequence.0: PL → DE", "rollout.market_sequence.1: DE → PL"]
        );
        assert_eq!(
            lines(json!({"p": [{"t": 1, "n": "a"}]}), json!({"p": [{"t": 2, "n": "a"}, {"t": 3, "n": "b"}]})),
            ["p.0.t: 1 → 2", "p.1.n: + b", "p.1.t: + 3"]
        );
        assert_eq!(lines(json!({"o": null}), json!({"o": ["X"]})), ["o: - null", "o: + X"]);
        assert_eq!(lines(json!({"e": {}}), json!({"e": {"k": 1}})), ["e.k: + 1"]);
        assert_eq!(lines(json!({"e": 5}), json!({"e": {}})), ["e: 5 → {}"]);
        assert_eq!(lines(json!({}), json!({"m": {"c": ["A", "B"]}})), ["m.c: + A", "m.c: + B"]);
    }

    #[test]
    fn built_in_against_itself_is_empty_and_one_change_is_one_line() {
        let p = Policy::default();
        assert!(diff_policies(&p, &p).is_empty());
        let q = Policy::from_patch(r#"{"splits":{"chat_creator_bp":7000}}"#).unwrap();
        let d = diff_policies(&p, &q);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].path, "splits.chat_creator_bp");
        assert_eq!(d[0].new.as_deref(), Some("7000"));
    }
}
