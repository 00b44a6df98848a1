//! The one macro that turns a list of the statement's terms into a typed,
//! serde-stable, bilingual enum with a matching bit set.
//!
//! Every term the crate knows (a party, a purpose, a reason, …) is declared
//! once with its wire name and its English and Chinese labels; the macro
//! derives `Display`, `FromStr` (whose error lists the valid names), serde
//! (the wire name, snake_case), `ALL`, and a compact `Copy` set type used by
//! the rules and by decisions, so that nothing on the decision path
//! allocates.

/// Declares a vocabulary enum and its set type.
macro_rules! vocabulary {
    (@display $name:ident) => {
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    (@display $name:ident english) => {
        /// Shows the English text; [`Self::as_str`] gives the wire name and
        /// [`Self::label`] the text in either language.
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.label($crate::Language::En))
            }
        }
    };
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident / $set:ident ($bits:ty) : $kind:literal $(, display $display:ident)? {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $wire:literal { en: $en:literal, zh: $zh:literal }
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $wire)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order (the statement's order).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable wire name (snake_case), as used by serde,
            /// `Display` and `FromStr`.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// The human label in the given language.
            pub const fn label(self, language: $crate::Language) -> &'static str {
                match language {
                    $crate::Language::En => match self { $($name::$variant => $en),+ },
                    $crate::Language::ZhCn => match self { $($name::$variant => $zh),+ },
                }
            }

            /// The position of this value in [`Self::ALL`].
            pub const fn index(self) -> usize {
                self as usize
            }

            /// The set holding only this value.
            pub const fn set(self) -> $set {
                $set::EMPTY.with(self)
            }
        }

        vocabulary!(@display $name $($display)?);

        impl $crate::model::vocabulary::Vocabulary for $name {
            type Set = $set;
            const KIND: &'static str = $kind;

            fn name(self) -> &'static str {
                self.as_str()
            }

            fn contains(set: $set, value: $name) -> bool {
                set.contains(value)
            }

            fn with(set: $set, value: $name) -> $set {
                set.with(value)
            }
        }

        impl core::str::FromStr for $name {
            type Err = $crate::UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    _ => Err($crate::UnknownName::new(
                        $kind,
                        s,
                        &[$($wire),+],
                    )),
                }
            }
        }

        #[doc = concat!("A set of [`", stringify!($name), "`] values: a `Copy` bit set that never allocates.")]
        ///
        /// On the wire it is a JSON array of names, in declaration order.
        #[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $set($bits);

        impl $set {
            /// The empty set.
            pub const EMPTY: $set = $set(0);

            /// Every value.
            pub const ALL: $set = $set::of($name::ALL);

            /// The set of the given values (usable in `const` context).
            pub const fn of(values: &[$name]) -> $set {
                let mut bits: $bits = 0;
                let mut rest = values;
                while let [first, tail @ ..] = rest {
                    bits |= (1 as $bits) << (*first as u32);
                    rest = tail;
                }
                $set(bits)
            }

            /// This set with `value` added.
            #[must_use]
            pub const fn with(self, value: $name) -> $set {
                $set(self.0 | (1 as $bits) << (value as u32))
            }

            /// This set with `value` removed.
            #[must_use]
            pub const fn without(self, value: $name) -> $set {
                $set(self.0 & !((1 as $bits) << (value as u32)))
            }

            /// Whether `value` is in the set.
            pub const fn contains(self, value: $name) -> bool {
                self.0 & ((1 as $bits) << (value as u32)) != 0
            }

            /// The union of two sets.
            #[must_use]
            pub const fn union(self, other: $set) -> $set {
                $set(self.0 | other.0)
            }

            /// The values of `self` that are not in `other`.
            #[must_use]
            pub const fn difference(self, other: $set) -> $set {
                $set(self.0 & !other.0)
            }

            /// Whether the two sets share a value.
            pub const fn intersects(self, other: $set) -> bool {
                self.0 & other.0 != 0
            }

            /// Whether every value of `self` is in `other`.
            pub const fn is_subset(self, other: $set) -> bool {
                self.0 & !other.0 == 0
            }

            /// Whether the set is empty.
            pub const fn is_empty(self) -> bool {
                self.0 == 0
            }

            /// How many values the set holds.
            pub const fn len(self) -> usize {
                self.0.count_ones() as usize
            }

            /// The set as raw bits: bit `i` stands for the value at
            /// position `i` of the enum's `ALL`. For table lookups.
            pub const fn bits(self) -> $bits {
                self.0
            }

            /// Adds `value` to the set.
            pub fn insert(&mut self, value: $name) {
                *self = self.with(value);
            }

            /// Removes `value` from the set.
            pub fn remove(&mut self, value: $name) {
                *self = self.without(value);
            }

            /// The values in declaration order.
            ///
            /// It visits only the values in the set (a bit at a time, from
            /// the lowest), not every value of the vocabulary.
            pub fn iter(self) -> impl Iterator<Item = $name> {
                let mut bits = self.0;
                core::iter::from_fn(move || {
                    if bits == 0 {
                        return None;
                    }
                    // A value's bit is its position in `ALL`.
                    let index = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    $name::ALL.get(index).copied()
                })
            }
        }

        impl core::fmt::Debug for $set {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_set().entries(self.iter()).finish()
            }
        }

        /// The wire names of the values, in declaration order, separated by
        /// `, ` (empty for the empty set).
        impl core::fmt::Display for $set {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                let mut first = true;
                for value in self.iter() {
                    if !first {
                        f.write_str(", ")?;
                    }
                    f.write_str(value.as_str())?;
                    first = false;
                }
                Ok(())
            }
        }

        impl FromIterator<$name> for $set {
            fn from_iter<I: IntoIterator<Item = $name>>(iter: I) -> Self {
                let mut set = $set::EMPTY;
                for value in iter {
                    set.insert(value);
                }
                set
            }
        }

        impl From<$name> for $set {
            fn from(value: $name) -> Self {
                value.set()
            }
        }

        impl serde::Serialize for $set {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }

        impl<'de> serde::Deserialize<'de> for $set {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl<'de> serde::de::Visitor<'de> for Visitor {
                    type Value = $set;
                    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                        write!(f, "an array of {} names", $kind)
                    }
                    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<$set, A::Error> {
                        let mut set = $set::EMPTY;
                        while let Some(value) = seq.next_element::<$name>()? {
                            if set.contains(value) {
                                return Err(serde::de::Error::custom(format_args!(
                                    "{} `{}` is listed twice", $kind, value
                                )));
                            }
                            set.insert(value);
                        }
                        Ok(set)
                    }
                }
                deserializer.deserialize_seq(Visitor)
            }
        }
    };
}

pub(crate) use vocabulary;

/// What the strict reader (`crate::wire`) needs of a vocabulary: its
/// names, its set type, and what kind of name it is.
pub(crate) trait Vocabulary: Copy + core::str::FromStr<Err = crate::UnknownName> + 'static {
    /// The matching bit set.
    type Set: Copy + Default;
    /// What kind of name it is (`"party"`).
    const KIND: &'static str;
    /// The wire name.
    fn name(self) -> &'static str;
    /// Whether the set holds the value.
    fn contains(set: Self::Set, value: Self) -> bool;
    /// The set with the value added.
    fn with(set: Self::Set, value: Self) -> Self::Set;
}
