//! What a phrase's head says of it: a spokesperson and the body they speak
//! for, a lower-case head (groups, offices, documents, bodies), authors,
//! affiliations, and capitalised names.

use super::*;

impl Phrase<'_, '_> {
    /// A spokesperson, with the body they speak for: capitalised words
    /// before the head ("A Department of Health spokesperson"), or "for/of/
    /// at/from" and a name after it; with none, the body cited last.
    pub(super) fn spokesperson(&self, from: usize, head: usize) -> Option<Reading> {
        let word = self.lower(head).to_string();
        // Capitalised modifiers between the determiner and the head.
        let caps: Vec<usize> = (from..head)
            .filter(|&k| self.tokens[k].is_capitalized())
            .collect();
        if let (Some(&first), Some(&last)) = (caps.first(), caps.last()) {
            let run = first..last + 1;
            let inner = Phrase {
                start: run.start,
                end: run.end,
                ..*self
            };
            if let Some(reading) = inner.name(run, true) {
                if let Subject::Named { name, kind } = reading.subject {
                    let kind = if kind == SourceKind::Document {
                        SourceKind::Organisation
                    } else {
                        kind
                    };
                    return self.reading(Subject::Named { name, kind }, false);
                }
            }
        }
        // "a spokeswoman for the trust", "a spokesman for the Pentagon".
        if head + 1 < self.end
            && matches!(self.lower(head + 1), "for" | "of" | "at" | "from" | "with")
        {
            let mut k = head + 2;
            while k < self.end && ARTICLES.contains(&self.lower(k)) {
                k += 1;
            }
            if k < self.end {
                let body_head = self.head_index(k);
                let body = self.tokens[body_head].lower();
                if self.tokens[k].is_capitalized() {
                    let run = k..body_head + 1;
                    let inner = Phrase {
                        start: k,
                        end: body_head + 1,
                        ..*self
                    };
                    if let Some(reading) = inner.name(run, true) {
                        return Some(reading);
                    }
                } else if INSTITUTION_HEADS.contains(body) {
                    return self.reading(
                        Subject::Definite {
                            phrase: self.text_of(k - 1..body_head + 1),
                            head: body.to_string(),
                            kind: SourceKind::Organisation,
                        },
                        false,
                    );
                }
            }
        }
        // "a council spokeswoman": a lower-case body.
        if let Some(k) = (from..head)
            .rev()
            .find(|&k| INSTITUTION_HEADS.contains(self.lower(k)))
        {
            return self.reading(
                Subject::Definite {
                    phrase: format!("the {}", self.lower(k)),
                    head: self.lower(k).to_string(),
                    kind: SourceKind::Organisation,
                },
                false,
            );
        }
        if word == "statement" {
            return None;
        }
        // "a spokesman said": whoever the story is about.
        self.reading(
            Subject::Definite {
                phrase: String::new(),
                head: String::new(),
                kind: SourceKind::Organisation,
            },
            false,
        )
    }

    /// The phrase by its head: a name, or a lower-case noun.
    pub(super) fn by_head(&self) -> Option<Reading> {
        let (start, end) = (self.start, self.end);
        // "This newspaper has long argued": the writers' own voice.
        if end - start == 2
            && self.lower(start) == "this"
            && matches!(self.lower(start + 1), "newspaper" | "paper" | "magazine")
        {
            return None;
        }
        let mut from = start;
        let definite = DEFINITE.contains(&self.lower(from));
        if ARTICLES.contains(&self.lower(from)) || DEFINITE.contains(&self.lower(from)) {
            from += 1;
        }
        if from >= end {
            return None;
        }
        let head = self.head_index(from);
        let token = &self.tokens[head];
        if token.is_capitalized() {
            // Only a sentence's capital ("Economists", "Patient groups")?
            let only_opener = head == start
                && (start == 0 || !self.tokens[start - 1].is_word())
                && !token.text.chars().skip(1).any(char::is_uppercase);
            if only_opener && (people_word(token.lower()) || DOCUMENT_HEADS.contains(token.lower()))
            {
                return self.lowercase_head(head, definite);
            }
            let run = name_left(self.tokens, head)?;
            let run = run.start.max(from)..run.end;
            // Role words before the name: "Council leader Martin Cheswick".
            let role = (from..run.start).any(|k| {
                let w = self.lower(k);
                ROLE_HEADS.contains(w) || TITLES.contains(w)
            });
            // A capitalised head after a lower-case role: a name.
            let the = start < run.start && self.lower(run.start - 1) == "the"
                || self.lower(run.start) == "the";
            let inner = Phrase {
                start: run.start,
                end: run.end,
                ..*self
            };
            let mut reading = inner.name_with(run, role, the)?;
            reading.tokens = start..end;
            return Some(reading);
        }
        self.lowercase_head(head, definite)
    }

