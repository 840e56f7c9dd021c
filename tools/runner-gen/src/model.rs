//! The description the runners are generated from: every namespace's functions, records,
//! enums and custom types, read from the UniFFI metadata of the built library, plus the
//! foreign names (Kotlin packages, Swift modules, hand-mapped custom types) from each
//! namespace's `uniffi.toml`.

use anyhow::{bail, Context, Result};
use camino::Utf8Path;
use heck::ToUpperCamelCase;
use std::collections::{BTreeMap, BTreeSet};
use uniffi_bindgen::BindgenCrateConfigSupplier;
use uniffi_meta::{CustomTypeMetadata, EnumMetadata, FnMetadata, Metadata, RecordMetadata, Type};

/// Everything exported by the library, across all its UniFFI namespaces.
pub struct Model {
    /// Exported top-level functions, sorted by name.
    pub functions: Vec<FnMetadata>,
    /// Records by name.
    pub records: BTreeMap<String, RecordMetadata>,
    /// Enums (including error enums) by name.
    pub enums: BTreeMap<String, EnumMetadata>,
    /// Custom types by name.
    pub customs: BTreeMap<String, CustomTypeMetadata>,
    /// Kotlin packages of the namespaces (`bindings.kotlin.package_name`).
    pub kotlin_packages: BTreeSet<String>,
    /// Swift modules of the namespaces (`bindings.swift.module_name`).
    pub swift_modules: BTreeSet<String>,
    /// Objects and error types (Kotlin class names) with the Kotlin package of their namespace:
    /// the hand-written runner files name them without knowing which namespace holds them.
    pub kotlin_classes: BTreeMap<String, String>,
    /// Custom types mapped to a foreign type in `uniffi.toml` (the runner supplies their
    /// codec by hand); the others are their builtin type in the foreign language.
    pub kotlin_mapped: BTreeSet<String>,
    /// See `kotlin_mapped`.
    pub swift_mapped: BTreeSet<String>,
}

impl Model {
    /// Reads the metadata of the library at `lib` (run from the workspace root: the namespaces'
    /// `uniffi.toml` are found with `cargo metadata`).
    pub fn load(lib: &Utf8Path) -> Result<Model> {
        let items = uniffi_bindgen::macro_metadata::extract_from_library(lib)
            .with_context(|| format!("reading the UniFFI metadata of {lib}"))?;
        let configs = uniffi_bindgen::cargo_metadata::CrateConfigSupplier::from_cargo_metadata_command(true)?;
        let mut m = Model {
            functions: Vec::new(),
            records: BTreeMap::new(),
            enums: BTreeMap::new(),
            customs: BTreeMap::new(),
            kotlin_packages: BTreeSet::new(),
            swift_modules: BTreeSet::new(),
            kotlin_mapped: BTreeSet::new(),
            swift_mapped: BTreeSet::new(),
            kotlin_classes: BTreeMap::new(),
        };
        let mut packages = BTreeMap::new();
        let mut classes = Vec::new();
        for item in items {
            match item {
                Metadata::Namespace(ns) => {
                    let toml = configs.get_toml(&ns.crate_name)?.unwrap_or_default();
                    let lang = |l: &str, key: &str| {
                        toml.get("bindings").and_then(|b| b.get(l)).and_then(|b| b.get(key)).cloned()
                    };
                    let package = lang("kotlin", "package_name").and_then(|v| v.as_str().map(String::from));
                    let package = package.unwrap_or_else(|| format!("uniffi.{}", ns.name));
                    packages.insert(ns.crate_name.clone(), package.clone());
                    m.kotlin_packages.insert(package);
                    let module = lang("swift", "module_name").and_then(|v| v.as_str().map(String::from));
                    m.swift_modules.insert(module.unwrap_or_else(|| ns.name.clone()));
                    for (l, set) in [("kotlin", &mut m.kotlin_mapped), ("swift", &mut m.swift_mapped)] {
                        if let Some(t) = lang(l, "custom_types").and_then(|v| v.as_table().cloned()) {
                            set.extend(t.keys().cloned());
                        }
                    }
                }
                Metadata::Func(f) => m.functions.push(f),
                Metadata::Record(r) => {
                    if let Some(old) = m.records.insert(r.name.clone(), r) {
                        bail!("record {} is exported twice", old.name);
                    }
                }
                Metadata::Object(o) => classes.push((o.name.to_upper_camel_case(), o.module_path.clone())),
                Metadata::Enum(e) => {
                    if e.shape.is_error() {
                        let name = e.name.to_upper_camel_case();
                        let name = name.strip_suffix("Error").map_or(name.clone(), |s| format!("{s}Exception"));
                        classes.push((name, e.module_path.clone()));
                    }
                    if let Some(old) = m.enums.insert(e.name.clone(), e) {
                        bail!("enum {} is exported twice", old.name);
                    }
                }
                Metadata::CustomType(c) => {
                    m.customs.insert(c.name.clone(), c);
                }
                _ => {}
            }
        }
        for (name, module_path) in classes {
            let krate = module_path.split("::").next().unwrap_or_default();
            if let Some(package) = packages.get(krate) {
                m.kotlin_classes.insert(name, package.clone());
            }
        }
        m.functions.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(m)
    }

