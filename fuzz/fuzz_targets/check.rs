// Shared by the fuzz targets: the invariants every report keeps.
use slant::Report;

pub fn check(report: &Report) {
    let units: Vec<u16> = report.text.encode_utf16().collect();
    for flag in &report.flags {
        let slice = String::from_utf16(&units[flag.start..flag.end]).expect("flag on UTF-16 boundaries");
        assert_eq!(slice, report.flag_text(flag));
    }
    let mut previous_end = 0;
    for sentence in &report.sentences {
        assert!(previous_end <= sentence.start && sentence.start < sentence.end);
        String::from_utf16(&units[sentence.start..sentence.end]).expect("sentence on UTF-16 boundaries");
        previous_end = sentence.end;
    }
}