    /// A lower-case head: "the agency", "Patient groups", "a spokesman".
    pub(super) fn lowercase_head(&self, head: usize, definite: bool) -> Option<Reading> {
        let word = strip_possessive(self.lower(head)).to_string();
        let word = word.as_str();
        let plural_head = plural(word);
        let bare = !definite && !ARTICLES.contains(&self.lower(self.start));
        // What follows the head: "at the University of Castlebrook".
        let affiliation = self.affiliation(head);
        if SPOKES_HEADS.contains(word) {
            if let Some(reading) = self.spokesperson(self.start, head) {
                return Some(reading);
            }
        }
        if DOCUMENT_HEADS.contains(word) {
            // "Figures for England published by the Health Performance
            // Agency", "figures from the state climatologist's office": the
            // author is the source.
            if let Some(author) = self.author(head) {
                return Some(author);
            }
            if definite {
                return self.reading(
                    Subject::Definite {
                        phrase: self.text_of(self.start..head + 1),
                        head: word.to_string(),
                        kind: SourceKind::Document,
                    },
                    plural_head,
                );
            }
            // "Figures show", "Studies suggest": nobody's documents; but
            // "court records", "meeting minutes", "documents obtained under
            // FOI laws" are particular ones.
            let described = head + 1 < self.end && participle_like(self.lower(head + 1));
            let vague_kind = matches!(
                word,
                "figures"
                    | "data"
                    | "studies"
                    | "study"
                    | "research"
                    | "reports"
                    | "report"
                    | "statistics"
                    | "stats"
                    | "numbers"
                    | "estimates"
                    | "polls"
                    | "surveys"
                    | "poll"
                    | "survey"
                    | "findings"
                    | "analysis"
            );
            if described || !vague_kind {
                return self.reading(
                    Subject::Named {
                        name: self.text_of(self.start..self.described_end(head)),
                        kind: SourceKind::Document,
                    },
                    plural_head,
                );
            }
            return self.vague(Vagueness::Unnamed, plural_head);
        }
        if IDENTIFIABLE_PLURALS.contains(&word) && (bare || definite) {
            return self.reading(
                Subject::Named {
                    name: self.text_of(self.start..head + 1),
                    kind: SourceKind::Organisation,
                },
                true,
            );
        }
        if definite && (INSTITUTION_HEADS.contains(word) || GENERIC_BODIES.contains(&word)) {
            return self.reading(
                Subject::Definite {
                    phrase: self.text_of(self.start..head + 1),
                    head: word.to_string(),
                    kind: SourceKind::Organisation,
                },
                plural_head,
            );
        }
        if definite && OFFICE_HEADS.contains(word) {
            // "the harbour master", "the auditor-general": an identifiable office.
            return self.reading(
                Subject::Named {
                    name: self.text_of(self.start..head + 1).to_lowercase(),
                    kind: SourceKind::Organisation,
                },
                false,
            );
        }
        if GROUP_HEADS.contains(word) || ANONYMOUS_HEADS.contains(word) || plural_common(word) {
            // "Analysts surveyed by MarketLens": the survey's author.
            if head + 1 < self.end && self.lower(head + 1).ends_with("ed") {
                if let Some(author) = self.author(head) {
                    return Some(author);
                }
            }
            // "Researchers at the University of Castlebrook": the university
            // speaks; "Insiders at Redmarsh Police": nobody does.
            if let Some(mut body) = affiliation {
                if !ANONYMOUS_HEADS.contains(word) && bare {
                    body.research = matches!(
                        word,
                        "researchers" | "scientists" | "team" | "investigators"
                    );
                    body.tokens = self.start..self.end;
                    return Some(body);
                }
            }
            if definite && plural_head && GENERIC_BODIES.contains(&word) {
                return self.reading(
                    Subject::Definite {
                        phrase: String::new(),
                        head: String::new(),
                        kind: SourceKind::Organisation,
                    },
                    true,
                );
            }
            let why = if ANONYMOUS_HEADS.contains(word) && !plural_head {
                Vagueness::Anonymous
            } else {
                Vagueness::Group
            };
            if bare || !definite || ANONYMOUS_HEADS.contains(word) {
                return self.vague(why, plural_head);
            }
            // "The traders I speak to": the author's informants. "The
            // companies that make these devices" are what the sentence is
            // about, not who says it.
            let author =
                (head + 1..self.end).any(|k| matches!(self.lower(k), "i" | "we" | "me" | "us"));
            if author {
                return self.vague(Vagueness::Author, plural_head);
            }
            if !plural_head {
                return self.vague(Vagueness::Anonymous, false);
            }
            let mut reading = self.vague(Vagueness::Group, true)?;
            reading.definite_group = true;
            return Some(reading);
        }
        if definite && ROLE_HEADS.contains(word) {
            // "the tenant", "the officer": someone the article does not name.
            return self.vague(Vagueness::Anonymous, false);
        }
        None
    }