    /// The record `ty` is, directly or as a custom type over a record (Money over MoneyAmount).
    pub fn record_of(&self, ty: &Type) -> Option<&RecordMetadata> {
        match ty {
            Type::Record { name, .. } => self.records.get(name),
            Type::Custom { builtin, .. } => self.record_of(builtin),
            _ => None,
        }
    }

    /// Whether values of `ty` can be read from vector JSON (no objects, callbacks, times).
    pub fn decodable(&self, ty: &Type) -> bool {
        match ty {
            Type::Object { .. } | Type::CallbackInterface { .. } | Type::Timestamp | Type::Duration => false,
            Type::Optional { inner_type } | Type::Sequence { inner_type } | Type::Box { inner_type } => {
                self.decodable(inner_type)
            }
            Type::Map { key_type, value_type } => matches!(**key_type, Type::String) && self.decodable(value_type),
            Type::Set { .. } => false,
            Type::Record { name, .. } => {
                self.records.get(name).is_some_and(|r| r.fields.iter().all(|f| self.decodable(&f.ty)))
            }
            Type::Enum { name, .. } => self.enums.get(name).is_some_and(|e| {
                // A flat enum is a string; an internally tagged one with named fields an object.
                is_flat(e)
                    || (internal_tag(name).is_some()
                        && e.variants
                            .iter()
                            .all(|v| v.fields.iter().all(|f| !f.name.is_empty() && self.decodable(&f.ty))))
            }),
            Type::Custom { builtin, .. } => self.decodable(builtin),
            _ => true,
        }
    }

    /// Whether values of `ty` can be written as the vectors' JSON.
    pub fn encodable(&self, ty: &Type) -> bool {
        match ty {
            Type::Object { .. } | Type::CallbackInterface { .. } | Type::Timestamp | Type::Duration => false,
            Type::Optional { inner_type } | Type::Sequence { inner_type } | Type::Box { inner_type } => {
                self.encodable(inner_type)
            }
            Type::Map { key_type, value_type } => matches!(**key_type, Type::String) && self.encodable(value_type),
            Type::Set { .. } => false,
            Type::Record { name, .. } => {
                self.records.get(name).is_some_and(|r| r.fields.iter().all(|f| self.encodable(&f.ty)))
            }
            Type::Enum { name, .. } => self
                .enums
                .get(name)
                .is_some_and(|e| e.variants.iter().all(|v| v.fields.iter().all(|f| self.encodable(&f.ty)))),
            Type::Custom { builtin, .. } => self.encodable(builtin),
            _ => true,
        }
    }

    /// Every record and enum reachable from `ty`, added to `out` (names).
    pub fn reach(&self, ty: &Type, out: &mut BTreeSet<String>) {
        match ty {
            Type::Optional { inner_type } | Type::Sequence { inner_type } | Type::Box { inner_type } => {
                self.reach(inner_type, out)
            }
            Type::Map { value_type, .. } => self.reach(value_type, out),
            Type::Record { name, .. } | Type::Enum { name, .. } => {
                if !out.insert(name.clone()) {
                    return;
                }
                let record_fields = self.records.get(name).map(|r| r.fields.iter()).into_iter().flatten();
                let variant_fields =
                    self.enums.get(name).map(|e| e.variants.iter().flat_map(|v| v.fields.iter())).into_iter().flatten();
                for f in record_fields.chain(variant_fields) {
                    self.reach(&f.ty, out);
                }
            }
            Type::Custom { builtin, .. } => self.reach(builtin, out),
            _ => {}
        }
    }
}

/// The tag key of an enum serde writes internally tagged (`overrides::ENUM_FORMS`).
pub fn internal_tag(name: &str) -> Option<&'static str> {
    crate::overrides::ENUM_FORMS.iter().find_map(|(n, form)| match form {
        crate::overrides::Form::Internal(tag) if *n == name => Some(*tag),
        _ => None,
    })
}

/// An enum whose variants carry no data (a string in JSON).
pub fn is_flat(e: &EnumMetadata) -> bool {
    e.variants.iter().all(|v| v.fields.is_empty())
}
