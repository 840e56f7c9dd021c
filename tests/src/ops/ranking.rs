//! Vector operations of the `ranking` module (SPEC §5): `profile_score`, `rank_candidates`,
//! `rank_candidate_columns`, `haversine_km`, `decide_like`.

use super::{arg, opt, out, OpResult};
use avalo_core::ranking::{self, GeoPoint, LikeRequest, PageRequest};
use avalo_core::{Error, Policy};
use serde_json::{json, Value};

fn whole<T: serde::de::DeserializeOwned>(i: &Value) -> Result<T, Error> {
    serde_json::from_value(i.clone()).map_err(|e| Error::invalid(format!("{}: {e}", super::BAD_VECTOR)))
}

/// Runs one `ranking` operation, or `None` if the name is not one of them.
pub fn run(policy: &Policy, op: &str, i: &Value) -> Option<OpResult> {
    let r = match op {
        "profile_score" => (|| ranking::profile_score(policy, &arg(i, "profile")?, arg(i, "now_ms")?))().and_then(out),
        "rank_candidates" => (|| {
            let page = opt::<PageRequest>(i, "page")?.unwrap_or_default();
            ranking::rank_candidates(
                policy,
                &arg(i, "viewer")?,
                &arg::<Vec<_>>(i, "candidates")?,
                arg(i, "now_ms")?,
                &page,
            )
        })()
        .and_then(out),
        "rank_candidate_columns" => (|| {
            let page = opt::<PageRequest>(i, "page")?.unwrap_or_default();
            ranking::rank_candidate_columns(policy, &arg(i, "viewer")?, &arg(i, "columns")?, arg(i, "now_ms")?, &page)
        })()
        .and_then(out),
        "haversine_km" => (|| {
            let (a, b) = (arg::<GeoPoint>(i, "a")?, arg::<GeoPoint>(i, "b")?);
            a.validate()?;
            b.validate()?;
            let radius = arg::<f64>(i, "radius_km")?;
            Ok(json!({"km": ranking::haversine_km(a, b, radius)}))
        })(),
        "decide_like" => {
            (|| ranking::decide_like(policy, &whole::<LikeRequest>(&strip(i, "now_ms"))?, arg(i, "now_ms")?))()
                .and_then(out)
        }
        _ => return None,
    };
    Some(r)
}

/// The input without one key (for requests given flat with `now_ms` beside them).
fn strip(i: &Value, key: &str) -> Value {
    let mut v = i.clone();
    if let Some(m) = v.as_object_mut() {
        m.remove(key);
    }
    v
}
