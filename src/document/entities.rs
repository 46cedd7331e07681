//! HTML character references.
