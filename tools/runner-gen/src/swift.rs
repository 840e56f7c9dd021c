//! Swift: `Generated.swift` of the conformance runner (executable target AvaloConformance).
//!
//! JSON values are the runner's `JSON` enum (`JSON.swift`). The codec helpers it calls
//! (`decU64`, `decList`, `encInt`, …), the codecs of mapped custom types (`decCustom<Name>`)
//! and the hand-written encoders (`overrides::SWIFT_HANDWRITTEN_ENCODERS`) are in `Codec.swift`
//! and `Special.swift`.

use crate::model::{internal_tag, is_flat, Model};
use crate::overrides::{self, Form};
use crate::plan::{enum_form, json_field, json_variant, op_name, rust_name, ArgSrc, Plan, Wrap};
use anyhow::Result;
use heck::{ToLowerCamelCase, ToUpperCamelCase};
use std::fmt::Write;
use uniffi_meta::Type;

/// Swift keywords that need backticks as a name or member.
const KEYWORDS: &[&str] = &[
    "associatedtype",
    "class",
    "deinit",
    "enum",
    "extension",
    "fileprivate",
    "func",
    "import",
    "init",
    "inout",
    "internal",
    "let",
    "open",
    "operator",
    "private",
    "protocol",
    "public",
    "rethrows",
    "static",
    "struct",
    "subscript",
    "typealias",
    "var",
    "break",
    "case",
    "continue",
    "default",
    "defer",
    "do",
    "else",
    "fallthrough",
    "for",
    "guard",
    "if",
    "in",
    "repeat",
    "return",
    "switch",
    "where",
    "while",
    "as",
    "Any",
    "catch",
    "false",
    "is",
    "nil",
    "super",
    "self",
    "Self",
    "throw",
    "throws",
    "true",
    "try",
    "Type",
];

fn class(name: &str) -> String {
    name.to_upper_camel_case()
}

fn member(name: &str) -> String {
    let n = name.to_lower_camel_case();
    if KEYWORDS.contains(&n.as_str()) {
        format!("`{n}`")
    } else {
        n
    }
}

/// An argument label (only `inout`, `var` and `let` need backticks there).
fn label(name: &str) -> String {
    let n = name.to_lower_camel_case();
    if ["inout", "var", "let"].contains(&n.as_str()) {
        format!("`{n}`")
    } else {
        n
    }
}

fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Reads a value of `ty` from the JSON value `v` (a Swift `JSON?` expression) found at `at`.
fn dec(m: &Model, ty: &Type, v: &str, at: &str, depth: usize) -> String {
    let (x, a) = (format!("x{depth}"), format!("a{depth}"));
    match ty {
        Type::UInt8 => format!("try decU8({v}, {at})"),
        Type::Int8 => format!("try decI8({v}, {at})"),
        Type::UInt16 => format!("try decU16({v}, {at})"),
        Type::Int16 => format!("try decI16({v}, {at})"),
        Type::UInt32 => format!("try decU32({v}, {at})"),
        Type::Int32 => format!("try decI32({v}, {at})"),
        Type::UInt64 => format!("try decU64({v}, {at})"),
        Type::Int64 => format!("try decI64({v}, {at})"),
        Type::Float32 => format!("Float(try decF64({v}, {at}))"),
        Type::Float64 => format!("try decF64({v}, {at})"),
        Type::Boolean => format!("try decBool({v}, {at})"),
        Type::String => format!("try decString({v}, {at})"),
        Type::Bytes => format!("try decBytes({v}, {at})"),
        Type::Box { inner_type } => dec(m, inner_type, v, at, depth),
        Type::Optional { inner_type } => {
            format!("try decOpt({v}) {{ {x} in {} }}", dec(m, inner_type, &x, at, depth + 1))
        }
        Type::Sequence { inner_type } => {
            format!("try decList({v}, {at}) {{ {x}, {a} in {} }}", dec(m, inner_type, &x, &a, depth + 1))
        }
        Type::Map { value_type, .. } => {
            format!("try decMap({v}, {at}) {{ {x}, {a} in {} }}", dec(m, value_type, &x, &a, depth + 1))
        }
        Type::Record { name, .. } | Type::Enum { name, .. } => format!("try dec{}({v}, {at})", class(name)),
        Type::Custom { name, builtin, .. } => {
            if m.swift_mapped.contains(name) {
                format!("try decCustom{}({v}, {at})", class(name))
            } else {
                dec(m, builtin, v, at, depth)
            }
        }
        other => unreachable!("not decodable: {other:?}"),
    }
}

