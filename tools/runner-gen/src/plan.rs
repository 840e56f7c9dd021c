//! From the model and the declared overrides to the list of operations to generate, with the
//! JSON names of fields and variants (serde's, as the vectors spell them).

use crate::model::{is_flat, Model};
use crate::overrides::{self, Form, Source};
use anyhow::{bail, Result};
use heck::{ToShoutySnakeCase, ToSnakeCase};
use std::collections::BTreeSet;
use uniffi_meta::{FieldMetadata, FnMetadata, FnParamMetadata, Type, VariantMetadata};

/// Where an argument comes from.
pub enum ArgSrc {
    /// The case's policy.
    Policy,
    /// The case's policy as a one-element list (`check_ledger`'s policies).
    Policies,
    /// The input key of this name.
    Key(String),
    /// The whole input object.
    Whole,
    /// A record built from input keys: `(field, key)`.
    Fields(Vec<(String, String)>),
}

/// One argument of a generated operation.
pub struct Arg<'a> {
    /// The parameter (name and type).
    pub param: &'a FnParamMetadata,
    /// Where its value comes from.
    pub src: ArgSrc,
}

/// How the result is written.
pub enum Wrap {
    /// No result: `{"valid": true}`.
    Unit,
    /// `{key: result}`.
    Key(String),
    /// The result's own JSON.
    Value,
}

/// One generated operation.
pub struct Op<'a> {
    /// The function (its Rust name is the op name).
    pub f: &'a FnMetadata,
    /// Its arguments in order.
    pub args: Vec<Arg<'a>>,
    /// How its result is written.
    pub wrap: Wrap,
}

/// The operations to generate and the records/enums their glue reads and writes.
pub struct Plan<'a> {
    /// Generated operations, by name.
    pub ops: Vec<Op<'a>>,
    /// Records and enums read from JSON.
    pub decoded: BTreeSet<String>,
    /// Records and enums written as JSON.
    pub encoded: BTreeSet<String>,
    /// Functions not generated, with the reason (printed by the generator).
    pub skipped: Vec<String>,
}

fn is_policy(ty: &Type) -> bool {
    matches!(ty, Type::Object { name, .. } if name == "Policy")
}

fn is_policy_list(ty: &Type) -> bool {
    matches!(ty, Type::Sequence { inner_type } if is_policy(inner_type))
}

/// Builds the plan (see [`check_overrides`] for the declared exceptions).
pub fn plan(model: &Model) -> Plan<'_> {
    let mut p = Plan { ops: Vec::new(), decoded: BTreeSet::new(), encoded: BTreeSet::new(), skipped: Vec::new() };
    for f in &model.functions {
        if overrides::HANDWRITTEN_OPS.contains(&op_name(f)) {
            continue;
        }
        match plan_op(model, f) {
            Ok(op) => {
                for a in &op.args {
                    if !matches!(a.src, ArgSrc::Policy | ArgSrc::Policies) {
                        model.reach(&a.param.ty, &mut p.decoded);
                    }
                }
                if let Some(t) = &f.return_type {
                    model.reach(t, &mut p.encoded);
                }
                p.ops.push(op);
            }
            Err(why) => p.skipped.push(format!("{}: {why}", op_name(f))),
        }
    }
    p
}

/// Fails if an override names an op or parameter that is not generated (a stale entry).
pub fn check_overrides(p: &Plan) -> Result<()> {
    for (op, param, _) in overrides::PARAMS {
        let known = p.ops.iter().any(|o| op_name(o.f) == *op && o.args.iter().any(|a| a.param.name == *param));
        if !known {
            bail!("overrides::PARAMS names {op}({param}), which is not a generated operation's parameter");
        }
    }
    for (op, _) in overrides::RESULT_KEYS {
        if !p.ops.iter().any(|o| op_name(o.f) == *op) {
            bail!("overrides::RESULT_KEYS names {op}, which is not a generated operation");
        }
    }
    Ok(())
}

fn plan_op<'a>(model: &Model, f: &'a FnMetadata) -> Result<Op<'a>, String> {
    if f.is_async {
        return Err("async".into());
    }
    let mut args = Vec::new();
    for param in &f.inputs {
        let declared = overrides::PARAMS.iter().find(|(op, name, _)| *op == op_name(f) && *name == param.name);
        let src = if is_policy(&param.ty) {
            ArgSrc::Policy
        } else if is_policy_list(&param.ty) {
            ArgSrc::Policies
        } else if !model.decodable(&param.ty) {
            return Err(format!("parameter {} cannot be read from JSON", param.name));
        } else {
            match declared {
                None => ArgSrc::Key(param.name.clone()),
                Some((_, _, Source::Whole)) => ArgSrc::Whole,
                Some((_, _, Source::Fields(pairs))) => {
                    ArgSrc::Fields(pairs.iter().map(|(f, k)| (f.to_string(), k.to_string())).collect())
                }
            }
        };
        args.push(Arg { param, src });
    }
    let key = overrides::RESULT_KEYS.iter().find(|(op, _)| *op == op_name(f)).map(|(_, k)| k.to_string());
    let wrap = match (&f.return_type, key) {
        (None, _) => Wrap::Unit,
        (Some(t), _) if !model.encodable(t) => return Err("its result cannot be written as JSON".into()),
        (Some(_), Some(k)) => Wrap::Key(k),
        // A custom type's codec writes its serde form (Money is an object).
        (Some(Type::Record { .. } | Type::Enum { .. } | Type::Custom { .. }), None) => Wrap::Value,
        (Some(Type::Optional { inner_type }), None) if matches!(**inner_type, Type::Record { .. }) => Wrap::Value,
        (Some(_), None) => return Err("scalar result without a key in overrides::RESULT_KEYS".into()),
    };
    Ok(Op { f, args, wrap })
}

/// The Rust name of an item UniFFI exports under another name (`#[uniffi(name = …)]`): the
/// name serde and the vectors use.
pub fn rust_name<'a>(name: &'a str, orig_name: &'a Option<String>) -> &'a str {
    orig_name.as_deref().unwrap_or(name)
}

/// The vector op name of a function: its Rust name.
pub fn op_name(f: &FnMetadata) -> &str {
    rust_name(&f.name, &f.orig_name)
}

/// The JSON name of a field (`owner` is `Record` or `Enum::Variant`).
pub fn json_field(owner: &str, field: &FieldMetadata) -> String {
    let rust = rust_name(&field.name, &field.orig_name);
    overrides::FIELD_NAMES
        .iter()
        .find(|(o, f, _)| *o == owner && *f == rust)
        .map_or_else(|| rust.to_string(), |(_, _, j)| j.to_string())
}

/// The JSON name of an enum variant.
pub fn json_variant(enum_name: &str, variant: &VariantMetadata) -> String {
    let rust = rust_name(&variant.name, &variant.orig_name);
    if let Some((_, _, j)) = overrides::VARIANT_NAMES.iter().find(|(e, v, _)| *e == enum_name && *v == rust) {
        return j.to_string();
    }
    if overrides::SHOUTY_ENUMS.contains(&enum_name) {
        rust.to_shouty_snake_case()
    } else {
        rust.to_snake_case()
    }
}

/// The serde form of an enum with data written in a result.
pub fn enum_form(model: &Model, name: &str) -> Result<Option<&'static Form>> {
    let flat = model.enums.get(name).is_some_and(is_flat);
    match overrides::ENUM_FORMS.iter().find(|(n, _)| *n == name) {
        Some((_, form)) => Ok(Some(form)),
        None if flat => Ok(None),
        None => bail!("enum {name} carries data: declare its serde form in overrides::ENUM_FORMS"),
    }
}
