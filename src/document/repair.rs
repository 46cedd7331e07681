//! Joining paragraphs that a web page broke inside a sentence.
//!
//! Content management systems and copy-paste often split one sentence over
//! two blocks. Leaving them split would make the aligner see two half
//! sentences, so a block is joined with the next when it does not end a
//! sentence and the next one visibly continues it.

use super::{BlockKind, Document, Paragraph};

/// Characters that end a sentence, in the scripts we know of.
pub const FINAL: &[char] = &[
    '.', '!', '?', '…', ':', ';', '。', '！', '？', '｡', '؟', '۔', '।', '॥', '።', '፧', '‽', '։',
];

/// Closing quotes and brackets that may follow the final mark: `„Ja.“`.
pub const TRAILING: &[char] = &[
    '"', '\'', '”', '“', '’', '‘', '»', '«', '›', '‹', ')', ']', '}', '」', '』', '）',
];

/// A join made on weak evidence only: a running text ending in a lower-case
/// word, then a capitalised block that ends a sentence ("… kereskedelmi
/// attasé" + "Marc Trenteseau szerint …"). A caption or a standfirst reads
/// the same way as a sentence a page broke, so whether the join stands is
/// judged with the other document of the pair ([`settle_joins`]).
#[derive(Debug, Clone)]
pub struct WeakJoin {
    /// The index of the joined paragraph.
    pub index: usize,
    /// The paragraph before the join.
    pub first: Paragraph,
    /// The block joined to it.
    pub second: Paragraph,
}

/// How `next` relates to the paragraph before it.
#[derive(PartialEq)]
enum Continuation {
    /// It starts a block of its own.
    No,
    /// It visibly continues the sentence (lower case, a closing quote).
    Strong,
    /// It may continue it ([`WeakJoin`]).
    Weak,
}

/// Joins blocks broken inside a sentence; also returns the joins made on
/// weak evidence, which [`settle_joins`] may undo.
pub fn join_broken(_text: &str, blocks: Vec<Paragraph>) -> (Vec<Paragraph>, Vec<WeakJoin>) {
    let mut out: Vec<Paragraph> = Vec::with_capacity(blocks.len());
    let mut weak = Vec::new();
    // Quotations open at the end of the last paragraph, kept up to date
    // so a long chain of joins never rescans text it has seen.
    let mut open: Vec<char> = Vec::new();
    // Whether the last paragraph reads as a list item written as a
    // paragraph (see `item_like`).
    let mut item = false;
    for block in blocks {
        let first = out.len() == 1;
        let index = out.len().saturating_sub(1);
        let how = match out.last() {
            Some(prev) if !item => continues(prev, &open, &block, first),
            _ => Continuation::No,
        };
        match out.last_mut() {
            Some(prev) if how != Continuation::No => {
                if how == Continuation::Weak {
                    weak.push(WeakJoin {
                        index,
                        first: prev.clone(),
                        second: block.clone(),
                    });
                }
                open = open_quotes(&block.text, std::mem::take(&mut open));
                join(prev, block);
            }
            last => {
                item = item_like(last.map(|p| &*p), &block);
                open = open_quotes(&block.text, Vec::new());
                out.push(block);
            }
        }
    }
    (out, weak)
}

/// Judges the weak joins ([`WeakJoin`]) of an original and its translation
/// together. Where both documents made some, both are laid out with blocks
/// that end without a mark (captions, standfirsts, bylines: a magazine's
/// pictures and their texts), so the joins are layout, not sentences a page
/// broke, and they are undone on both sides. Kept, they hide a block: when
/// the translation drops the paragraph after a caption, it joins the
/// caption to the next one instead, and the aligner sees "caption + B"
/// against "caption + C" and reports C's original, or nothing, as the loss.
/// Where the joins of both sides meet the same blocks, undoing them leaves
/// the parts to align one to one. Where one document alone made weak joins,
/// they stand: the other side most likely holds the broken sentences whole
/// (on the GNOME Help pages, undoing those too raised added-sentence misses
/// on the news pairs and the magazine).
pub fn settle_joins(source: &mut Document, target: &mut Document) {
    if !source.weak_joins.is_empty() && !target.weak_joins.is_empty() {
        source.undo_weak_joins();
        target.undo_weak_joins();
    }
}