/// Writes the value `x` (a Swift expression) of `ty` as JSON.
fn enc(m: &Model, ty: &Type, x: &str, depth: usize) -> String {
    let y = format!("y{depth}");
    match ty {
        Type::UInt8 | Type::UInt16 | Type::UInt32 | Type::UInt64 => format!("JSON.uint(UInt64({x}))"),
        Type::Int8 | Type::Int16 | Type::Int32 | Type::Int64 => format!("encInt(Int64({x}))"),
        Type::Float32 | Type::Float64 => format!("JSON.double(Double({x}))"),
        Type::Boolean => format!("JSON.bool({x})"),
        Type::String => format!("JSON.string({x})"),
        Type::Bytes => format!("encBytes({x})"),
        Type::Box { inner_type } => enc(m, inner_type, x, depth),
        Type::Optional { inner_type } => {
            format!("({x}.map {{ {y} in {} }} ?? JSON.null)", enc(m, inner_type, &y, depth + 1))
        }
        Type::Sequence { inner_type } => {
            format!("JSON.array({x}.map {{ {y} in {} }})", enc(m, inner_type, &y, depth + 1))
        }
        Type::Map { value_type, .. } => {
            format!("JSON.object({x}.mapValues {{ {y} in {} }})", enc(m, value_type, &y, depth + 1))
        }
        Type::Record { name, .. } | Type::Enum { name, .. } => format!("enc{}({x})", class(name)),
        Type::Custom { name, builtin, .. } => {
            if m.swift_mapped.contains(name) {
                format!("encCustom{}({x})", class(name))
            } else if overrides::SWIFT_HANDWRITTEN_ENCODERS.contains(&name.as_str()) {
                format!("enc{}({x})", class(name))
            } else {
                enc(m, builtin, x, depth)
            }
        }
        other => unreachable!("not encodable: {other:?}"),
    }
}

