//! The perturbation benchmark (filled in below).
