/// The largest photo a child can send. Tablet cameras make 3–6 MB JPEGs.
pub const PHOTO_MAX_MB: usize = 12;
/// The longest recording a child can send; the recorder stops itself here.
pub const MAX_RECORDING_SECS: u32 = 120;

/// Why an upload was not saved, as a short code that survives a redirect. The page shows the
/// message for the code; nothing the request sent is echoed back.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadProblem {
    TooLarge,
    Empty,
    NotAllowed,
    TooManyPixels,
    Unreadable,
    TooLong,
    Conflict,
    NotSaved,
}

impl UploadProblem {
    const ALL: [UploadProblem; 8] = [
        Self::TooLarge,
        Self::Empty,
        Self::NotAllowed,
        Self::TooManyPixels,
        Self::Unreadable,
        Self::TooLong,
        Self::Conflict,
        Self::NotSaved,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::TooLarge => "too-large",
            Self::Empty => "empty",
            Self::NotAllowed => "not-allowed",
            Self::TooManyPixels => "too-many-pixels",
            Self::Unreadable => "unreadable",
            Self::TooLong => "too-long",
            Self::Conflict => "conflict",
            Self::NotSaved => "not-saved",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|problem| problem.code() == code)
    }

    pub fn message(self) -> String {
        let message = match self {
            Self::TooLarge => {
                return format!(
                    "That is too big to send. Please use a photo smaller than {PHOTO_MAX_MB} MB, \
                     or a shorter recording."
                )
            }
            Self::TooLong => {
                return format!(
                    "That recording is longer than {} minutes. Please record a shorter one.",
                    MAX_RECORDING_SECS / 60
                )
            }
            Self::Empty => "Please add your picture or recording before pressing Send.",
            Self::NotAllowed => {
                "That file is not something we can take. Please use a JPEG or PNG photo, or record here."
            }
            Self::TooManyPixels => "That picture is too big to open. Please choose a smaller one.",
            Self::Unreadable => "We could not open that file. It may be damaged; please try another.",
            Self::Conflict => {
                "A different answer was already sent for this question, so this one was not saved."
            }
            Self::NotSaved => "We could not save your answer. Please try again.",
        };
        message.to_owned()
    }
}