/// Whether `block`, standing on its own after `prev`, is an item of a list
/// flattened into paragraphs (a converter's or a CMS's output, where the
/// markup no longer says "list item"): it starts in lower case although it
/// continues nothing, as the items after a lead-in such as "Look for the
/// following:" do in French, Spanish or Italian ("les emballages…,", "le
/// CD…,"). Nothing is joined into such an item: the next lower-case block
/// is its sibling, not the rest of a sentence broken by a page. A block
/// that starts with an address or a file name (`www.example.org`) is no
/// item: it starts with no word.
fn item_like(prev: Option<&Paragraph>, block: &Paragraph) -> bool {
    let Some(first) = block.text.split_whitespace().next() else {
        return false;
    };
    let word = first.trim_end_matches([',', ':', ';']);
    prev.is_some()
        && joinable(block.kind)
        && word.chars().next().is_some_and(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

fn joinable(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::BlockQuote)
}

/// Whether `next` continues the sentence that `prev` left open; `open` are
/// the quotations still open at the end of `prev`, and `first` says that
/// `prev` is the document's first block.
fn continues(prev: &Paragraph, open: &[char], next: &Paragraph, first: bool) -> Continuation {
    if prev.kind != next.kind || !joinable(prev.kind) || ends_sentence(&prev.text) {
        return Continuation::No;
    }
    let Some(initial) = next.text.chars().next() else {
        return Continuation::No;
    };
    if initial.is_lowercase() {
        return Continuation::Strong;
    }
    if !open.is_empty() && closes_quote(&next.text, open.to_vec()) {
        return Continuation::Strong;
    }
    // A first block with no sentence mark in it is the title, however
    // long and whatever its last word: "… de la cosecha española".
    let title = first
        && !prev
            .text
            .contains(['.', '!', '?', '。', '！', '？', '।', '؟', '۔']);
    if !title
        && ends_mid_sentence(&prev.text)
        && initial.is_alphabetic()
        && ends_sentence(&next.text)
    {
        Continuation::Weak
    } else {
        Continuation::No
    }
}

/// Whether the text ends with sentence-final punctuation, possibly followed
/// by closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(TRAILING);
    trimmed.ends_with(FINAL)
}

/// A running text (it already holds a sentence, or is long) whose last word
/// is in lower case, such as `die` or `to`: no sentence ends that way, so
/// the next block continues it even when it starts with a capital (German
/// nouns, English names).
fn ends_mid_sentence(text: &str) -> bool {
    let Some(last) = text.split_whitespace().last() else {
        return false;
    };
    let word_like = last.chars().all(|c| c.is_alphabetic() || c == '-')
        && last.chars().any(char::is_lowercase)
        && last.chars().all(|c| !c.is_uppercase());
    // Only the tail matters, and looking at the tail only keeps long
    // chains of joined blocks linear.
    let mut from = text.len().saturating_sub(400);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let tail = &text[from..];
    let running = tail.contains(['.', '!', '?']) || tail.split_whitespace().count() >= 12;
    word_like && running
}

/// The closing marks still expected at the end of `text`, innermost last,
/// starting from the marks already open in `stack`.
fn open_quotes(text: &str, mut stack: Vec<char>) -> Vec<char> {
    for c in text.chars() {
        step(&mut stack, c);
    }
    stack
}

/// One step of quotation counting. `“` closes a German `„` but opens an
/// English quotation; `»` closes `«` but opens a German `»…«`.
fn step(stack: &mut Vec<char>, c: char) {
    let top = stack.last().copied();
    match c {
        '„' => stack.push('“'),
        '“' if top == Some('“') => {
            stack.pop();
        }
        '“' => stack.push('”'),
        '”' if top == Some('”') => {
            stack.pop();
        }
        // A lone `”` opens in Swedish and Finnish style (`”…”`).
        '”' => stack.push('”'),
        '«' if top == Some('«') => {
            stack.pop();
        }
        '«' => stack.push('»'),
        '»' if top == Some('»') => {
            stack.pop();
        }
        '»' => stack.push('«'),
        '"' if top == Some('"') => {
            stack.pop();
        }
        '"' => stack.push('"'),
        _ => {}
    }
}

/// Whether `text` closes one of the quotations open in `open`.
fn closes_quote(text: &str, open: Vec<char>) -> bool {
    let depth = open.len();
    let mut stack = open;
    for c in text.chars() {
        step(&mut stack, c);
        if stack.len() < depth {
            return true;
        }
    }
    false
}

