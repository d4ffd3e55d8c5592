//! The core on the command line: `slant analyze` reads an article,
//! `slant eval` scores Slant on annotated articles, `slant train` trains the
//! learned detector. Each command's work is in `cli/`.

mod cli;

use clap::{Parser, Subcommand};
use slant::{analyze, InputKind, Options, Report};
use std::io::{Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "slant",
    version,
    about = "Read a news article critically: metadata, loaded language, unsourced assertions."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse an article (plain text or HTML) from a file, or `-` for standard input.
    Analyze(AnalyzeArgs),
    /// Score Slant (or another system's spans) on annotated articles.
    Eval(cli::eval::Args),
    /// Train the learned detector on annotated articles.
    Train(cli::train::Args),
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// The article file, or `-` for standard input.
    file: String,
    /// Print the full report as JSON instead of a readable summary.
    #[arg(long)]
    json: bool,
    /// Read the input as HTML (default: detected).
    #[arg(long, conflicts_with = "text")]
    html: bool,
    /// Read the input as plain text (default: detected).
    #[arg(long)]
    text: bool,
    /// Analysis options as JSON: {"disabled_categories": [...], "custom_terms": [...], ...}.
    #[arg(long, value_name = "FILE")]
    options: Option<String>,
    /// Switch a category off (repeatable), e.g. --disable emotive.
    #[arg(long, value_name = "CATEGORY")]
    disable: Vec<String>,
    /// The learned detector's sensitivity, from 0 (fewer, surer flags) to 1
    /// (more flags); 0.5 by default, its best cross-validated F1.
    #[arg(long, value_name = "S")]
    sensitivity: Option<f32>,
    /// Never flag this wording, whatever finds it (repeatable; case and
    /// typography aside), e.g. --ignore "so-called".
    #[arg(long = "ignore", value_name = "TERM")]
    ignore: Vec<String>,
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    let result = match cli.command {
        Command::Analyze(args) => run(&args),
        Command::Eval(args) => cli::eval::run(&args),
        Command::Train(args) => cli::train::run(&args),
    };
    match result {
        Ok(output) => {
            // Written in one piece: nothing half-way on failure.
            let mut stdout = std::io::stdout().lock();
            if stdout
                .write_all(output.as_bytes())
                .and_then(|_| stdout.flush())
                .is_err()
            {
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("slant: {message}");
            ExitCode::from(2)
        }
    }
}

/// Help and version as clap prints them; any other mistake in the arguments
/// as one line on stderr (clap's first line, which names the problem,
/// without the usage and tips after it) and exit code 2, like every other
/// error of the command.
fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    let message = error.to_string();
    let first = message.lines().next().unwrap_or_default();
    let first = first.strip_prefix("error: ").unwrap_or(first);
    eprintln!("slant: {first} (see `slant --help`)");
    ExitCode::from(2)
}

/// `slant analyze`: the options from `--options`, then the flags that
/// change them (`--disable`, `--sensitivity`, `--ignore`, `--html`/`--text`).
fn run(args: &AnalyzeArgs) -> Result<String, String> {
    let file = args.file.as_str();
    let mut options = match &args.options {
        Some(path) => {
            Options::from_json(&std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?)?
        }
        None => Options::default(),
    };
    for key in &args.disable {
        let category =
            slant::Category::from_key(key).ok_or_else(|| format!("unknown category `{key}`"))?;
        options.disabled_categories.push(category);
    }
    if let Some(sensitivity) = args.sensitivity {
        if !(0.0..=1.0).contains(&sensitivity) {
            return Err(format!(
                "--sensitivity must be a number from 0 to 1, got {sensitivity}"
            ));
        }
        options.sensitivity = sensitivity;
    }
    options.ignored_terms.extend(args.ignore.iter().cloned());
    if args.html {
        options.input = Some(InputKind::Html);
    } else if args.text {
        options.input = Some(InputKind::Text);
    }
    let json = args.json;
    let bytes = read_input(file)?;
    let input = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{file}: not UTF-8 text (invalid byte at offset {}); is this a binary file?",
            e.utf8_error().valid_up_to()
        )
    })?;
    let report = analyze(&input, &options).map_err(|e| e.to_string())?;
    Ok(if json {
        serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n"
    } else {
        summary(&report)
    })
}