    /// Where a described document's name ends: after what describes it and
    /// its first complement — "a situation report circulated to staff",
    /// not "… at Brackenfield Trust"; "a study commissioned by the city",
    /// not "… in 2021". "of" binds ("under Freedom of Information laws").
    pub(super) fn described_end(&self, head: usize) -> usize {
        let mut k = head + 1;
        let mut prepositions = 0;
        while k < self.end {
            let w = self.lower(k);
            // "by this newspaper": "this" opens no second complement.
            let after_by = self.lower(k - 1) == "by";
            if !after_by
                && matches!(
                    w,
                    "at" | "in"
                        | "on"
                        | "for"
                        | "from"
                        | "with"
                        | "to"
                        | "by"
                        | "under"
                        | "during"
                        | "last"
                        | "this"
                        | "since"
                        | "after"
                        | "before"
                )
            {
                prepositions += 1;
                if prepositions == 2 {
                    return k;
                }
            }
            k += 1;
        }
        self.end
    }

    /// A document's author after its head: "by the Health Performance
    /// Agency", "from the state climatologist's office".
    pub(super) fn author(&self, head: usize) -> Option<Reading> {
        let by =
            (head + 1..self.end.min(head + 8)).find(|&k| matches!(self.lower(k), "by" | "from"))?;
        // "Board papers seen by this newspaper": who saw them wrote nothing.
        if self.lower(by) == "by" && RECEIVED.contains(&self.lower(by - 1)) {
            return None;
        }
        let mut k = by + 1;
        while k < self.end && ARTICLES.contains(&self.lower(k)) {
            k += 1;
        }
        if k >= self.end {
            return None;
        }
        let inner = Phrase {
            start: k - usize::from(k > by + 1),
            ..*self
        };
        let mut reading = inner.read()?;
        // A lone word that wrote a survey is a body: "surveyed by MarketLens".
        if reading.weak {
            if let Subject::Named { kind, .. } = &mut reading.subject {
                *kind = SourceKind::Organisation;
            }
            reading.weak = false;
        }
        match reading.subject {
            Subject::Named {
                kind: SourceKind::Organisation | SourceKind::Person,
                ..
            }
            | Subject::Definite { .. } => {
                reading.tokens = self.start..self.end;
                // Still a document, which may "show" without a "that":
                // "Figures published by the Bank of England show lending fell".
                reading.document = true;
                reading.plural = plural(strip_possessive(self.lower(head)));
                Some(reading)
            }
            _ => None,
        }
    }