fn join(prev: &mut Paragraph, next: Paragraph) {
    let prev_len = prev.text.len();
    let gap_start = prev.source_span(prev_len.saturating_sub(1), prev_len).end;
    let gap_end = next.source_span(0, 1).start.max(gap_start);
    prev.text.push(' ');
    prev.offsets
        .push_replaced(prev_len..prev_len + 1, gap_start..gap_end);
    prev.offsets.append(&next.offsets, prev_len + 1);
    prev.text.push_str(&next.text);
    prev.span = prev.span.cover(next.span);
    prev.parts.extend(next.parts);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, InputFormat};
    use std::path::Path;

    fn doc(text: &str) -> Document {
        Document::from_text(Path::new("t.md"), text.to_string(), InputFormat::Markdown)
    }

    fn texts(d: &Document) -> Vec<&str> {
        d.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn joins_lower_case_continuation_and_keeps_both_positions() {
        let text = "Sie sagte, dass beide „nicht getrennt\n\nwerden können“. Dann ging sie.\n";
        let d = doc(text);
        assert_eq!(
            texts(&d),
            vec!["Sie sagte, dass beide „nicht getrennt werden können“. Dann ging sie."]
        );
        let p = &d.paragraphs[0];
        assert_eq!(p.parts.len(), 2);
        assert_eq!(d.line_range(p.span), (1, 3));
        assert_eq!(d.line_range(p.parts[1]), (3, 3));
        let at = p.text.find("getrennt werden").unwrap();
        let s = p.source_span(at, at + "getrennt werden".len());
        assert_eq!(&text[s.start..s.end], "getrennt\n\nwerden");
        let at = p.text.find("Dann").unwrap();
        let s = p.source_span(at, p.text.len());
        assert_eq!(&text[s.start..s.end], "Dann ging sie.");
    }

    #[test]
    fn weak_joins_made_on_both_sides_are_undone_on_both() {
        // Captions ending in a lower-case word before a paragraph: each
        // side joins one, and the translation (which dropped the second
        // paragraph) joins its caption to the third.
        let mut source = doc(concat!(
            "Bevezetés.\n\n",
            "Janez Potocnik, az európai ügyekért felelős miniszter a békét fenntartó csapatok érkezése után nyilatkozott\n\n",
            "Athén jelenleg egy építkezési rémálom az olimpiai előkészületek miatt.\n\n",
            "A Fórum havi rovat a kormány programjairól szól.\n"
        ));
        let mut target = doc(concat!(
            "Introduction.\n\n",
            "European Affairs Minister Janez Potocnik spoke after the troops arrived to keep the peace\n\n",
            "Forum is a monthly column on the government's programmes.\n"
        ));
        assert_eq!((source.paragraphs.len(), target.paragraphs.len()), (3, 2));
        settle_joins(&mut source, &mut target);
        assert_eq!((source.paragraphs.len(), target.paragraphs.len()), (4, 3));
        assert!(texts(&source)[1].ends_with("nyilatkozott"));
        assert_eq!(d_line(&target, 2), 5);
    }

    #[test]
    fn weak_joins_of_one_side_stand() {
        let mut source =
            doc("The call came late. Officials tried to bring the\n\nKremlin into the talks.");
        let mut target = doc("Der Anruf kam spät. Man versuchte, den Kreml einzubinden.");
        settle_joins(&mut source, &mut target);
        assert_eq!(source.paragraphs.len(), 1);
    }

    fn d_line(d: &Document, paragraph: usize) -> u32 {
        d.line_range(d.paragraphs[paragraph].span).0
    }

    #[test]
    fn joins_when_next_closes_an_open_quotation() {
        let d = doc("He said: “We will not\n\nGive in,” and left.");
        assert_eq!(d.paragraphs.len(), 1);
        let d = doc("Sie rief »Halt\n\nSofort!« und lief.");
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn joins_after_lower_case_last_word_of_running_text() {
        let d = doc("The call came late. Officials tried to bring the\n\nKremlin into the talks.");
        assert_eq!(d.paragraphs.len(), 1);
    }

    #[test]
    fn keeps_finished_sentences_and_labels_apart() {
        for text in [
            "It ended.\n\nthen more.",
            "He asked: “Why?”\n\nnobody knew.",
            "Teaser text goes here and stops &hellip;\n\nAm Montag war es.",
            "Read more about it\n\nThe next article starts.",
            "Source: example.org\n\nDetails",
            "A quote „open\n\nNeue Zeile ohne Ende.",
        ] {
            assert_eq!(doc(text).paragraphs.len(), 2, "{text:?}");
        }
    }

    #[test]
    fn never_joins_headings_lists_or_separators() {
        for text in [
            "# A heading\n\nlower case text.",
            "- an item\n\nlower case text.",
            "Broken text\n\n---\n\nlower case text.",
            "Broken text\n\n- lower item",
        ] {
            let d = doc(text);
            assert!(d.paragraphs.len() >= 2, "{text:?}: {:?}", texts(&d));
        }
    }

    #[test]
    fn never_joins_table_cells_code_or_html_items() {
        for (text, format) in [
            (
                "| A | B |\n|---|---|\n| Strg | und |\n",
                InputFormat::Markdown,
            ),
            ("```\nls -l\n```\n\nlists the files.", InputFormat::Markdown),
            ("Run\n\n```\nls -l\n```\n", InputFormat::Markdown),
            ("## Press the key\n\nand wait.", InputFormat::Markdown),
            (
                "<ul><li>the box,</li><li>the disc</li></ul>",
                InputFormat::Html,
            ),
            (
                "<table><tr><td>Home folder</td><td>or Explorer</td></tr></table>",
                InputFormat::Html,
            ),
            (
                "<h2>Settings for the</h2><p>network card.</p>",
                InputFormat::Html,
            ),
            ("<p>Type the</p><pre>command</pre>", InputFormat::Html),
        ] {
            let d = Document::from_text(Path::new("t"), text.to_string(), format);
            assert!(d.paragraphs.len() >= 2, "{text:?}: {:?}", texts(&d));
        }
    }

    #[test]
    fn a_list_flattened_into_paragraphs_stays_apart() {
        // Items after a lead-in start in lower case and end with commas:
        // each is its own block, as in the original's list.
        let d = doc(
            "Recherchez les éléments suivants :\n\nles emballages (notamment le manuel),\n\n\
             le CD des pilotes,\n\ntout numéro de version.\n\nUne fois collectés, cliquez.",
        );
        assert_eq!(
            texts(&d),
            vec![
                "Recherchez les éléments suivants :",
                "les emballages (notamment le manuel),",
                "le CD des pilotes,",
                "tout numéro de version.",
                "Une fois collectés, cliquez.",
            ]
        );
        // A sentence broken after a comma is still joined when it starts
        // with a capital, as a sentence does.
        let d = doc("Er sagte,\n\ndass er kommt.");
        assert_eq!(texts(&d), vec!["Er sagte, dass er kommt."]);
    }

    #[test]
    fn keeps_a_long_plain_title_apart() {
        let d = doc(
            "El precio del aceite cae con fuerza gracias a la recuperación de la cosecha española\n\nLos precios han caído.",
        );
        assert_eq!(d.paragraphs.len(), 2, "{:?}", texts(&d));
        // Further down the same break is a sentence broken in two.
        let d = doc(
            "Title\n\nEl precio del aceite cae con fuerza gracias a la recuperación de la cosecha española\n\nLos precios han caído.",
        );
        assert_eq!(d.paragraphs.len(), 2, "{:?}", texts(&d));
    }

    #[test]
    fn joins_chains_of_three() {
        let d = doc("one piece\n\nof a sentence\n\nin three parts.");
        assert_eq!(texts(&d), vec!["one piece of a sentence in three parts."]);
        assert_eq!(d.paragraphs[0].parts.len(), 3);
    }

    #[test]
    fn long_chains_stay_fast() {
        let text = format!(
            "Er sagte „alles\n\n{}Ende“.",
            "Gut“ und „mehr\n\n".repeat(20_000)
        );
        let started = std::time::Instant::now();
        let d = doc(&text);
        assert_eq!(d.paragraphs.len(), 1);
        assert_eq!(d.paragraphs[0].parts.len(), 20_002);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }

    #[test]
    fn end_marks() {
        assert!(ends_sentence("Fertig.“"));
        assert!(ends_sentence("Wirklich?)"));
        assert!(ends_sentence("Xi …"));
        assert!(ends_sentence("終わり。"));
        assert!(!ends_sentence("getrennt"));
        assert!(!ends_sentence("„offen“"));
    }
}
