//! The symbol set shipped with Heard: a chosen few OpenMoji pictures (CC BY-SA 4.0), served from
//! `/symbols/<hex>.svg`. `.ci/symbols` copies exactly these from the npm package.

/// One picture a prompt or an option can show beside its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// OpenMoji's code for it, which is also its file name.
    pub hex: &'static str,
    pub name: &'static str,
}

pub const SYMBOLS: &[Symbol] = &[
    Symbol {
        hex: "1F3CA",
        name: "Swimming",
    },
    Symbol {
        hex: "26BD",
        name: "Football",
    },
    Symbol {
        hex: "1F3B5",
        name: "Music",
    },
    Symbol {
        hex: "1F3A8",
        name: "Art",
    },
    Symbol {
        hex: "1F3AE",
        name: "Games",
    },
    Symbol {
        hex: "1F333",
        name: "Outdoors",
    },
    Symbol {
        hex: "1F6B2",
        name: "Cycling",
    },
    Symbol {
        hex: "1F373",
        name: "Cooking",
    },
    Symbol {
        hex: "1F3AC",
        name: "Films",
    },
    Symbol {
        hex: "1F415",
        name: "Animals",
    },
    Symbol {
        hex: "1F9D1-200D-1F91D-200D-1F9D1",
        name: "Friends",
    },
    Symbol {
        hex: "1F92B",
        name: "Quiet",
    },
    Symbol {
        hex: "1F68C",
        name: "Bus",
    },
    Symbol {
        hex: "1F3E0",
        name: "Home",
    },
    Symbol {
        hex: "1F3EB",
        name: "School",
    },
    Symbol {
        hex: "1F4AC",
        name: "Talking",
    },
    Symbol {
        hex: "1F4A1",
        name: "Idea",
    },
    Symbol {
        hex: "2753",
        name: "Question",
    },
    Symbol {
        hex: "1F60A",
        name: "Happy",
    },
    Symbol {
        hex: "1F4F7",
        name: "Camera",
    },
    Symbol {
        hex: "1F3AA",
        name: "Club",
    },
    Symbol {
        hex: "2728",
        name: "Something new",
    },
    Symbol {
        hex: "1F3C3",
        name: "Running",
    },
];

/// Pictures Heard's own screens use (faces, read aloud, recording…), shipped like the symbols so
/// they look the same on every tablet: emoji characters depend on the device's font, and on some
/// they are empty boxes.
pub mod icon {
    use super::Symbol;

    pub const VERY_SAD: Symbol = Symbol {
        hex: "1F622",
        name: "Very sad",
    };
    pub const SAD: Symbol = Symbol {
        hex: "1F641",
        name: "Sad",
    };
    pub const OKAY: Symbol = Symbol {
        hex: "1F610",
        name: "Okay",
    };
    pub const HAPPY: Symbol = Symbol {
        hex: "1F642",
        name: "Happy",
    };
    pub const VERY_HAPPY: Symbol = Symbol {
        hex: "1F604",
        name: "Very happy",
    };
    pub const SPEAKER: Symbol = Symbol {
        hex: "1F50A",
        name: "Read aloud",
    };
    pub const SPONGE: Symbol = Symbol {
        hex: "1F9FD",
        name: "Eraser",
    };
    pub const MICROPHONE: Symbol = Symbol {
        hex: "1F399",
        name: "Record",
    };
    pub const RECORDING: Symbol = Symbol {
        hex: "1F534",
        name: "Recording",
    };
    pub const SPEECH: Symbol = Symbol {
        hex: "1F4AC",
        name: "About",
    };
    pub const EAR: Symbol = Symbol {
        hex: "1F442",
        name: "Who will hear",
    };
    pub const HAND: Symbol = Symbol {
        hex: "270B",
        name: "You can stop",
    };
    pub const RING_BUOY: Symbol = Symbol {
        hex: "1F6DF",
        name: "Help",
    };
    pub const SOS: Symbol = Symbol {
        hex: "1F198",
        name: "I'm worried",
    };
    pub const EYES: Symbol = Symbol {
        hex: "1F440",
        name: "Who sees it",
    };
    pub const HOURGLASS: Symbol = Symbol {
        hex: "23F3",
        name: "How long",
    };
    pub const LOCKED: Symbol = Symbol {
        hex: "1F512",
        name: "Fewer people",
    };
    pub const WASTEBASKET: Symbol = Symbol {
        hex: "1F5D1",
        name: "Erase",
    };
    pub const INBOX: Symbol = Symbol {
        hex: "1F4E5",
        name: "A copy",
    };

    pub const ALL: [Symbol; 19] = [
        VERY_SAD,
        SAD,
        OKAY,
        HAPPY,
        VERY_HAPPY,
        SPEAKER,
        SPONGE,
        MICROPHONE,
        RECORDING,
        SPEECH,
        EAR,
        HAND,
        RING_BUOY,
        SOS,
        EYES,
        HOURGLASS,
        LOCKED,
        WASTEBASKET,
        INBOX,
    ];
}

impl Symbol {
    pub fn find(hex: &str) -> Option<Symbol> {
        SYMBOLS.iter().copied().find(|symbol| symbol.hex == hex)
    }

    pub fn url(self) -> String {
        format!("/symbols/{}.svg", self.hex)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_symbol_is_shipped() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public/symbols");
        for symbol in SYMBOLS.iter().chain(icon::ALL.iter()) {
            assert!(
                dir.join(format!("{}.svg", symbol.hex)).is_file(),
                "{} is missing",
                symbol.hex
            );
        }
        assert!(
            dir.join("LICENSE.txt").is_file(),
            "the licence must ship with the symbols"
        );
    }
}