/// The whole `Generated.swift`.
pub fn generate(m: &Model, plan: &Plan) -> Result<String> {
    let mut o = String::new();
    writeln!(o, "// GENERATED by tools/runner-gen from the UniFFI metadata of libavalo_ffi: do not edit.")?;
    writeln!(o, "// Regenerate with scripts/gen-runners.sh; declared exceptions: tools/runner-gen/src/overrides.rs.")?;
    // A namespace's `module_name` can be only a file name inside one Swift module (several
    // namespaces in `AvaloCore`): import the ones that are modules of the package.
    for module in &m.swift_modules {
        if std::path::Path::new("ffi-swift/Sources").join(module).is_dir() {
            writeln!(o, "import {module}")?;
        }
    }
    writeln!(o, "import Foundation")?;
    writeln!(o)?;
    writeln!(o, "/// The generated operation of this vector op name (the Rust function name), if any.")?;
    writeln!(o, "func generatedOp(_ name: String) -> Op? {{")?;
    writeln!(o, "    switch name {{")?;
    for op in &plan.ops {
        let uses_policy = op.args.iter().any(|a| matches!(a.src, ArgSrc::Policy | ArgSrc::Policies));
        let uses_input = op.args.iter().any(|a| !matches!(a.src, ArgSrc::Policy | ArgSrc::Policies));
        let mut args = Vec::new();
        for a in &op.args {
            let value = match &a.src {
                ArgSrc::Policy => "p".to_string(),
                ArgSrc::Policies => "[p]".to_string(),
                ArgSrc::Key(k) => dec(m, &a.param.ty, &format!("i[{}]", quote(k)), &quote(k), 0),
                ArgSrc::Whole => dec(m, &a.param.ty, "JSON.object(i)", "\"input\"", 0),
                ArgSrc::Fields(pairs) => {
                    let r = m.record_of(&a.param.ty).expect("overrides::PARAMS: Fields source on a non-record");
                    let name = &r.name;
                    let fields: Vec<String> = r
                        .fields
                        .iter()
                        .map(|f| {
                            let key = pairs
                                .iter()
                                .find(|(fl, _)| *fl == rust_name(&f.name, &f.orig_name))
                                .map_or(f.name.as_str(), |(_, k)| k);
                            format!(
                                "{}: {}",
                                label(&f.name),
                                dec(m, &f.ty, &format!("i[{}]", quote(key)), &quote(key), 0)
                            )
                        })
                        .collect();
                    format!("{}({})", class(name), fields.join(", "))
                }
            };
            args.push(format!("{}: {value}", label(&a.param.name)));
        }
        let t = if op.f.throws.is_some() { "try " } else { "" };
        let call = format!("{t}{}({})", op.f.name.to_lower_camel_case(), args.join(", "));
        let body = match (&op.wrap, &op.f.return_type) {
            (Wrap::Unit, _) => format!("{call}; return JSON.object([\"valid\": JSON.bool(true)])"),
            (Wrap::Key(k), Some(t)) => format!("return JSON.object([{}: {}])", quote(k), enc(m, t, &call, 0)),
            (_, Some(t)) => format!("return {}", enc(m, t, &call, 0)),
            (_, None) => unreachable!(),
        };
        let (pp, ii) = (if uses_policy { "p" } else { "_" }, if uses_input { "i" } else { "_" });
        writeln!(o, "    case {}: return {{ {pp}, {ii} in {body} }}", quote(op_name(op.f)))?;
    }
    writeln!(o, "    default: return nil")?;
    writeln!(o, "    }}")?;
    writeln!(o, "}}")?;

    for name in &plan.decoded {
        writeln!(o)?;
        if let Some(r) = m.records.get(name) {
            let fields: Vec<String> = r
                .fields
                .iter()
                .map(|f| {
                    let j = json_field(name, f);
                    let field = match overrides::ENUM_FIELD_DEFAULTS.iter().find(|(r, fl, _)| *r == name && *fl == j) {
                        Some((_, _, d)) => format!("(o[{}] ?? JSON.string({}))", quote(&j), quote(d)),
                        None => format!("o[{}]", quote(&j)),
                    };
                    let v = dec(m, &f.ty, &field, &format!("at + \".{j}\""), 0);
                    format!("\n        {}: {v}", label(&f.name))
                })
                .collect();
            writeln!(o, "func dec{0}(_ v: JSON?, _ at: String) throws -> {0} {{", class(name))?;
            writeln!(o, "    let o = try decObj(v, at)")?;
            writeln!(o, "    return {}({}\n    )", class(name), fields.join(","))?;
            writeln!(o, "}}")?;
        } else if let (Some(e), false) = (m.enums.get(name), m.enums.get(name).is_some_and(is_flat)) {
            // Internally tagged (serde `tag = …`) with named fields: an object.
            let tag = internal_tag(name).unwrap_or_default();
            writeln!(o, "func dec{0}(_ v: JSON?, _ at: String) throws -> {0} {{", class(name))?;
            writeln!(o, "    let o = try decObj(v, at)")?;
            writeln!(o, "    switch try decString(o[{}], at + \".{tag}\") {{", quote(tag))?;
            for var in &e.variants {
                let owner = format!("{name}::{}", var.name);
                let value = if var.fields.is_empty() {
                    format!(".{}", member(&var.name))
                } else {
                    let fields: Vec<String> = var
                        .fields
                        .iter()
                        .map(|f| {
                            let k = json_field(&owner, f);
                            let v = dec(m, &f.ty, &format!("o[{}]", quote(&k)), &format!("at + \".{k}\""), 0);
                            format!("{}: {v}", label(&f.name))
                        })
                        .collect();
                    format!(".{}({})", member(&var.name), fields.join(", "))
                };
                writeln!(o, "    case {}: return {value}", quote(&json_variant(name, var)))?;
            }
            writeln!(o, "    case let s: throw RunnerError.badVector(\"\\(at): \\(s) is not a {name}\")")?;
            writeln!(o, "    }}")?;
            writeln!(o, "}}")?;
        } else if let Some(e) = m.enums.get(name) {
            writeln!(o, "func dec{0}(_ v: JSON?, _ at: String) throws -> {0} {{", class(name))?;
            writeln!(o, "    switch try decString(v, at) {{")?;
            for var in &e.variants {
                writeln!(o, "    case {}: return .{}", quote(&json_variant(name, var)), member(&var.name))?;
            }
            let error = if overrides::PARSED_ENUMS.contains(&name.as_str()) { "localInvalid" } else { "badVector" };
            writeln!(o, "    case let s: throw RunnerError.{error}(\"\\(at): \\(s) is not a {name}\")")?;
            writeln!(o, "    }}")?;
            writeln!(o, "}}")?;
        }
    }

    for name in &plan.encoded {
        if overrides::SWIFT_HANDWRITTEN_ENCODERS.contains(&name.as_str()) {
            continue;
        }
        writeln!(o)?;
        if let Some(r) = m.records.get(name) {
            let fields: Vec<String> = r
                .fields
                .iter()
                .map(|f| {
                    let j = json_field(name, f);
                    let x = format!("x.{}", member(&f.name));
                    let custom = overrides::SWIFT_FIELD_ENCODERS.iter().find(|(r, fl, _)| *r == name && *fl == f.name);
                    let v = custom.map_or_else(|| enc(m, &f.ty, &x, 0), |(_, _, t)| t.replace("{}", &x));
                    format!("\n        {}: {v},", quote(&j))
                })
                .collect();
            let body = if fields.is_empty() { "[:]".to_string() } else { format!("[{}\n    ]", fields.concat()) };
            writeln!(o, "func enc{0}(_ x: {0}) -> JSON {{", class(name))?;
            writeln!(o, "    JSON.object({body})")?;
            writeln!(o, "}}")?;
        } else if let Some(e) = m.enums.get(name) {
            let form = enum_form(m, name)?;
            writeln!(o, "func enc{0}(_ x: {0}) -> JSON {{", class(name))?;
            writeln!(o, "    switch x {{")?;
            for var in &e.variants {
                let j = json_variant(name, var);
                let owner = format!("{name}::{}", var.name);
                let binds: Vec<String> = (0..var.fields.len()).map(|n| format!("let f{n}")).collect();
                let pattern = if binds.is_empty() {
                    format!(".{}", member(&var.name))
                } else {
                    format!(".{}({})", member(&var.name), binds.join(", "))
                };
                let fields: Vec<String> = var
                    .fields
                    .iter()
                    .enumerate()
                    .map(|(n, f)| format!("{}: {}", quote(&json_field(&owner, f)), enc(m, &f.ty, &format!("f{n}"), 0)))
                    .collect();
                let newtype = var.fields.len() == 1 && var.fields[0].name.is_empty();
                let value = match form {
                    None => format!("JSON.string({})", quote(&j)),
                    // serde flattens a newtype variant's record into the tagged object.
                    Some(Form::Internal(tag)) if newtype => {
                        format!("tagged({}, {}, {})", quote(tag), quote(&j), enc(m, &var.fields[0].ty, "f0", 0))
                    }
                    Some(Form::Internal(tag)) => {
                        let mut all = vec![format!("{}: JSON.string({})", quote(tag), quote(&j))];
                        all.extend(fields);
                        format!("JSON.object([{}])", all.join(", "))
                    }
                    Some(Form::External) if var.fields.is_empty() => format!("JSON.string({})", quote(&j)),
                    Some(Form::External) if var.fields.len() == 1 => {
                        format!("JSON.object([{}: {}])", quote(&j), enc(m, &var.fields[0].ty, "f0", 0))
                    }
                    Some(Form::External) => {
                        format!("JSON.object([{}: JSON.object([{}])])", quote(&j), fields.join(", "))
                    }
                };
                writeln!(o, "    case {pattern}: return {value}")?;
            }
            writeln!(o, "    }}")?;
            writeln!(o, "}}")?;
        }
    }
    Ok(o)
}