/// The article's bytes: a file, or standard input for `-`. The size limit is
/// checked while reading, so a pipe, a FIFO or a device (`/dev/zero`) is
/// refused at the limit instead of after everything it holds was read; a
/// regular file (also one redirected to standard input) is refused from its
/// size before reading, with that size in the message.
fn read_input(file: &str) -> Result<Vec<u8>, String> {
    if file == "-" {
        let stdin = std::io::stdin();
        let name = "standard input";
        if let Some(len) = stdin_file_len() {
            refuse_size(name, len, false)?;
        }
        return read_limited(stdin.lock(), name);
    }
    let path = std::path::Path::new(file);
    if path.is_dir() {
        return Err(format!("{file}: is a directory, not an article file"));
    }
    let metadata = std::fs::metadata(path).map_err(|e| format!("{file}: {e}"))?;
    if metadata.is_file() {
        refuse_size(file, metadata.len(), false)?;
    }
    let reader = std::fs::File::open(path).map_err(|e| format!("{file}: {e}"))?;
    read_limited(reader, file)
}

/// At most `MAX_INPUT_BYTES` from `reader`; more is an error. A file that
/// grew past its size, a pipe or a device is read one byte past the limit,
/// and no further.
fn read_limited(reader: impl Read, name: &str) -> Result<Vec<u8>, String> {
    let limit = slant::MAX_INPUT_BYTES as u64;
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    refuse_size(name, bytes.len() as u64, true)?;
    Ok(bytes)
}

/// The too-large error for `len` bytes of `name` (at least that many when
/// reading stopped at the limit), if it is over the limit.
fn refuse_size(name: &str, len: u64, at_least: bool) -> Result<(), String> {
    if len <= slant::MAX_INPUT_BYTES as u64 {
        return Ok(());
    }
    let error = slant::AnalyzeError::TooLarge {
        bytes: usize::try_from(len).unwrap_or(usize::MAX),
        at_least,
    };
    Err(format!("{name}: {error}"))
}

/// The size of standard input when it is a regular file (`slant analyze - <
/// big.txt`), known before reading it.
#[cfg(unix)]
fn stdin_file_len() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    let metadata = std::fs::File::from(fd).metadata().ok()?;
    metadata.is_file().then_some(metadata.len())
}

#[cfg(not(unix))]
fn stdin_file_len() -> Option<u64> {
    None
}

/// The readable default output.
fn summary(report: &Report) -> String {
    use std::fmt::Write as _;
    let m = &report.metadata;
    let mut out = String::new();
    let field = |out: &mut String, name: &str, value: Option<&str>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            let _ = writeln!(out, "{name:<11}{value}");
        }
    };
    field(&mut out, "Title", m.title.as_deref());
    field(&mut out, "Authors", Some(&m.authors.join(", ")));
    field(&mut out, "Published", m.published.as_deref());
    field(&mut out, "Publisher", m.publisher.as_deref());
    field(&mut out, "Section", m.section.as_deref());
    field(&mut out, "Tags", Some(&m.tags.join(", ")));
    let s = &report.stats;
    let _ = writeln!(
        out,
        "Length     {} words, {} sentences, {} paragraphs, {} min read",
        s.words, s.sentences, s.paragraphs, s.reading_minutes
    );
    let _ = writeln!(
        out,
        "\nLoaded     {} ({} per 1000 words)",
        report.summary.loaded_language, s.flags_per_1000_words
    );
    let _ = writeln!(out, "Sourcing   {}", report.summary.sourcing);
    if report.language != slant::language::ENGLISH {
        let _ = writeln!(
            out,
            "Language   {} — Slant analyses English; only your own terms were looked for",
            report.language
        );
    }
    if !report.flags.is_empty() {
        let _ = writeln!(out, "\nFlags");
        let line_starts = line_starts(&report.text);
        for f in &report.flags {
            let line = line_starts.partition_point(|&start| start <= f.start);
            let quoted = if f.in_quotation {
                " (in a quotation)"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "  line {line:>4}  {:<22} “{}”{quoted}\n              {}",
                f.category.key(),
                report.flag_text(f),
                f.message.text(&report.text)
            );
        }
    }
    let named: Vec<String> = report
        .sources
        .iter()
        .map(|s| format!("{} ({})", s.name, s.mentions))
        .collect();
    if !named.is_empty() {
        let _ = writeln!(out, "\nSources    {}", named.join(", "));
    }
    out
}

/// UTF-16 offsets at which lines start: the 1-based line of an offset is the
/// number of line starts at or before it. One pass, however many flags.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    let mut units = 0;
    for c in text.chars() {
        units += c.len_utf16();
        if c == '\n' {
            starts.push(units);
        }
    }
    starts
}