    /// "… at/of/from the University of Castlebrook": the named body a
    /// person or group belongs to.
    pub(super) fn affiliation(&self, head: usize) -> Option<Reading> {
        let k = head + 1;
        if k >= self.end || !matches!(self.lower(k), "at" | "of" | "from" | "for" | "with") {
            return None;
        }
        let mut j = k + 1;
        while j < self.end && ARTICLES.contains(&self.lower(j)) {
            j += 1;
        }
        if j >= self.end {
            return None;
        }
        // "at the state Rangeland Board", "of the eight members of the
        // North Atlantic Fisheries Council": the name a few words on.
        if !self.tokens[j].is_capitalized() {
            if let Some(name) = (j + 1..self.end.min(j + 7))
                .find(|&n| self.tokens[n].is_capitalized() && self.tokens[n].is_word())
            {
                if (j..name).all(|n| self.tokens[n].is_word()) {
                    let body_head = self.head_index(name);
                    let inner = Phrase {
                        start: name,
                        end: body_head + 1,
                        ..*self
                    };
                    if let Some(reading) =
                        inner
                            .name_with(name..body_head + 1, false, true)
                            .filter(|r| {
                                matches!(
                                    r.subject,
                                    Subject::Named {
                                        kind: SourceKind::Organisation,
                                        ..
                                    }
                                )
                            })
                    {
                        return Some(reading);
                    }
                }
            }
        }
        if !self.tokens[j].is_capitalized() {
            // "officials from the department": the department cited before.
            let body = self.lower(j);
            if self.lower(j - 1) == "the" && INSTITUTION_HEADS.contains(body) && j + 1 == self.end {
                return self.reading(
                    Subject::Definite {
                        phrase: format!("the {body}"),
                        head: body.to_string(),
                        kind: SourceKind::Organisation,
                    },
                    false,
                );
            }
            return None;
        }
        let body_head = self.head_index(j);
        let run = j..body_head + 1;
        let inner = Phrase {
            start: run.start,
            end: run.end,
            ..*self
        };
        inner
            .name_with(run, false, self.lower(j - 1) == "the")
            .filter(|r| {
                matches!(
                    r.subject,
                    Subject::Named {
                        kind: SourceKind::Organisation,
                        ..
                    }
                )
            })
    }

    pub(super) fn name(&self, run: Range<usize>, body: bool) -> Option<Reading> {
        let the = run.start > 0 && self.lower(run.start - 1) == "the";
        let reading = self.name_with(run, false, the)?;
        if body {
            if let Subject::Named {
                name,
                kind: SourceKind::Person,
            } = &reading.subject
            {
                // A body named by a single word ("A Ridgeline spokesperson")
                // is an organisation unless a person is known by it.
                if !name.contains(' ') && !self.known.person(&name.to_lowercase()) {
                    return self.reading(
                        Subject::Named {
                            name: name.clone(),
                            kind: SourceKind::Organisation,
                        },
                        false,
                    );
                }
            }
        }
        Some(reading)
    }

    /// A capitalised run as a name, by `name_kind`.
    pub(super) fn name_with(&self, run: Range<usize>, role: bool, the: bool) -> Option<Reading> {
        let evidence = Evidence {
            role: role || self.role_before(run.start),
            the,
            located: self.located(run.start),
        };
        let (name, kind, weak) = name_kind(self.text, self.tokens, run, evidence, self.known)?;
        let mut reading = self.reading(Subject::Named { name, kind }, false)?;
        reading.weak = weak;
        Some(reading)
    }

    /// A role word right before the run: "mum-of-two Leanne Corbett".
    pub(super) fn role_before(&self, at: usize) -> bool {
        at > 0 && role_word(&self.tokens[at - 1])
    }

    /// A preposition of place right before the run: "in Cedar Mesa".
    pub(super) fn located(&self, at: usize) -> bool {
        at > 0 && PLACE_PREPOSITIONS.contains(&self.tokens[at - 1].lower())
    }
}
